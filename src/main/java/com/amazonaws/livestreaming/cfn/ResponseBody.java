package com.amazonaws.livestreaming.cfn;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact bytes of the answer. CloudFormation rejects a body over 4096 bytes and then waits out the timeout, so
 * the body is built to fit: the Reason is shortened first; if Data alone is too large the answer becomes a FAILED
 * that says so. The Reason is always one sanitised line.
 */
public final class ResponseBody {
    /** CloudFormation's limit on the whole response body, in bytes. */
    public static final int MAX_BYTES = 4096;

    private ResponseBody() {}

    /** The body for {@code outcome}, guaranteed to be at most {@link #MAX_BYTES} bytes of UTF-8 JSON. */
    public static byte[] build(Request request, Outcome outcome) {
        Outcome fixed = withValidId(outcome, request);
        String reason = reasonFor(fixed);
        byte[] body = serialise(request, fixed, reason);
        if (body.length <= MAX_BYTES) {
            return body;
        }
        byte[] withoutReason = serialise(request, fixed, reason == null ? null : "");
        if (withoutReason.length <= MAX_BYTES) {
            return serialise(request, fixed, fitReason(request, fixed, reason));
        }
        int dataBytes = withoutReason.length;
        Outcome tooLarge = new Outcome(
                Outcome.Status.FAILED,
                fixed.physicalResourceId(),
                Map.of(),
                false,
                "the response Data is " + dataBytes + " bytes; CloudFormation accepts at most " + MAX_BYTES
                        + " bytes in all");
        // a FAILED Update keeps the old id: a new one would make CloudFormation delete the resource it keeps
        tooLarge = PhysicalIds.withAnswerId(request, tooLarge, null);
        return serialise(request, tooLarge, tooLarge.reason());
    }

    private static Outcome withValidId(Outcome outcome, Request request) {
        String id = outcome.physicalResourceId();
        if (id == null || id.isBlank()) {
            return new Outcome(
                    outcome.status(), request.physicalIdOrMarker(), outcome.data(), outcome.noEcho(), outcome.reason());
        }
        if (id.length() > PhysicalIds.MAX_LENGTH) {
            return new Outcome(
                    Outcome.Status.FAILED,
                    request.physicalIdOrMarker(),
                    Map.of(),
                    false,
                    "the physical resource id is " + id.length() + " characters; CloudFormation accepts at most "
                            + PhysicalIds.MAX_LENGTH);
        }
        return outcome;
    }

    private static String reasonFor(Outcome outcome) {
        if (outcome.succeeded()) {
            return outcome.reason() == null ? null : Redaction.urlCredentials(Redaction.oneLine(outcome.reason()));
        }
        String reason = Redaction.urlCredentials(Redaction.oneLine(outcome.reason()));
        return reason.isEmpty() ? "failed without a reason" : reason;
    }

    /** The longest prefix of {@code reason} (in whole code points) whose body still fits, found by bisection. */
    private static String fitReason(Request request, Outcome outcome, String reason) {
        int[] codePoints = reason.codePoints().toArray();
        int low = 0;
        int high = codePoints.length;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            String candidate = new String(codePoints, 0, mid) + "...";
            if (serialise(request, outcome, candidate).length <= MAX_BYTES) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return new String(codePoints, 0, low) + "...";
    }

    private static byte[] serialise(Request request, Outcome outcome, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", outcome.status().name());
        if (reason != null) {
            body.put("Reason", reason);
        }
        body.put("PhysicalResourceId", outcome.physicalResourceId());
        body.put("StackId", request.stackId());
        body.put("RequestId", request.requestId());
        body.put("LogicalResourceId", request.logicalResourceId());
        if (outcome.noEcho()) {
            body.put("NoEcho", true);
        }
        if (!outcome.data().isEmpty()) {
            body.put("Data", outcome.data());
        }
        return JsonText.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
