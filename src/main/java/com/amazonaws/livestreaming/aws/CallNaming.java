package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.FailedCall;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Marks every exception a client throws with the call that failed ({@link FailedCall}), so a FAILED answer says
 * "MediaLive StartChannel failed: ..." rather than only which service refused.
 */
final class CallNaming implements ExecutionInterceptor {
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof SdkException) {
            FailedCall.attach(
                    failure,
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
        return failure;
    }
}
