package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.StandInAnswer;
import java.util.Map;

/**
 * What the suite does to one AWS call: each is an answer AWS (or the network between) really gives, in the wire
 * form of the call's service, with the service's own error codes where its API model has them.
 */
enum Fault {
    THROTTLED_429("429", "HTTP 429 without a code the SDK knows"),
    THROTTLED(
            "throttled",
            "the service's own throttling error: MediaLive and MediaPackage 429 "
                    + "TooManyRequestsException, SSM 400 ThrottlingException, S3 503 SlowDown"),
    SERVER_ERROR("500", "500 InternalServerErrorException (SSM InternalServerError, S3 InternalError)"),
    BAD_GATEWAY("502", "502 BadGatewayException (BadGateway where the model has none)"),
    UNAVAILABLE("503", "503 ServiceUnavailableException (ServiceUnavailable where the model has none)"),
    CONNECTION_RESET("reset", "the connection reset instead of an answer (nothing done)"),
    SLOW_ANSWER(
            "slow",
            "the call done, its answer later than the client's attempt timeout (the attempt is given "
                    + "up and retried)"),
    CONFLICT("409", "409 ConflictException, on the calls whose API model has it (MediaLive)");

    /** How many times a fault that goes away is injected before the call is answered. */
    static final int TRANSIENT_TIMES = 2;

    private static final Map<String, String> SERVER_ERROR_CODES =
            Map.of("Ssm", "InternalServerError", "S3", "InternalError");

    private final String label;
    private final String description;

    Fault(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** The text the service's answer carries, which a FAILED reason must repeat. */
    String message(String call) {
        return switch (this) {
            case CONNECTION_RESET -> "could not reach AWS";
            case SLOW_ANSWER -> "no answer in time";
            default -> "fault suite: " + label + " on " + call;
        };
    }

    /** Injects the fault on {@code call}: {@link #TRANSIENT_TIMES} times, or on every call from now on. */
    void inject(AwsStandIn aws, String call, boolean persistent) {
        if (this == SLOW_ANSWER) {
            if (persistent) {
                aws.answerLateFrom(call, 0, Lane.SLOW_ANSWER);
            } else {
                for (int i = 0; i < TRANSIENT_TIMES; i++) {
                    aws.answerLate(call, Lane.SLOW_ANSWER);
                }
            }
            return;
        }
        StandInAnswer answer = answer(call);
        if (persistent) {
            aws.refuseFrom(call, 0, answer);
        } else {
            aws.refuse(call, TRANSIENT_TIMES, answer);
        }
    }

    private StandInAnswer answer(String call) {
        String service = call.substring(0, call.indexOf(':'));
        String message = message(call);
        return switch (this) {
            case THROTTLED_429 -> AwsStandIn.refusal(call, 429, "TooManyRequests", message);
            case THROTTLED ->
                switch (service) {
                    case "Ssm" -> AwsStandIn.refusal(call, 400, "ThrottlingException", message);
                    case "S3" -> AwsStandIn.refusal(call, 503, "SlowDown", message);
                    default -> AwsStandIn.refusal(call, 429, "TooManyRequestsException", message);
                };
            case SERVER_ERROR ->
                AwsStandIn.refusal(
                        call, 500, SERVER_ERROR_CODES.getOrDefault(service, "InternalServerErrorException"), message);
            case BAD_GATEWAY ->
                AwsStandIn.refusal(
                        call, 502, "MediaLive".equals(service) ? "BadGatewayException" : "BadGateway", message);
            case UNAVAILABLE ->
                AwsStandIn.refusal(
                        call,
                        503,
                        service.startsWith("Media") ? "ServiceUnavailableException" : "ServiceUnavailable",
                        message);
            case CONNECTION_RESET ->
                StandInAnswer.broken(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            case CONFLICT -> AwsStandIn.refusal(call, 409, "ConflictException", message);
            case SLOW_ANSWER -> throw new IllegalStateException("a slow answer is not a refusal");
        };
    }
}
