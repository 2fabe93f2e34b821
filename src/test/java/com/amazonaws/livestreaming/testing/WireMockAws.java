package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.CallTiming;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * A WireMock server on 127.0.0.1 and the project's real {@link AwsClients} pointed at it, so the SDK marshals,
 * signs, retries and unmarshals for real. Start in {@code @BeforeEach}, stop in {@code @AfterEach}.
 */
public final class WireMockAws implements AutoCloseable {
    private final WireMockServer server;
    private final AwsClients clients;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ExecutionInterceptor recorder = new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    };

    public WireMockAws() {
        this(3);
    }

    public WireMockAws(int maxAttempts) {
        this(maxAttempts, new Extension[0]);
    }

    /** @param extensions WireMock extensions the server loads, e.g. the {@link AwsStandIn} transformer */
    public WireMockAws(int maxAttempts, Extension... extensions) {
        this(maxAttempts, Duration.ofSeconds(20), CallTiming.PRODUCTION, extensions);
    }

    /** @param timing the clients' attempt timeout and backoff */
    public WireMockAws(int maxAttempts, Duration apiCallTimeout, CallTiming timing, Extension... extensions) {
        this(maxAttempts, apiCallTimeout, timing, List.of(), extensions);
    }

    /** @param interceptors more interceptors for the clients, after the one that records the calls */
    public WireMockAws(
            int maxAttempts,
            Duration apiCallTimeout,
            CallTiming timing,
            List<ExecutionInterceptor> interceptors,
            Extension... extensions) {
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(extensions));
        server.start();
        clients = new AwsClients(new AwsClients.Settings(
                Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:" + server.port())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMIEXAMPLEKEY")),
                maxAttempts,
                apiCallTimeout,
                Stream.concat(Stream.of(recorder), interceptors.stream()).toList(),
                timing));
    }

    public WireMockServer server() {
        return server;
    }

    public AwsClients clients() {
        return clients;
    }

    /** Every AWS call made through {@link #clients()}, as {@code Service:Operation}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls recorded so far. */
    public void resetCalls() {
        calls.clear();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
