package com.amazonaws.livestreaming.cfn;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one line a user reads in the stack events when something failed. Reasons written for users pass through;
 * AWS errors name the call that failed ({@link FailedCall}) and keep the service's own message (MediaLive's are
 * precise); anything unexpected is named by its type and message, never by a stack trace.
 */
public final class FailureReason {
    private FailureReason() {}

    public static String of(Throwable failure) {
        if (failure instanceof InvalidPropertyException || failure instanceof ResourceFailure) {
            return Redaction.oneLine(failure.getMessage());
        }
        if (failure instanceof AwsServiceException aws) {
            return Redaction.oneLine(call(aws) + " failed: " + answer(aws));
        }
        if (failure instanceof ConfigurationException) {
            return Redaction.oneLine("configuration error: " + failure.getMessage());
        }
        if (failure instanceof SdkClientException) {
            boolean timedOut =
                    failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException;
            String what = timedOut ? "no answer in time: " : "could not reach AWS: ";
            return Redaction.oneLine(
                    FailedCall.of(failure).map(call -> call + " failed: ").orElse("") + what + failure.getMessage());
        }
        String message = failure.getMessage();
        return Redaction.oneLine(
                "internal error: " + failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    /**
     * An AWS refusal in one line, for a reason or a log line: the call, the HTTP status, the service's error code
     * and its message, e.g. {@code MediaLive DescribeChannel: 500 InternalServerErrorException: internal error}.
     */
    public static String refusal(AwsServiceException e) {
        return Redaction.oneLine(call(e) + ": " + answer(e));
    }

    /** The call the clients named, else the service. */
    private static String call(AwsServiceException e) {
        return FailedCall.of(e)
                .orElseGet(
                        () -> e.awsErrorDetails() == null || e.awsErrorDetails().serviceName() == null
                                ? "AWS"
                                : e.awsErrorDetails().serviceName());
    }

    private static String answer(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return e.statusCode() + (code == null || code.isBlank() ? "" : " " + code) + ": "
                + (message == null || message.isBlank() ? "(no message)" : message);
    }
}
