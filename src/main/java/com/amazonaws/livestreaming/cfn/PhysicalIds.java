package com.amazonaws.livestreaming.cfn;

import java.time.Instant;
import java.util.Optional;

/**
 * The PhysicalResourceId rules, in one place. CloudFormation treats a changed id on Update as a replacement and
 * deletes the old id afterwards, and sends a Delete after every FAILED Create, so ids must be exact: the real id
 * of what was made, or a marker naming the Create request, from which its Delete finds (by the ownership tags) what
 * that request made after all: a call still in flight when the watchdog answered may have succeeded.
 */
public final class PhysicalIds {
    /** CloudFormation's limit on the PhysicalResourceId, in characters. */
    public static final int MAX_LENGTH = 1024;

    private static final String NOTHING_CREATED = "NotCreated:";

    private PhysicalIds() {}

    /**
     * The marker a Create answers with when it failed before making anything:
     * {@code NotCreated:<LogicalId>:<RequestId>:<answer time, epoch seconds>}. The time tells the Delete that
     * follows how long a call still in flight at the answer may go on making something ({@link Leftovers}).
     */
    public static String nothingCreated(Request request) {
        String id = NOTHING_CREATED + request.logicalResourceId() + ":" + request.requestId() + ":"
                + Instant.now().getEpochSecond();
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }

    /** When the Create a {@link #nothingCreated marker} names answered; empty for other ids and older markers. */
    public static Optional<Instant> answeredAtOf(String physicalId) {
        if (!isNothingCreated(physicalId)) {
            return Optional.empty();
        }
        String[] parts = physicalId.substring(NOTHING_CREATED.length()).split(":");
        if (parts.length != 3 || !parts[2].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[2])));
    }

    public static boolean isNothingCreated(String physicalId) {
        return physicalId != null && physicalId.startsWith(NOTHING_CREATED);
    }

    /** The RequestId of the Create a {@link #nothingCreated marker} names; empty for any other id. */
    public static Optional<String> createRequestIdOf(String physicalId) {
        if (!isNothingCreated(physicalId)) {
            return Optional.empty();
        }
        String rest = physicalId.substring(NOTHING_CREATED.length());
        if (answeredAtOf(physicalId).isPresent()) {
            rest = rest.substring(0, rest.lastIndexOf(':'));
        }
        int colon = rest.indexOf(':');
        return colon < 0 || colon == rest.length() - 1 ? Optional.empty() : Optional.of(rest.substring(colon + 1));
    }

    /**
     * The id to answer with, whatever the manager returned: Delete always answers with the id it was given; a failed
     * Update keeps the old id (a changed id would start a replacement); a failed Create carries what it made, else
     * the marker.
     */
    public static String forAnswer(Request request, Outcome outcome, String madePhysicalId) {
        String given = request.physicalResourceId();
        return switch (request.requestType()) {
            case DELETE -> request.physicalIdOrMarker();
            case UPDATE ->
                outcome.succeeded() && !isBlank(outcome.physicalResourceId())
                        ? outcome.physicalResourceId()
                        : request.physicalIdOrMarker();
            case CREATE -> {
                if (!isBlank(outcome.physicalResourceId())) {
                    yield outcome.physicalResourceId();
                }
                yield !isBlank(madePhysicalId) ? madePhysicalId : nothingCreated(request);
            }
        };
    }

    /** {@code outcome} with the id {@link #forAnswer} gives it. */
    public static Outcome withAnswerId(Request request, Outcome outcome, String madePhysicalId) {
        return new Outcome(
                outcome.status(),
                forAnswer(request, outcome, madePhysicalId),
                outcome.data(),
                outcome.noEcho(),
                outcome.reason());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
