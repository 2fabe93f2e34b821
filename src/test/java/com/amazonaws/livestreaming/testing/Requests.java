package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.cfn.Ticker;
import com.amazonaws.livestreaming.cfn.TimeBudget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Requests and invocations for calling a manager directly, as the handler would. */
public final class Requests {
    public static final String STACK_ID =
            "arn:aws:cloudformation:us-east-1:123456789012:stack/demo-stack/5b8f1d40-1234-11ef-9abc-0e1f2a3b4c5d";
    public static final String REQUEST_ID = "7bfa3c5e-41d6-4a2b-9d2e-2f1f6f0b9a11";
    public static final String RESPONSE_URL =
            "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/"
                    + "arn%3Aaws%3Acloudformation/response?X-Amz-Signature=deadbeefcafe";

    private Requests() {}

    public static Request create(String kind, Map<String, ?> properties) {
        return request(RequestType.CREATE, kind, null, Properties.of(properties), Properties.empty());
    }

    public static Request update(String kind, String physicalId, Map<String, ?> properties, Map<String, ?> old) {
        return request(RequestType.UPDATE, kind, physicalId, Properties.of(properties), Properties.of(old));
    }

    public static Request delete(String kind, String physicalId, Map<String, ?> properties) {
        return request(RequestType.DELETE, kind, physicalId, Properties.of(properties), Properties.empty());
    }

    /** A request of this stack's {@code Resource<kind>} with the shared stack, request id and ResponseURL. */
    private static Request request(
            RequestType type, String kind, String physicalId, Properties properties, Properties old) {
        return new Request(
                type,
                RESPONSE_URL,
                STACK_ID,
                REQUEST_ID,
                "Custom::" + kind,
                "Resource" + kind,
                physicalId,
                properties,
                old);
    }

    /** An invocation with a generous budget whose log lines are kept for assertions. */
    public static CapturedInvocation invocation() {
        return invocation(Duration.ofSeconds(60));
    }

    public static CapturedInvocation invocation(Duration budget) {
        return invocation(budget, Ticker.SYSTEM);
    }

    /** An invocation whose waits run on {@code clock}, e.g. an {@link AwsStandIn}'s simulated one. */
    public static CapturedInvocation invocation(Duration budget, Ticker clock) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return new CapturedInvocation(new Invocation(new TimeBudget(budget, clock), new JsonLog(stream)), bytes);
    }

    /** An invocation and everything it logged. */
    public record CapturedInvocation(Invocation invocation, ByteArrayOutputStream logBytes) {
        public String log() {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
