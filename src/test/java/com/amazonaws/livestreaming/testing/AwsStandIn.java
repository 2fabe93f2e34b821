package com.amazonaws.livestreaming.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stateful stand-ins for MediaLive, MediaPackage and SSM behind one WireMock server on 127.0.0.1, with the project's
 * real {@link AwsClients} pointed at it: the SDK marshals, signs, retries and unmarshals for real, and the services
 * answer as AWS does, slow transitions and refusals included, on a {@link SimulatedClock} that the project's waits
 * advance when they sleep (pass {@link #clock()} to the invocation's budget or the handler).
 *
 * <p>Faults for a test, by operation name as the SDK calls it ({@code MediaLive:DescribeChannel}): {@link #refuse}
 * (an error answer; nothing changes), {@link #breakConnection} (no answer; nothing changes) and {@link #answerLate}
 * (the call takes effect at once, its answer comes after a real delay: a call the client may give up on that still
 * succeeds) and {@link #onNext} (something changes in AWS just before a call). Ordinary WireMock stubs at a priority below 100 still win over the stand-ins, for anything else.
 *
 * <p>{@link #leftovers()} lists everything that exists: after a Delete it must be empty.
 */
public final class AwsStandIn implements AutoCloseable {
    private static final String TRANSFORMER = "aws-stand-in";

    private record Injection(StandInAnswer refusal, Duration late, Runnable before) {
    }

    private final SimulatedClock clock;
    private final MediaLiveStandIn mediaLive;
    private final MediaPackageStandIn mediaPackage = new MediaPackageStandIn();
    private final SsmStandIn ssm = new SsmStandIn();
    private final List<StandInService> services;
    private final Map<String, Deque<Injection>> injections = new HashMap<>();
    private final List<String> served = new ArrayList<>();
    private final WireMockAws wire;

    /** A fresh clock, and clients that retry three times (the SDK's throttling backoff included). */
    public AwsStandIn() {
        this(new SimulatedClock(), 3);
    }

    public AwsStandIn(SimulatedClock clock, int maxAttempts) {
        this.clock = clock;
        this.mediaLive = new MediaLiveStandIn(clock);
        this.services = List.of(mediaLive, mediaPackage, ssm);
        this.wire = new WireMockAws(maxAttempts, new Transformer());
        wire.server().stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    public SimulatedClock clock() {
        return clock;
    }

    public MediaLiveStandIn mediaLive() {
        return mediaLive;
    }

    public MediaPackageStandIn mediaPackage() {
        return mediaPackage;
    }

    public SsmStandIn ssm() {
        return ssm;
    }

    public AwsClients clients() {
        return wire.clients();
    }

    public WireMockServer server() {
        return wire.server();
    }

    public String baseUrl() {
        return wire.baseUrl();
    }

    /** Every AWS call the clients made, {@code Service:Operation}, once per call (retries not repeated). */
    public List<String> calls() {
        return wire.calls();
    }

    /** Every request the stand-ins received, retries included, as {@code Service:Operation}. */
    public synchronized List<String> served() {
        return List.copyOf(served);
    }

    /** Everything that exists in any stand-in (DELETED resources excluded), one line each. */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>();
        services.forEach(service -> left.addAll(service.leftovers()));
        return left;
    }

    /** The next {@code times} calls of {@code operation} are answered with this error and change nothing. */
    public synchronized void refuse(String operation, int times, int status, String code, String message) {
        StandInAnswer answer = operation.startsWith("Ssm:") ? StandInAnswer.jsonError(status, code, message)
                : StandInAnswer.error(status, code, message);
        for (int i = 0; i < times; i++) {
            queue(operation).add(new Injection(answer, null, null));
        }
    }

    /** The next {@code times} calls of {@code operation} get a broken connection instead of an answer. */
    public synchronized void breakConnection(String operation, int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            queue(operation).add(new Injection(StandInAnswer.broken(fault), null, null));
        }
    }

    /** The next call of {@code operation} takes effect at once, but its answer is sent {@code delay} later. */
    public synchronized void answerLate(String operation, Duration delay) {
        queue(operation).add(new Injection(null, delay, null));
    }

    /**
     * Runs {@code change} just before the next call of {@code operation} is served: something happening in AWS at
     * that moment, e.g. {@code () -> aws.mediaLive().remove(id)} for a resource deleted by hand mid-operation.
     */
    public synchronized void onNext(String operation, Runnable change) {
        queue(operation).add(new Injection(null, null, change));
    }

    private Deque<Injection> queue(String operation) {
        return injections.computeIfAbsent(operation, k -> new ArrayDeque<>());
    }

    private synchronized Injection next(String operation) {
        served.add(operation);
        Deque<Injection> queue = injections.get(operation);
        return queue == null ? null : queue.poll();
    }

    private StandInAnswer answer(StandInCall call) {
        for (StandInService service : services) {
            String operation = service.operation(call);
            if (operation != null) {
                Injection injection = next(operation);
                if (injection != null && injection.refusal() != null) {
                    return injection.refusal();
                }
                if (injection != null && injection.before() != null) {
                    injection.before().run();
                }
                StandInAnswer answer = service.handle(operation, call);
                return injection == null || injection.late() == null ? answer : answer.late(injection.late());
            }
        }
        return StandInAnswer.error(400, "UnknownOperationException", "no stand-in serves " + call.method() + " "
                + String.join("/", call.path()));
    }

    @Override
    public void close() {
        wire.close();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return answer(StandInCall.of(event.getRequest())).toWireMock().build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
