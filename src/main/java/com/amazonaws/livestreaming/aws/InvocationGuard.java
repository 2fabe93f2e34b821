package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.InvocationEndedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses every AWS call made for an invocation that has already been answered. The clients live as long as the
 * container, and a worker the watchdog gave up on can still be running when Lambda thaws the container for the
 * next event; without this it could go on creating, starting or deleting things behind an answer CloudFormation
 * already has. Calls made outside any invocation (the command line) pass.
 */
final class InvocationGuard implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Invocation.current().filter(Invocation::isClosed).ifPresent(ended -> {
            throw new InvocationEndedException(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        });
    }
}
