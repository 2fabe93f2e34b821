package com.amazonaws.livestreaming.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * While routed, sends every call of the {@link AwsClients} to an in-process endpoint instead of AWS, signed with
 * stand-in credentials, so SnapStart priming can run the clients' whole request path (marshalling, signing, the
 * HTTP client, unmarshalling) before the snapshot without reaching AWS and without resolving (and so caching) the
 * function's real credentials. The call is marshalled and signed exactly as for AWS; only the host it is sent to
 * changes, and the request names its {@code Service:Operation} in {@link #OPERATION_HEADER} for the endpoint.
 * Unrouted (always, outside priming) it changes nothing.
 */
public final class Loopback {
    /** The request header naming the call, e.g. {@code MediaLive:CreateChannel}. */
    public static final String OPERATION_HEADER = "x-loopback-operation";

    private static final AwsCredentials STAND_IN =
            AwsBasicCredentials.create("AKIDLOOPBACKPRIMING0", "loopbackPrimingNotARealSecretKey000000000");

    private volatile URI target;

    /** Sends every call to {@code endpoint} (an {@code http://127.0.0.1:port} address) until {@link #release}. */
    public void route(URI endpoint) {
        if (endpoint == null || !"127.0.0.1".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("calls may only be routed to 127.0.0.1, not " + endpoint);
        }
        this.target = endpoint;
    }

    /** Calls go to AWS (or AWS_ENDPOINT_URL) again. */
    public void release() {
        this.target = null;
    }

    public boolean isRouted() {
        return target != null;
    }

    ExecutionInterceptor interceptor() {
        return new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                URI to = target;
                if (to == null) {
                    return context.httpRequest();
                }
                return context.httpRequest().toBuilder()
                        .protocol(to.getScheme())
                        .host(to.getHost())
                        .port(to.getPort())
                        .putHeader(
                                OPERATION_HEADER,
                                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                                        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                        .build();
            }
        };
    }

    /** {@code real}, except while routed, when stand-in credentials are given and {@code real} is never asked. */
    AwsCredentialsProvider credentials(AwsCredentialsProvider real) {
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return target != null ? STAND_IN : real.resolveCredentials();
            }

            @Override
            public String toString() {
                return real.toString();
            }
        };
    }
}
