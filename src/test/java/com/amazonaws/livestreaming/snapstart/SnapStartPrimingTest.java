package com.amazonaws.livestreaming.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.Lazy;
import com.amazonaws.livestreaming.cfn.Jitter;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cfn.Watchdog;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * SnapStart priming: what {@code beforeCheckpoint} runs reaches every request path and every declared AWS call, and
 * nothing of it reaches AWS or survives into the snapshot in a way a restored copy could reuse.
 */
class SnapStartPrimingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REAL_KEY = "AKIDREALFUNCTIONKEY0";

    /** Every connection an HttpURLConnection opens asks the default ProxySelector first: this records them. */
    private final List<URI> connections = new CopyOnWriteArrayList<>();

    private final ProxySelector recording = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            connections.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
    };
    private ProxySelector previousSelector;
    private final AtomicInteger credentialRequests = new AtomicInteger();
    private final AwsCredentialsProvider countingCredentials = new AwsCredentialsProvider() {
        @Override
        public AwsCredentials resolveCredentials() {
            credentialRequests.incrementAndGet();
            return AwsBasicCredentials.create(REAL_KEY, "realFunctionSecretKeyForTestsOnly0000000");
        }
    };
    /** Every request the SDK sent, as its invocation id and the access key it was signed with. */
    private final List<String[]> sent = new CopyOnWriteArrayList<>();

    private final ExecutionInterceptor sentRecorder = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent.add(new String[] {
                context.httpRequest()
                        .firstMatchingHeader("amz-sdk-invocation-id")
                        .orElse(""),
                context.httpRequest().firstMatchingHeader("Authorization").orElse("")
            });
        }
    };
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private WireMockServer configuredEndpoint;

    @BeforeEach
    void start() {
        previousSelector = ProxySelector.getDefault();
        ProxySelector.setDefault(recording);
        configuredEndpoint = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        configuredEndpoint.start();
    }

    @AfterEach
    void stop() {
        ProxySelector.setDefault(previousSelector);
        configuredEndpoint.stop();
    }

    /** The function as Lambda wires it, its clients pointed at AWS itself or at {@code endpoint}. */
    private final class Function {
        final AwsClients clients;
        final Lazy<Registry> registry;
        final Handler handler;
        final SnapStartPriming priming;

        Function(Optional<URI> endpoint) {
            clients = new AwsClients(new AwsClients.Settings(
                    Region.US_EAST_1, endpoint, countingCredentials, 3, Duration.ofSeconds(20), List.of(sentRecorder)));
            registry = new Lazy<>(() -> Managers.standard(clients));
            handler = new Handler(registry, new ResponseSender(2, d -> {}), log, Handler.DEFAULT_SAFETY_MARGIN);
            priming = new SnapStartPriming(handler, () -> clients, registry, log);
        }
    }

    private Function atConfiguredEndpoint() {
        return new Function(Optional.of(URI.create("http://127.0.0.1:" + configuredEndpoint.port())));
    }

    @Test
    void everySampleEventIsAnsweredSuccess() {
        SnapStartPriming.Report report = atConfiguredEndpoint().priming.prime();
        assertEquals(List.of(), report.problems());
        assertEquals(SampleEvents.packaged().size(), report.answers().size());
        report.answers().forEach((name, status) -> assertEquals("SUCCESS", status, name));
    }

    @Test
    void everyResourceKindHasACreateAndADeleteAmongTheSampleEvents() {
        Set<String> names = new TreeSet<>();
        SampleEvents.packaged().forEach(s -> names.add(s.name()));
        for (String kind : atConfiguredEndpoint().registry.get().kinds()) {
            assertTrue(
                    names.stream().anyMatch(n -> n.startsWith(kind + "-Create")),
                    "no sample Create of Custom::" + kind + " in snapstart/events.json: " + names);
            assertTrue(
                    names.stream().anyMatch(n -> n.startsWith(kind + "-Delete")),
                    "no sample Delete of Custom::" + kind + " in snapstart/events.json: " + names);
        }
    }

    @Test
    void everyAwsCallAManagerDeclaresIsMadeWhilePriming() {
        Function function = atConfiguredEndpoint();
        Set<String> declared = new TreeSet<>();
        Registry registry = function.registry.get();
        registry.kinds()
                .forEach(kind ->
                        declared.addAll(registry.find(kind).orElseThrow().spec().apiCalls()));
        SnapStartPriming.Report report = function.priming.prime();
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(report.calls());
        assertEquals(Set.of(), missing, "declared AWS calls that priming never made");
        assertTrue(declared.size() >= 30, "declared: " + declared);
    }

    @Test
    void primingReachesNeitherAwsNorTheConfiguredEndpoint() {
        new Function(Optional.empty()).priming.prime();
        atConfiguredEndpoint().priming.prime();
        assertEquals(0, configuredEndpoint.getAllServeEvents().size());
        assertFalse(connections.isEmpty(), "the recording proxy selector saw no connection at all");
        Set<Integer> ports = new TreeSet<>();
        for (URI uri : connections) {
            assertEquals("127.0.0.1", uri.getHost(), "priming connected to " + uri);
            assertEquals("http", uri.getScheme(), "priming connected to " + uri);
            ports.add(uri.getPort());
        }
        assertFalse(ports.contains(configuredEndpoint.port()));
        for (int port : ports) {
            assertFalse(isListening(port), "the in-process endpoint on port " + port + " still listens");
        }
    }

    @Test
    void primingNeverAsksForTheFunctionsCredentials() {
        atConfiguredEndpoint().priming.prime();
        assertEquals(0, credentialRequests.get());
        assertFalse(sent.isEmpty());
        sent.forEach(request -> assertFalse(request[1].contains(REAL_KEY), request[1]));
    }

    @Test
    void nothingOfPrimingIsCarriedIntoTheFirstRealRequest() throws Exception {
        Function function = atConfiguredEndpoint();
        JsonLog activeBefore = JsonLog.active();
        function.priming.prime();
        function.priming.afterRestore(null);
        List<String> primingIds = sent.stream().map(r -> r[0]).toList();
        sent.clear();

        assertEquals(0, SdkGlobalTime.getGlobalTimeOffset());
        assertFalse(function.clients.loopback().isRouted());
        assertEquals(activeBefore, JsonLog.active());
        configuredEndpoint.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/origin_endpoints/snapstart-priming-livestream-hls"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(202)));
        try (LoopbackAws cloudFormation = LoopbackAws.start(CannedAnswers.of("{}".getBytes()))) {
            SampleEvents.Sample delete = sample("MediaPackageEndpoint-Delete");
            byte[] answer = function.handler.handle(
                    delete.bytes(cloudFormation.responseUrl(delete.name())),
                    new LocalContext(Duration.ofMinutes(1), "first-real-request"));
            assertEquals("SUCCESS", MAPPER.readTree(answer).path("Status").asText());
        }
        assertEquals(1, configuredEndpoint.getAllServeEvents().size());
        assertEquals(1, sent.size());
        assertFalse(primingIds.contains(sent.get(0)[0]), "an SDK invocation id was reused");
        assertTrue(sent.get(0)[1].contains("Credential=" + REAL_KEY + "/"), sent.get(0)[1]);
        assertEquals(1, credentialRequests.get());
    }

    @Test
    void aPrimedFunctionAnswersEverySampleEventAsAnUnprimedOneDoes() throws Exception {
        Function unprimed = atConfiguredEndpoint();
        Map<String, String> before = answers(unprimed);
        Function primed = atConfiguredEndpoint();
        primed.priming.prime();
        primed.priming.afterRestore(null);
        assertEquals(before, answers(primed));
    }

    @Test
    void afterRestoreReseedsTheJitterAndReplacesTheWorkerThreadsMadeBeforeTheSnapshot() {
        Function function = atConfiguredEndpoint();
        Thread beforeSnapshot = workerThread();
        Random jitterBefore = Jitter.current();

        function.priming.afterRestore(null);

        assertFalse(jitterBefore == Jitter.current(), "the jitter was not reseeded");
        assertFalse(beforeSnapshot == workerThread(), "a worker thread from before the snapshot was reused");
    }

    /** The thread the watchdog runs a manager on (an idle one of its pool, if there is one). */
    private static Thread workerThread() {
        Thread[] worker = new Thread[1];
        Watchdog.run(Requests.create("Thing", Map.of()), Requests.invocation().invocation(), () -> {
            worker[0] = Thread.currentThread();
            return Outcome.success("id");
        });
        return worker[0];
    }

    /** Each sample event's answer and the AWS calls it made, run against the stand-in. */
    private Map<String, String> answers(Function function) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        try (LoopbackAws aws = LoopbackAws.start(CannedAnswers.packaged())) {
            function.clients.loopback().route(aws.uri());
            try {
                for (SampleEvents.Sample sample : SampleEvents.packaged()) {
                    int callsBefore = aws.calls().size();
                    byte[] answer = function.handler.handle(
                            sample.bytes(aws.responseUrl(sample.name())),
                            new LocalContext(Duration.ofMinutes(1), "compare"));
                    JsonNode body = MAPPER.readTree(answer);
                    answers.put(
                            sample.name(),
                            body.toString() + " after "
                                    + aws.calls()
                                            .subList(callsBefore, aws.calls().size()));
                }
            } finally {
                function.clients.loopback().release();
            }
        }
        return answers;
    }

    @Test
    void beforeCheckpointWritesOneSummaryLineAndNothingOfThePrimingRequests() throws Exception {
        atConfiguredEndpoint().priming.beforeCheckpoint(null);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        assertEquals(1, lines.size(), logBytes.toString(StandardCharsets.UTF_8));
        assertEquals("SnapStart priming done", lines.get(0).path("message").asText());
        assertEquals("INFO", lines.get(0).path("level").asText(), lines.get(0).toString());
        assertEquals("init", lines.get(0).path("lambdaRequestId").asText());
    }

    private static SampleEvents.Sample sample(String name) {
        return SampleEvents.packaged().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
