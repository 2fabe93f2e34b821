package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Bounds every AWS call, its retries included, by the time its invocation has left before the answer must go out.
 * A call that outlives the function (the client's own timeout is a minute) is a call whose result nobody sees: a
 * channel created after the FAILED answer of an Update, say, that CloudFormation never deletes. The invocation's
 * budget already ends a safety margin before the Lambda does, so a call cut off here still leaves the time to
 * clean up and answer. Calls made outside any invocation (the command line) keep the client's timeout.
 */
final class CallTimeLimit implements ExecutionInterceptor {
    private final Duration clientTimeout;

    /** @param clientTimeout the client's own limit on a call, which a longer budget does not lift */
    CallTimeLimit(Duration clientTimeout) {
        this.clientTimeout = clientTimeout;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!(request instanceof AwsRequest aws)) {
            return request;
        }
        return Invocation.current()
                .map(invocation -> {
                    Duration left = invocation.budget().remaining();
                    if (left.isZero()) {
                        throw new OutOfTimeException(
                                "calling " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                                        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                                null);
                    }
                    AwsRequestOverrideConfiguration.Builder limited = aws.overrideConfiguration()
                            .map(AwsRequestOverrideConfiguration::toBuilder)
                            .orElseGet(AwsRequestOverrideConfiguration::builder);
                    Duration limit = limited.apiCallTimeout() == null ? clientTimeout : limited.apiCallTimeout();
                    limited.apiCallTimeout(limit.compareTo(left) < 0 ? limit : left);
                    return (SdkRequest) aws.toBuilder()
                            .overrideConfiguration(limited.build())
                            .build();
                })
                .orElse(request);
    }
}
