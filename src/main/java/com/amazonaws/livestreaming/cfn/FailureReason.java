package com.amazonaws.livestreaming.cfn;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one line a user reads in the stack events when something failed. Reasons written for users pass through;
 * AWS errors keep the service's own message (MediaLive's are precise); anything unexpected is named by its type
 * and message, never by a stack trace.
 */
public final class FailureReason {
    private FailureReason() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof InvalidPropertyException || failure instanceof ResourceFailure) {
            return Redaction.oneLine(failure.getMessage());
        }
        if (failure instanceof AwsServiceException aws) {
            String service = aws.awsErrorDetails() == null ? "AWS" : aws.awsErrorDetails().serviceName();
            String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
            return Redaction.oneLine(service + " refused: " + (code == null ? "" : code + ": ")
                    + (message == null ? "(no message, HTTP " + aws.statusCode() + ")" : message));
        }
        if (failure instanceof ConfigurationException) {
            return Redaction.oneLine("configuration error: " + failure.getMessage());
        }
        if (failure instanceof SdkClientException) {
            return Redaction.oneLine("could not reach AWS: " + failure.getMessage());
        }
        String message = failure.getMessage();
        return Redaction.oneLine("internal error: " + failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message));
    }
}
