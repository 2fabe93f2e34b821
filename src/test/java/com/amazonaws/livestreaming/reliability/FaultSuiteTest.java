package com.amazonaws.livestreaming.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.BotocoreModels;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.amazonaws.livestreaming.testing.StandInAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault suite: the real handler and managers, the real SDK on the wire, stand-ins that behave as AWS does, and
 * a fault on every AWS call of every kind, on Create, Update and Delete. The matrix is generated, not written: the
 * scenarios ({@link Scenarios}) are run clean first, the calls each request really makes are its rows, and every
 * {@link Fault} is injected into each, twice (then the call is answered) and for good. Transient faults must leave
 * the answer as it was; persistent ones must give one FAILED answer naming the call and what the service said. In
 * every case: exactly one answer, before the Lambda's deadline, CloudFormation's follow-ups (rollback, retried
 * Delete, the stack's Delete) succeed, and nothing is left in AWS. Besides the matrix: every step of every Create
 * refused for good followed by the rollback Delete, the same Create delivered twice (in a row and at once), the
 * same Delete twice, and a ResponseURL that fails.
 *
 * <p>The run's counts are written to {@code target/reliability-matrix.md}, and RELIABILITY.md must show the same
 * tables ({@value #REGENERATE} rewrites them).
 */
class FaultSuiteTest {
    /** Set to {@code true}, the suite rewrites RELIABILITY.md's tables instead of comparing them. */
    static final String UPDATE = "RELIABILITY_UPDATE";

    static final String REGENERATE = UPDATE + "=true mvn -B -o test -Dtest=FaultSuiteTest";
    private static final Path DOC = Path.of("RELIABILITY.md");
    private static final Path GENERATED = Path.of("target", "reliability-matrix.md");
    private static final String START = "<!-- fault-suite:start -->";
    private static final String END = "<!-- fault-suite:end -->";
    private static final List<RequestType> TYPES = List.of(RequestType.CREATE, RequestType.UPDATE, RequestType.DELETE);
    private static final Duration NO_ANSWER_TIME_LEFT = Duration.ofSeconds(3);
    /**
     * The time left when the ResponseURL answers slowly once (after all of it): the first try waits about two thirds
     * of it for the answer, and the second try still has over a second.
     */
    private static final Duration SLOW_TIME_LEFT = Duration.ofSeconds(5);

    private static LanePool pool;
    private static JsonLog activeLog;

    /** A case in the pool and where it goes in the report. */
    private record Submitted(
            String name,
            Report.Group group,
            String kind,
            RequestType type,
            String call,
            Fault fault,
            boolean persistent,
            LanePool.Job<Verdict> job) {}

    private final List<Submitted> submitted = new ArrayList<>();

    @BeforeAll
    static void start() {
        activeLog = JsonLog.active();
        pool = new LanePool(Integer.getInteger("faultsuite.lanes", 3));
    }

    @AfterAll
    static void stop() {
        pool.close();
        JsonLog.activate(activeLog);
    }

    @TestFactory
    Stream<DynamicNode> faultSuite() {
        Set<String> only = Set.of(System.getProperty("faultsuite.kinds", "").split(",")).stream()
                .filter(k -> !k.isBlank())
                .collect(Collectors.toSet());
        Map<String, Set<String>> specs = specs();
        specs.keySet().removeIf(kind -> !only.isEmpty() && !only.contains(kind));
        List<Scenario> scenarios = Scenarios.all().stream()
                .filter(s -> specs.containsKey(s.kind()))
                .toList();
        Map<Scenario, LanePool.Job<StackRun.Result>> cleanJobs = new LinkedHashMap<>();
        scenarios.forEach(s -> cleanJobs.put(s, pool.submit(lane -> StackRun.run(lane, s, aws -> {}))));
        Map<Scenario, Verdict.Clean> cleans = new LinkedHashMap<>();
        List<DynamicTest> cleanTests = new ArrayList<>();
        cleanJobs.forEach((scenario, job) -> {
            StackRun.Result result;
            try {
                result = job.result();
            } catch (RuntimeException | AssertionError e) {
                cleanTests.add(DynamicTest.dynamicTest(scenario.title(), () -> {
                    throw e;
                }));
                return;
            }
            Verdict verdict = Verdict.ofClean(scenario, result);
            if (verdict.passed()) {
                cleans.put(scenario, Verdict.Clean.of(result));
            }
            cleanTests.add(DynamicTest.dynamicTest(
                    scenario.title() + " answers as it should without faults",
                    () -> assertTrue(verdict.passed(), verdict.problems() + "\n" + result.log())));
        });

        submitFaults(specs, scenarios, cleans);
        submitSteps(cleans);
        submitDeliveries(cleans);
        submitResponseUrlFaults(scenarios);

        return Stream.of(
                DynamicContainer.dynamicContainer("clean runs", cleanTests),
                DynamicContainer.dynamicContainer("every call in the specs is made", coverage(specs, cleans)),
                container("faults on every call", Report.Group.FAULT),
                container("a step of each Create refused for good", Report.Group.STEP),
                container("the same Create twice in a row", Report.Group.TWICE_IN_A_ROW),
                container("the same Create twice at once", Report.Group.TWICE_AT_ONCE),
                container("the same Delete twice", Report.Group.DELETE_TWICE),
                container("ResponseURL faults", Report.Group.RESPONSE_URL),
                DynamicTest.dynamicTest("RELIABILITY.md shows this run's tables", () -> {
                    Assumptions.assumeTrue(only.isEmpty(), "only some kinds were run (-Dfaultsuite.kinds)");
                    report(specs);
                }));
    }

    /** Every kind's declared calls, in the registry's order. */
    private static Map<String, Set<String>> specs() {
        var registry = pool.registry();
        Map<String, Set<String>> specs = new LinkedHashMap<>();
        for (String kind : registry.kinds()) {
            specs.put(
                    kind,
                    new TreeSet<>(registry.find(kind)
                            .map(ResourceManager::spec)
                            .orElseThrow()
                            .apiCalls()));
        }
        return specs;
    }

    private static List<DynamicTest> coverage(Map<String, Set<String>> specs, Map<Scenario, Verdict.Clean> cleans) {
        List<DynamicTest> tests = new ArrayList<>();
        specs.forEach((kind, declared) -> tests.add(DynamicTest.dynamicTest("Custom::" + kind, () -> {
            Set<String> made = new TreeSet<>();
            cleans.forEach((scenario, clean) -> {
                if (scenario.kind().equals(kind)) {
                    made.addAll(clean.calls());
                }
            });
            Set<String> never = new TreeSet<>(declared);
            never.removeAll(made);
            Set<String> undeclared = new TreeSet<>(made);
            undeclared.removeAll(declared);
            assertEquals(
                    Set.of(),
                    never,
                    "calls Custom::" + kind + " declares that no scenario makes: add a "
                            + "scenario to Scenarios that makes them, so the suite faults them");
            assertEquals(Set.of(), undeclared, "calls Custom::" + kind + " makes without declaring them");
        })));
        return tests;
    }

    // ---- the matrix ----

    private void submitFaults(
            Map<String, Set<String>> specs, List<Scenario> scenarios, Map<Scenario, Verdict.Clean> cleans) {
        Set<String> allCalls = new TreeSet<>();
        specs.values().forEach(allCalls::addAll);
        Set<String> conflicting = BotocoreModels.callsThatCanAnswer(allCalls, "ConflictException");
        for (String kind : specs.keySet()) {
            for (RequestType type : TYPES) {
                Set<String> faulted = new HashSet<>();
                for (Scenario scenario : scenarios) {
                    Verdict.Clean clean = cleans.get(scenario);
                    if (clean == null || !scenario.kind().equals(kind) || scenario.type() != type) {
                        continue;
                    }
                    for (String call : clean.distinctCalls()) {
                        if (faulted.add(call)) {
                            submitFaults(scenario, clean, call, conflicting.contains(call));
                        }
                    }
                }
            }
        }
    }

    private void submitFaults(Scenario scenario, Verdict.Clean clean, String call, boolean canConflict) {
        for (Fault fault : Fault.values()) {
            if (fault == Fault.CONFLICT && !canConflict) {
                continue;
            }
            for (boolean persistent : new boolean[] {false, true}) {
                String name = scenario.title() + ": " + call + " " + fault.label()
                        + (persistent ? " every time" : " " + Fault.TRANSIENT_TIMES + " times, then answered");
                submit(
                        name,
                        Report.Group.FAULT,
                        scenario,
                        call,
                        fault,
                        persistent,
                        lane -> Verdict.ofFault(
                                clean,
                                StackRun.run(lane, scenario, aws -> fault.inject(aws, call, persistent)),
                                call,
                                fault,
                                persistent));
            }
        }
    }

    /** Each step of each Create (where the call made changes), refused from then on. */
    private void submitSteps(Map<Scenario, Verdict.Clean> cleans) {
        cleans.forEach((scenario, clean) -> {
            if (scenario.type() != RequestType.CREATE || scenario.repeated()) {
                return;
            }
            List<String> calls = clean.calls();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                String call = calls.get(i);
                int occurrence = seen.merge(call, 1, Integer::sum);
                if (i > 0 && calls.get(i - 1).equals(call)) {
                    continue;
                }
                String message = "fault suite: step " + (i + 1) + " refused";
                int skip = occurrence - 1;
                submit(
                        scenario.title() + ": step " + (i + 1) + ", " + call
                                + (occurrence > 1 ? " (call " + occurrence + ")" : ""),
                        Report.Group.STEP,
                        scenario,
                        call,
                        null,
                        true,
                        lane -> Verdict.ofStep(
                                clean,
                                StackRun.run(
                                        lane, scenario, aws -> aws.refuseFrom(call, skip, forbidden(call, message))),
                                call,
                                message));
            }
        });
    }

    private static StandInAnswer forbidden(String call, String message) {
        if (call.startsWith("Ssm:")) {
            return AwsStandIn.refusal(call, 400, "AccessDeniedException", message);
        }
        return AwsStandIn.refusal(call, 403, call.startsWith("S3:") ? "AccessDenied" : "ForbiddenException", message);
    }

    // ---- delivered twice ----

    private void submitDeliveries(Map<Scenario, Verdict.Clean> cleans) {
        cleans.forEach((scenario, clean) -> {
            if (scenario.type() == RequestType.CREATE && !scenario.repeated() && scenario.succeeds()) {
                submit(
                        scenario.title() + " delivered twice in a row",
                        Report.Group.TWICE_IN_A_ROW,
                        scenario,
                        null,
                        null,
                        false,
                        lane -> twiceInARow(lane, scenario, clean));
                submit(
                        scenario.title() + " delivered twice at once",
                        Report.Group.TWICE_AT_ONCE,
                        scenario,
                        null,
                        null,
                        false,
                        lane -> twiceAtOnce(lane, scenario, clean));
            }
            if (scenario.type() == RequestType.DELETE) {
                submit(
                        scenario.title() + " delivered twice",
                        Report.Group.DELETE_TWICE,
                        scenario,
                        null,
                        null,
                        false,
                        lane -> deleteTwice(lane, scenario));
            }
        });
    }

    private static Verdict twiceInARow(Lane lane, Scenario scenario, Verdict.Clean clean) {
        StackRun.Prepared prepared = StackRun.prepare(lane, scenario);
        Lane.Answer first = lane.send(prepared.event());
        Lane.Answer second = lane.send(prepared.event());
        return sameResource(clean, first, StackRun.finish(lane, scenario, prepared, second), second.puts());
    }

    private static Verdict twiceAtOnce(Lane lane, Scenario scenario, Verdict.Clean clean) {
        StackRun.Prepared prepared = StackRun.prepare(lane, scenario);
        lane.endpoint().server().resetRequests();
        List<Thread> deliveries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread delivery = new Thread(() -> lane.deliver(prepared.event()), "second-delivery-" + i);
            deliveries.add(delivery);
            delivery.start();
        }
        for (Thread delivery : deliveries) {
            try {
                delivery.join(LanePool.HANG.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        List<JsonNode> puts = Lane.answers(lane.endpoint().puts());
        Lane.Answer first = new Lane.Answer(puts.isEmpty() ? List.of() : List.of(puts.get(0)), Duration.ZERO);
        Lane.Answer second = new Lane.Answer(puts.size() < 2 ? List.of() : List.of(puts.get(1)), Duration.ZERO);
        StackRun.Result result = StackRun.finish(lane, scenario, prepared, second);
        Verdict verdict = sameResource(clean, first, result, puts);
        if (puts.size() != 2) {
            List<String> problems = new ArrayList<>(verdict.problems());
            problems.add("two deliveries got " + puts.size() + " answers");
            return new Verdict(verdict.outcome(), problems, verdict.leak(), puts.size() > 2, verdict.late());
        }
        return verdict;
    }

    /** Both deliveries SUCCESS with the same id, and AWS holds what one clean Create makes. */
    private static Verdict sameResource(
            Verdict.Clean clean, Lane.Answer first, StackRun.Result result, List<JsonNode> all) {
        Verdict.Checks checks = new Verdict.Checks(result);
        if (first.puts().size() != 1 || !"SUCCESS".equals(first.status())) {
            checks.problem("the first delivery answered " + first.puts());
        } else if (!first.physicalId()
                .equals(
                        result.answer().puts().isEmpty()
                                ? null
                                : result.answer().physicalId())) {
            checks.problem("the deliveries answered different ids: " + all);
        }
        if (!masked(result.answered()).equals(masked(clean.answered()))) {
            checks.problem("two deliveries left " + result.answered() + " where one makes " + clean.answered());
        }
        return checks.sameAs(clean);
    }

    /** What exists, ids and S3 versions aside: "one resource" compares kinds of things, not their ids. */
    private static List<String> masked(List<String> leftovers) {
        return leftovers.stream()
                .map(line -> line.replaceAll(" \\(version [^)]*\\)", "").replaceAll("\\d{5,}", "#"))
                .distinct()
                .sorted()
                .toList();
    }

    private static Verdict deleteTwice(Lane lane, Scenario scenario) {
        StackRun.Prepared prepared = StackRun.prepare(lane, scenario);
        Lane.Answer first = lane.send(prepared.event());
        StackRun.Result result = StackRun.finish(lane, scenario, prepared, lane.send(prepared.event()));
        Verdict.Checks checks = new Verdict.Checks(result);
        if (first.puts().size() != 1 || !"SUCCESS".equals(first.status())) {
            checks.problem("the first Delete answered " + first.puts());
        }
        if (!"SUCCESS".equals(checks.status())) {
            checks.problem("the second Delete answered " + checks.status() + ": " + checks.reason());
        }
        return checks.verdict(Verdict.Outcome.COMPLETED);
    }

    // ---- the ResponseURL ----

    private void submitResponseUrlFaults(List<Scenario> scenarios) {
        if (scenarios.isEmpty() || !scenarios.get(0).kind().equals("MediaPackageChannel")) {
            return;
        }
        Scenario create = scenarios.get(0);
        submitResponseUrl(
                "the ResponseURL answers 500 twice, then accepts",
                create,
                List.of(aResponse().withStatus(500), aResponse().withStatus(500)),
                Lane.LAMBDA_TIMEOUT,
                3,
                true);
        submitResponseUrl(
                "the ResponseURL drops the connection, then accepts",
                create,
                List.of(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)),
                Lane.LAMBDA_TIMEOUT,
                2,
                true);
        submitResponseUrl(
                "the ResponseURL answers later than the try's timeout, then accepts",
                create,
                List.of(aResponse().withStatus(200).withFixedDelay((int) SLOW_TIME_LEFT.toMillis())),
                SLOW_TIME_LEFT,
                2,
                true);
        submitResponseUrl(
                "the ResponseURL refuses with 403",
                create,
                List.of(aResponse().withStatus(403).withBody("<Error><Code>AccessDenied</Code></Error>")),
                Lane.LAMBDA_TIMEOUT,
                1,
                false);
        submitResponseUrl("the ResponseURL never answers", create, null, NO_ANSWER_TIME_LEFT, -1, false);
    }

    /** Submits {@link #responseUrl} of {@code create} as the ResponseURL fault {@code name}. */
    private void submitResponseUrl(
            String name,
            Scenario create,
            List<ResponseDefinitionBuilder> before,
            Duration timeLeft,
            int puts,
            boolean delivered) {
        submit(
                name,
                Report.Group.RESPONSE_URL,
                create,
                null,
                null,
                false,
                lane -> responseUrl(lane, create, before, timeLeft, puts, delivered));
    }

    /**
     * The ResponseURL answers {@code before} in turn and then accepts (or, when null, never answers at all). The
     * answer is PUT {@code puts} times ({@code -1}: as often as the time left allows), always the same body, within
     * the time left, with no PUT after the handler has returned and no signature in the log. Then CloudFormation's
     * Delete (with the id it got, or, when the answer was lost, one it made up) leaves nothing.
     */
    private static Verdict responseUrl(
            Lane lane,
            Scenario scenario,
            List<ResponseDefinitionBuilder> before,
            Duration timeLeft,
            int puts,
            boolean delivered) {
        StackRun.Prepared prepared = StackRun.prepare(lane, scenario);
        WireMockServer server = lane.endpoint().server();
        if (before == null) {
            server.stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        } else {
            String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
            for (int i = 0; i < before.size(); i++) {
                server.stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .atPriority(1)
                        .inScenario("answers")
                        .whenScenarioStateIs(state)
                        .willReturn(before.get(i))
                        .willSetStateTo("after " + i));
                state = "after " + i;
            }
        }
        long started = System.nanoTime();
        lane.send(prepared.event(), timeLeft);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<byte[]> bodies = server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBody())
                .toList();
        sleep(Duration.ofMillis(300));
        int after = server.getAllServeEvents().size();
        lane.endpoint().acceptAll();
        String log = lane.log();
        String id = delivered
                ? Lane.answers(lane.endpoint().puts())
                        .get(0)
                        .path("PhysicalResourceId")
                        .asText()
                : "demo-stack-" + scenario.logicalId() + "-ABCDEFGHIJKL";
        Lane.Answer deleted =
                lane.send(lane.event("Delete", scenario.kind(), scenario.logicalId(), id, prepared.properties(), null));
        StackRun.Result result = new StackRun.Result(
                deleted, List.of(), List.of(), List.of(), prepared.world().leftovers(), log);
        Verdict.Checks checks = new Verdict.Checks(result);
        if (!"SUCCESS".equals(deleted.status())) {
            checks.problem("CloudFormation's Delete answered " + deleted.only());
        }
        if (puts > 0 ? bodies.size() != puts : bodies.isEmpty()) {
            checks.problem("the answer was PUT " + bodies.size() + " times, expected " + (puts > 0 ? puts : "1+"));
        }
        if (bodies.stream()
                        .map(b -> new String(b, StandardCharsets.UTF_8))
                        .distinct()
                        .count()
                > 1) {
            checks.problem("the PUTs carried different answers");
        }
        if (after != bodies.size()) {
            checks.problem("a PUT came after the handler had returned");
        }
        if (took.compareTo(timeLeft) >= 0) {
            checks.problem(
                    "the handler returned after " + took.toMillis() + " ms, with " + timeLeft.toMillis() + " ms left");
        }
        if (!log.contains(ResponseEndpoint.PATH)) {
            checks.problem("the log does not say where the answer went: " + log);
        }
        return checks.verdict(delivered ? Verdict.Outcome.COMPLETED : Verdict.Outcome.AS_WITHOUT_THE_FAULT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- running and reporting ----

    private void submit(
            String name,
            Report.Group group,
            Scenario scenario,
            String call,
            Fault fault,
            boolean persistent,
            Function<Lane, Verdict> work) {
        submitted.add(new Submitted(
                name, group, scenario.kind(), scenario.type(), call, fault, persistent, pool.submit(work)));
    }

    private DynamicContainer container(String name, Report.Group group) {
        return DynamicContainer.dynamicContainer(
                name,
                submitted.stream()
                        .filter(s -> s.group() == group)
                        .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                            Verdict verdict = s.job().result();
                            assertTrue(verdict.passed(), s.name() + ":\n" + String.join("\n", verdict.problems()));
                        })));
    }

    private void report(Map<String, Set<String>> specs) throws IOException {
        List<Report.Entry> entries = new ArrayList<>();
        for (Submitted s : submitted) {
            Verdict verdict;
            try {
                verdict = s.job().result();
            } catch (RuntimeException | AssertionError e) {
                verdict = new Verdict(
                        Verdict.Outcome.AS_WITHOUT_THE_FAULT, List.of(String.valueOf(e)), false, false, false);
            }
            entries.add(new Report.Entry(s.group(), s.kind(), s.type(), s.call(), s.fault(), s.persistent(), verdict));
        }
        String tables = Report.markdown(entries, specs);
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, tables);
        String doc = Files.exists(DOC) ? Files.readString(DOC) : "";
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start < 0 || end < start) {
            fail(DOC + " has no " + START + " ... " + END + " section for the tables");
        }
        String shown = doc.substring(start + START.length(), end).strip();
        if (Boolean.parseBoolean(System.getenv(UPDATE))) {
            Files.writeString(
                    DOC, doc.substring(0, start + START.length()) + "\n" + tables + "\n" + doc.substring(end));
            return;
        }
        assertEquals(
                tables.strip(),
                shown,
                DOC + "'s tables differ from this run's (" + GENERATED + "); regenerate them with: " + REGENERATE);
    }
}
