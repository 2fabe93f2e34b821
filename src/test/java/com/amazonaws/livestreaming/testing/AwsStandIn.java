package com.amazonaws.livestreaming.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.CallTiming;
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
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Stateful stand-ins for MediaLive, MediaPackage, SSM and S3 behind one WireMock server on 127.0.0.1, with the project's
 * real {@link AwsClients} pointed at it: the SDK marshals, signs, retries and unmarshals for real, and the services
 * answer as AWS does, slow transitions and refusals included, on a {@link SimulatedClock} that the project's waits
 * advance when they sleep (pass {@link #clock()} to the invocation's budget or the handler).
 *
 * <p>Faults for a test, by operation name as the SDK calls it ({@code MediaLive:DescribeChannel}): {@link #refuse}
 * (an error answer; nothing changes), {@link #breakConnection} (no answer; nothing changes), {@link #answerLate}
 * (the call takes effect at once, its answer comes late: a call the client may give up on that still succeeds;
 * later than the clients' attempt timeout costs no real time, see {@link AttemptTimers}), {@link #holdAnswer} (the same, answered when the test says) and {@link #onNext} (something changes in
 * AWS just before a call). Each is queued for the next calls of the operation, one per call; one call can get one
 * of each kind, except that a refused call gets nothing else. {@link #refuseFrom} and {@link #answerLateFrom} are
 * persistent instead: every call from the n-th on. Ordinary WireMock stubs at a priority below 100 still win over
 * the stand-ins, for anything else. {@link #reset} forgets everything (resources, faults, calls) so that one server
 * and its clients can serve many tests.
 *
 * <p>{@link #leftovers()} lists everything that exists: after a Delete it must be empty.
 */
public final class AwsStandIn implements AutoCloseable {
    private static final String TRANSFORMER = "aws-stand-in";
    /** How long a caller waits for a slow answer before its attempt is ended (see {@link #expireWhileWaiting}). */
    private static final Duration WAITING = Duration.ofMillis(100);

    /** What is queued for the next calls of one operation; each call takes at most one of each kind. */
    private static final class Injections {
        final Deque<StandInAnswer> refusals = new ArrayDeque<>();
        final Deque<Runnable> befores = new ArrayDeque<>();
        final Deque<CountDownLatch> holds = new ArrayDeque<>();
        final Deque<Duration> lates = new ArrayDeque<>();
        int passed;
        int skip;
        StandInAnswer alwaysRefused;
        Duration alwaysLate;
    }

    /** What one call gets. */
    private record Injection(StandInAnswer refusal, Runnable before, CountDownLatch hold, Duration late) {}

    private final SimulatedClock clock;
    private MediaLiveStandIn mediaLive;
    private MediaPackageStandIn mediaPackage;
    private SsmStandIn ssm;
    private S3StandIn s3;
    private List<StandInService> services;
    private final Map<String, Injections> injections = new HashMap<>();
    private final List<String> served = new ArrayList<>();
    private final WireMockAws wire;
    private final Duration attemptTimeout;
    private final AttemptTimers timers;

    /** A fresh clock, and clients that retry three times (the SDK's throttling backoff included). */
    public AwsStandIn() {
        this(new SimulatedClock(), 3);
    }

    public AwsStandIn(SimulatedClock clock, int maxAttempts) {
        this(clock, maxAttempts, Duration.ofSeconds(20), CallTiming.PRODUCTION);
    }

    /**
     * @param apiCallTimeout the clients' limit on a whole call, retries included (real time)
     * @param timing         the clients' attempt timeout and backoff (see {@link SimulatedBackoff})
     */
    public AwsStandIn(SimulatedClock clock, int maxAttempts, Duration apiCallTimeout, CallTiming timing) {
        this.clock = clock;
        newServices();
        this.attemptTimeout = timing.attemptTimeout();
        this.timers = new AttemptTimers(attemptTimeout);
        this.wire = new WireMockAws(
                maxAttempts,
                apiCallTimeout,
                new CallTiming(attemptTimeout, timing.backoff(), timing.throttlingBackoff(), timers),
                List.of(new NameTheCaller()),
                new Transformer());
        wire.server()
                .stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    private synchronized void newServices() {
        mediaLive = new MediaLiveStandIn(clock);
        mediaPackage = new MediaPackageStandIn();
        ssm = new SsmStandIn();
        s3 = new S3StandIn();
        services = List.of(s3, mediaLive, mediaPackage, ssm);
    }

    /**
     * Makes one call of each client with a generous attempt timeout, then forgets it: the first call of a JVM loads
     * much of the SDK and the server, which can take longer than a short attempt timeout allows.
     */
    public void warmUp() {
        Duration patient = Duration.ofSeconds(30);
        AwsClients clients = clients();
        clients.mediaLive().listChannels(b -> b.overrideConfiguration(o -> o.apiCallAttemptTimeout(patient)));
        clients.mediaPackage().listChannels(b -> b.overrideConfiguration(o -> o.apiCallAttemptTimeout(patient)));
        ignoreRefusal(() -> clients.ssm()
                .getParameter(b -> b.name("/warm-up").overrideConfiguration(o -> o.apiCallAttemptTimeout(patient))));
        ignoreRefusal(() -> clients.s3()
                .listObjectsV2(b -> b.bucket("warm-up").overrideConfiguration(o -> o.apiCallAttemptTimeout(patient))));
        forgetCalls();
    }

    private static void ignoreRefusal(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException expected) {
            // the stand-in holds nothing yet; the round trip is what warms up
        }
    }

    /** Forgets every resource, fault and call: an empty AWS behind the same server, clients and clock. */
    public synchronized void reset() {
        newServices();
        injections.clear();
        served.clear();
        wire.resetCalls();
    }

    /** Forgets the calls made so far ({@link #calls()}, {@link #served()}); resources and faults stay. */
    public synchronized void forgetCalls() {
        served.clear();
        wire.resetCalls();
    }

    /** Drops every fault still queued or persistent; resources and calls stay. */
    public synchronized void clearFaults() {
        injections.clear();
    }

    public SimulatedClock clock() {
        return clock;
    }

    public synchronized MediaLiveStandIn mediaLive() {
        return mediaLive;
    }

    public synchronized MediaPackageStandIn mediaPackage() {
        return mediaPackage;
    }

    public synchronized SsmStandIn ssm() {
        return ssm;
    }

    public synchronized S3StandIn s3() {
        return s3;
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
        List<StandInService> now;
        synchronized (this) {
            now = services;
        }
        now.forEach(service -> left.addAll(service.leftovers()));
        return left;
    }

    /**
     * An error answer in the wire form of the operation's service: REST-JSON with {@code x-amzn-ErrorType}
     * (MediaLive, MediaPackage), JSON 1.1 with {@code __type} (SSM), or an XML {@code <Error>} (S3).
     */
    public static StandInAnswer refusal(String operation, int status, String code, String message) {
        if (operation.startsWith("Ssm:")) {
            return StandInAnswer.jsonError(status, code, message);
        }
        return operation.startsWith("S3:")
                ? StandInAnswer.xmlError(status, code, message)
                : StandInAnswer.error(status, code, message);
    }

    /** The next {@code times} calls of {@code operation} are answered with this error and change nothing. */
    public synchronized void refuse(String operation, int times, int status, String code, String message) {
        refuse(operation, times, refusal(operation, status, code, message));
    }

    /** The next {@code times} calls of {@code operation} get {@code answer} (an error or a broken connection). */
    public synchronized void refuse(String operation, int times, StandInAnswer answer) {
        for (int i = 0; i < times; i++) {
            queue(operation).refusals.add(answer);
        }
    }

    /**
     * Every call of {@code operation} after the first {@code skip} gets {@code answer} (an error, or a broken
     * connection) and changes nothing, until {@link #clearFaults}: a fault that does not go away.
     */
    public synchronized void refuseFrom(String operation, int skip, StandInAnswer answer) {
        Injections queued = queue(operation);
        queued.skip = skip;
        queued.alwaysRefused = answer;
    }

    /** Every call of {@code operation} after the first {@code skip} takes effect at once and is answered late. */
    public synchronized void answerLateFrom(String operation, int skip, Duration delay) {
        Injections queued = queue(operation);
        queued.skip = skip;
        queued.alwaysLate = delay;
    }

    /** The next {@code times} calls of {@code operation} get a broken connection instead of an answer. */
    public synchronized void breakConnection(String operation, int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            queue(operation).refusals.add(StandInAnswer.broken(fault));
        }
    }

    /**
     * The next call of {@code operation} takes effect at once, but its answer is sent {@code delay} later. A delay
     * of at least the clients' attempt timeout ends the attempt at once, as its timer would have (see
     * {@link AttemptTimers}), and moves the clock by the attempt timeout: the client gives up, and the answer goes
     * to nobody.
     */
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

    /** Names the calling thread in every request, so that a late answer can end the attempt that thread waits on. */
    private static final class NameTheCaller implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder()
                    .putHeader(
                            AttemptTimers.CALLER,
                            String.valueOf(Thread.currentThread().getId()))
                    .build();
        }
    }

    private Injections queue(String operation) {
        return injections.computeIfAbsent(operation, k -> new Injections());
    }

    private synchronized Injection next(String operation) {
        served.add(operation);
        Injections queued = queue(operation);
        boolean always = queued.passed++ >= queued.skip;
        StandInAnswer refusal = queued.refusals.poll();
        if (refusal == null && always) {
            refusal = queued.alwaysRefused;
        }
        if (refusal != null) {
            return new Injection(refusal, null, null, null);
        }
        Duration late = queued.lates.poll();
        return new Injection(
                null, queued.befores.poll(), queued.holds.poll(), late == null && always ? queued.alwaysLate : late);
    }

    private StandInAnswer answer(StandInCall call) {
        List<StandInService> now;
        synchronized (this) {
            now = services;
        }
        for (StandInService service : now) {
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
                if (injection.late() == null) {
                    return answer;
                }
                if (injection.late().compareTo(attemptTimeout) >= 0 && expireWhileWaiting(caller(call))) {
                    clock.advance(attemptTimeout); // the client waited its whole attempt timeout, and gave up
                    return answer; // to nobody
                }
                return answer.late(injection.late());
            }
        }
        return StandInAnswer.error(
                400,
                "UnknownOperationException",
                "no stand-in serves " + call.method() + " " + String.join("/", call.path()));
    }

    /**
     * Ends the caller's attempt once it has waited for the answer a little: a connection aborted while the JDK's
     * HttpURLConnection is still between sending and reading fails with a NullPointerException, not as a timeout.
     */
    private boolean expireWhileWaiting(long caller) {
        try {
            Thread.sleep(WAITING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return timers.expire(caller);
    }

    private static long caller(StandInCall call) {
        String caller = call.header(AttemptTimers.CALLER);
        return caller == null ? -1 : Long.parseLong(caller);
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
        timers.shutdownNow();
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
