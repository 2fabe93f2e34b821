package com.amazonaws.livestreaming.snapstart;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Jitter;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.JsonTree;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.Watchdog;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkGlobalTime;

/**
 * Makes the SnapStart snapshot hold a function that has already served every kind of request. Lambda takes the
 * snapshot once per published version, after {@link #beforeCheckpoint}; every cold start then resumes from it. So
 * before the snapshot this builds every AWS client, converts the built-in encoding profiles, runs a Create and a
 * Delete of every resource kind through the handler (event parsing, the managers, marshalling, signing, the
 * URL-connection client, unmarshalling, the answer body and its PUT) and then every AWS call the managers declare
 * that those events did not reach, all against {@link LoopbackAws} in this process: nothing reaches AWS, the
 * function's credentials are never resolved (so none are cached in the snapshot), and the requests carry the
 * stand-in stack's ids, never a real one. Its own log lines are not written; one summary line is.
 *
 * <p>Priming only warms: a failure is logged and the snapshot is taken anyway, and the function behaves the same
 * with or without it. {@link #afterRestore} clears what must not be carried from the snapshot into a restored
 * copy: any clock offset the SDK learned, the routing to the stand-in, the jitter's seed (every restored copy would
 * draw the same delays) and the worker threads made before the snapshot.
 */
public final class SnapStartPriming implements Resource {
    /** The Lambda request id of the priming requests' log lines (which are not written). */
    static final String REQUEST_ID = "snapstart-priming";

    private static final Duration EVENT_TIME = Duration.ofSeconds(60);

    /** What priming did: the AWS calls the stand-in saw, each sample's answer, and what went wrong. */
    public record Report(List<String> calls, Map<String, String> answers, List<String> problems, long durationMs) {
        public Report {
            calls = List.copyOf(calls);
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            problems = List.copyOf(problems);
        }
    }

    private final Handler handler;
    private final Supplier<AwsClients> clients;
    private final Supplier<Registry> registry;
    private final JsonLog log;

    /**
     * @param handler  the function's handler; its managers and clients are the ones primed
     * @param clients  the clients its managers use
     * @param registry its managers
     * @param log      where the summary line goes
     */
    public SnapStartPriming(Handler handler, Supplier<AwsClients> clients, Supplier<Registry> registry, JsonLog log) {
        this.handler = handler;
        this.clients = clients;
        this.registry = registry;
        this.log = log.with(Map.of("lambdaRequestId", "init"));
    }

    /** Registers with the runtime's CRaC context; without SnapStart (or CRaC) this does nothing. */
    public static void register(SnapStartPriming priming) {
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Report report = prime();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("durationMs", report.durationMs());
        fields.put("awsCalls", report.calls().size());
        fields.put("events", report.answers().size());
        if (!report.problems().isEmpty()) {
            fields.put("problems", report.problems());
        }
        log.write(report.problems().isEmpty() ? "INFO" : "WARN", "SnapStart priming done", fields);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        SdkGlobalTime.setGlobalTimeOffset(0);
        Jitter.reseed();
        Watchdog.renewWorkers();
        try {
            clients.get().loopback().release();
        } catch (RuntimeException noClients) {
            // nothing was routed
        }
    }

    /** Runs every request path against the in-process stand-in; never throws. */
    public Report prime() {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> calls = new ArrayList<>();
        try (LoopbackAws endpoint = LoopbackAws.start(CannedAnswers.packaged())) {
            AwsClients aws = clients.get();
            aws.loopback().route(endpoint.uri());
            try {
                List<SdkClient> all = aws.all();
                EncodingProfiles profiles = new EncodingProfiles(aws::s3);
                for (String name : EncodingProfiles.BUILT_IN) {
                    profiles.load(name);
                }
                Handler quiet = handler.withLog(new JsonLog(new PrintStream(OutputStream.nullOutputStream())));
                for (SampleEvents.Sample sample : SampleEvents.packaged()) {
                    byte[] answer = quiet.handle(
                            sample.bytes(endpoint.responseUrl(sample.name())),
                            new LocalContext(EVENT_TIME, REQUEST_ID));
                    answers.put(sample.name(), status(answer));
                }
                Set<String> unreached = new TreeSet<>(declaredCalls());
                unreached.removeAll(endpoint.calls());
                problems.addAll(ApiCallPrimer.call(all, unreached));
            } finally {
                aws.loopback().release();
                calls.addAll(endpoint.calls());
            }
        } catch (RuntimeException | LinkageError e) {
            problems.add("priming stopped: " + e);
        }
        answers.forEach((name, status) -> {
            if (!status.equals("SUCCESS")) {
                problems.add(name + " answered " + status);
            }
        });
        return new Report(calls, answers, problems, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every AWS call any manager declares, as {@code Service:Operation}. */
    Set<String> declaredCalls() {
        Registry managers = registry.get();
        Set<String> calls = new TreeSet<>();
        for (String kind : managers.kinds()) {
            managers.find(kind).map(ResourceManager::spec).ifPresent(spec -> calls.addAll(spec.apiCalls()));
        }
        return calls;
    }

    private static String status(byte[] answer) {
        if (answer == null) {
            return "no answer";
        }
        Object body = JsonTree.parse(answer);
        if (body instanceof Map<?, ?> map && "SUCCESS".equals(map.get("Status"))) {
            return "SUCCESS";
        }
        return body instanceof Map<?, ?> map ? map.get("Status") + ": " + map.get("Reason") : "unreadable";
    }
}
