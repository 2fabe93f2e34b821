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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stateful stand-ins for MediaLive, MediaPackage and SSM behind one WireMock server on 127.0.0.1, with the project's
 * real {@link AwsClients} pointed at it: the SDK marshals, signs, retries and unmarshals for real, and the services
 * answer as AWS does, slow transitions and refusals included, on a {@link SimulatedClock} that the project's waits
 * advance when they sleep (pass {@link #clock()} to the invocation's budget or the handler).
 *
 * <p>Faults for a test, by operation name as the SDK calls it ({@code MediaLive:DescribeChannel}): {@link #refuse}
 * (an error answer; nothing changes), {@link #breakConnection} (no answer; nothing changes), {@link #answerLate}
 * (the call takes effect at once, its answer comes after a real delay: a call the client may give up on that still
 * succeeds), {@link #holdAnswer} (the same, answered when the test says) and {@link #onNext} (something changes in
 * AWS just before a call). Each is queued for the next calls of the operation, one per call; one call can get one
 * of each kind, except that a refused call gets nothing else. Ordinary WireMock stubs at a priority below 100 still
 * win over the stand-ins, for anything else.
 *
 * <p>{@link #leftovers()} lists everything that exists: after a Delete it must be empty.
 */
public final class AwsStandIn implements AutoCloseable {
    private static final String TRANSFORMER = "aws-stand-in";

    /** What is queued for the next calls of one operation; each call takes at most one of each kind. */
    private static final class Injections {
        final Deque<StandInAnswer> refusals = new ArrayDeque<>();
        final Deque<Runnable> befores = new ArrayDeque<>();
        final Deque<CountDownLatch> holds = new ArrayDeque<>();
        final Deque<Duration> lates = new ArrayDeque<>();
    }

    /** What one call gets. */
    private record Injection(StandInAnswer refusal, Runnable before, CountDownLatch hold, Duration late) {
    }

    private final SimulatedClock clock;
    private final MediaLiveStandIn mediaLive;
    private final MediaPackageStandIn mediaPackage = new MediaPackageStandIn();
    private final SsmStandIn ssm = new SsmStandIn();
    private final List<StandInService> services;
    private final Map<String, Injections> injections = new HashMap<>();
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
            queue(operation).refusals.add(answer);
        }
    }

    /** The next {@code times} calls of {@code operation} get a broken connection instead of an answer. */
    public synchronized void breakConnection(String operation, int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            queue(operation).refusals.add(StandInAnswer.broken(fault));
        }
    }

    /** The next call of {@code operation} takes effect at once, but its answer is sent {@code delay} later. */
    public synchronized void answerLate(String operation, Duration delay) {
        queue(operation).lates.add(delay);
    }

    /**
     * The next call of {@code operation} takes effect at once, but its answer is held until {@code release} opens
     * (at most a minute): a call in flight for as long as the test needs, e.g. until a watchdog has answered.
     */
    public synchronized void holdAnswer(String operation, CountDownLatch release) {
        queue(operation).holds.add(release);
    }

    /**
     * Runs {@code change} just before the next call of {@code operation} is served: something happening in AWS at
     * that moment, e.g. {@code () -> aws.mediaLive().remove(id)} for a resource deleted by hand mid-operation.
     */
    public synchronized void onNext(String operation, Runnable change) {
        queue(operation).befores.add(change);
    }

    private Injections queue(String operation) {
        return injections.computeIfAbsent(operation, k -> new Injections());
    }

    private synchronized Injection next(String operation) {
        served.add(operation);
        Injections queued = queue(operation);
        StandInAnswer refusal = queued.refusals.poll();
        if (refusal != null) {
            return new Injection(refusal, null, null, null);
        }
        return new Injection(null, queued.befores.poll(), queued.holds.poll(), queued.lates.poll());
    }

    private StandInAnswer answer(StandInCall call) {
        for (StandInService service : services) {
            String operation = service.operation(call);
            if (operation != null) {
                Injection injection = next(operation);
                if (injection.refusal() != null) {
                    return injection.refusal();
                }
                if (injection.before() != null) {
                    injection.before().run();
                }
                StandInAnswer answer = service.handle(operation, call);
                if (injection.hold() != null) {
                    await(injection.hold());
                }
                return injection.late() == null ? answer : answer.late(injection.late());
            }
        }
        return StandInAnswer.error(400, "UnknownOperationException", "no stand-in serves " + call.method() + " "
                + String.join("/", call.path()));
    }

    private static void await(CountDownLatch release) {
        try {
            release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
