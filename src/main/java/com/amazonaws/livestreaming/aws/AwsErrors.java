package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.FailureReason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How the project reads AWS's refusals: which mean "no such thing" and which mean "ask again later". */
public final class AwsErrors {
    private AwsErrors() {}

    /**
     * True when AWS says the id of a describe or delete call names nothing: 404 (NotFoundException), or MediaLive's
     * 400 BadRequestException, which is how it turns away an id it could never have issued (the id is the only thing
     * such a call sends). Use it only on calls whose one input is the id: there a 400 cannot mean anything else.
     */
    public static boolean namesNothing(AwsServiceException e) {
        return e.statusCode() == 404
                || (e.statusCode() == 400
                        && e.awsErrorDetails() != null
                        && "BadRequestException".equals(e.awsErrorDetails().errorCode()));
    }

    /**
     * True for throttling and server-side failures (5xx), which the SDK has already retried with backoff: a wait
     * keeps polling through them (as botocore's MediaLive waiters do for 500) instead of failing the stack.
     */
    public static boolean isTransient(AwsServiceException e) {
        return e.isThrottlingException() || e.statusCode() >= 500;
    }

    /**
     * The service's own words, for a log line or a reason:
     * {@code MediaLive DescribeChannel: 429 TooManyRequestsException: ...} (see {@link FailureReason#refusal}).
     */
    public static String describe(AwsServiceException e) {
        return FailureReason.refusal(e);
    }
}
