package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cfn.Ticker;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The handler end to end: event bytes in, exactly one answer PUT to a real local server out. */
class HandlerTest {
    @AutoClose
    private final ResponseEndpoint endpoint = new ResponseEndpoint();

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private BiFunction<Request, Invocation, Outcome> behaviour = (r, i) -> Outcome.success("thing-1");

    /** A kind whose every request runs {@link #behaviour} and is recorded in {@link #calls}. */
    private final class Thing implements ResourceManager {
        @Override
        public ResourceSpec spec() {
            return new ResourceSpec("Thing", Set.of("Size", "Password"), Set.of("Size"), Set.of());
        }

        @Override
        public Outcome create(Request request, Invocation invocation) {
            calls.add("create");
            return behaviour.apply(request, invocation);
        }

        @Override
        public Outcome update(Request request, Invocation invocation) {
            calls.add("update");
            return behaviour.apply(request, invocation);
        }

        @Override
        public Outcome delete(Request request, Invocation invocation) {
            calls.add("delete:" + request.physicalResourceId());
            return behaviour.apply(request, invocation);
        }
    }

    /** The clock the handler's waits run on: the real one, unless a test needs to wait without spending time. */
    private Ticker ticker = Ticker.SYSTEM;

    private JsonNode run(byte[] event, Duration remaining, Duration margin) {
        Registry registry = new Registry(Map.of("Thing", Thing::new));
        Handler handler = new Handler(
                () -> registry,
                new ResponseSender(6, d -> {}),
                new JsonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)),
                margin,
                ticker);
        handler.handle(event, new LocalContext(remaining));
        return endpoint.onlyAnswer();
    }

    private JsonNode run(byte[] event) {
        return run(event, Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createAnswersSuccessWithTheManagersIdAndData() {
        behaviour = (r, i) ->
                Outcome.success("thing-1", Map.of("Size", r.properties().required("Size")));

        JsonNode answer = run(Events.create(endpoint.url(), "Thing", Map.of("Size", "8")));

        assertEquals("SUCCESS", answer.get("Status").asText());
        assertEquals("thing-1", answer.get("PhysicalResourceId").asText());
        assertEquals("8", answer.get("Data").get("Size").asText());
    }

    @Test
    void unknownKindGetsOneFailedAnswerNamingTheKnownKinds() {
        JsonNode answer = run(Events.create(endpoint.url(), "Gadget", Map.of()));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "unknown resource kind Custom::Gadget; known kinds: Thing",
                answer.get("Reason").asText());
        assertTrue(answer.get("PhysicalResourceId").asText().startsWith("NotCreated:"));
    }

    @Test
    void unknownRequestTypeGetsOneFailedAnswer() {
        JsonNode answer = run(Events.event("Replace", endpoint.url(), "Thing", "thing-1", Map.of(), null));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "RequestType 'Replace' is not one of Create, Update, Delete",
                answer.get("Reason").asText());
        assertEquals("thing-1", answer.get("PhysicalResourceId").asText());
        assertTrue(calls.isEmpty());
    }

    @Test
    void malformedEventJsonGetsOneFailedAnswer() {
        String broken = "{\"RequestType\": \"Create\", \"ResponseURL\": \"" + endpoint.url()
                + "\", \"StackId\": \"arn:aws:cloudformation:us-east-1:123456789012:stack/s/1\","
                + " \"RequestId\": \"r-1\", \"LogicalResourceId\": \"Channel\", \"ResourceProperties\": {";

        JsonNode answer = run(broken.getBytes(StandardCharsets.UTF_8));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals("the event is not a JSON object", answer.get("Reason").asText());
        assertEquals("r-1", answer.get("RequestId").asText());
        assertEquals("Channel", answer.get("LogicalResourceId").asText());
    }

    @Test
    void propertiesThatAreNotAnObjectGetOneFailedAnswer() {
        String event = new String(Events.create(endpoint.url(), "Thing", Map.of()), StandardCharsets.UTF_8)
                .replaceFirst("\"ResourceProperties\":\\{[^}]*}", "\"ResourceProperties\":\"oops\"");

        JsonNode answer = run(event.getBytes(StandardCharsets.UTF_8));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "ResourceProperties is not a JSON object", answer.get("Reason").asText());
    }

    @Test
    void anErrorThrownByTheManagerGetsExactlyOneFailedAnswer() {
        behaviour = (r, i) -> {
            throw new StackOverflowError("deep");
        };

        JsonNode answer = run(Events.create(endpoint.url(), "Thing", Map.of()));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "internal error: StackOverflowError: deep", answer.get("Reason").asText());
        assertEquals(1, endpoint.puts().size());
    }

    @Test
    void anAwsErrorKeepsTheServicesOwnMessage() {
        behaviour = (r, i) -> {
            throw AwsServiceException.builder()
                    .statusCode(422)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .serviceName("MediaLive")
                            .errorCode("UnprocessableEntityException")
                            .errorMessage("Channel is in RUNNING state and cannot be updated")
                            .build())
                    .build();
        };

        JsonNode answer = run(Events.create(endpoint.url(), "Thing", Map.of()));

        assertEquals(
                "MediaLive failed: 422 UnprocessableEntityException: Channel is in RUNNING state and cannot be"
                        + " updated",
                answer.get("Reason").asText());
    }

    @Test
    void runningIntoTheTimeBudgetAnswersFailedOnceNamingTheStep() {
        behaviour = (r, i) -> {
            i.step("waiting for channel 1234 to be RUNNING");
            while (true) {
                i.sleep(Duration.ofMillis(200));
            }
        };

        JsonNode answer =
                run(Events.create(endpoint.url(), "Thing", Map.of()), Duration.ofMillis(2500), Duration.ofMillis(1500));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "timed out while waiting for channel 1234 to be RUNNING",
                answer.get("Reason").asText());
    }

    @Test
    void aStepThatFinishesAfterTheWatchdogFiredSendsNoSecondAnswer() throws Exception {
        behaviour = (r, i) -> {
            i.step("waiting for something that ignores interrupts");
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return Outcome.success("late-1");
        };

        // the watchdog fires after 1 s, and 1 s is left for the answer even on a busy machine
        JsonNode answer =
                run(Events.create(endpoint.url(), "Thing", Map.of()), Duration.ofMillis(2000), Duration.ofMillis(1000));
        Thread.sleep(1500);

        assertEquals(1, endpoint.puts().size());
        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "timed out while waiting for something that ignores interrupts",
                answer.get("Reason").asText());
    }

    @Test
    void createThatFailsAfterMakingSomethingAnswersWithWhatItMade() {
        behaviour = (r, i) -> {
            i.made("channel-9876");
            throw new ResourceFailure("channel 9876 reached CREATE_FAILED");
        };

        JsonNode answer = run(Events.create(endpoint.url(), "Thing", Map.of()));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals("channel-9876", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void createThatTimesOutAfterMakingSomethingAnswersWithWhatItMade() {
        behaviour = (r, i) -> {
            i.made("channel-5555");
            i.step("waiting for channel 5555 to be IDLE");
            while (true) {
                i.sleep(Duration.ofMillis(100));
            }
        };

        JsonNode answer =
                run(Events.create(endpoint.url(), "Thing", Map.of()), Duration.ofMillis(1500), Duration.ofMillis(500));

        assertEquals("channel-5555", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void createThatMadeNothingAnswersWithAMarkerWhoseDeleteTheManagerSearchesFor() {
        behaviour = (r, i) -> {
            throw new ResourceFailure("Size is required");
        };
        JsonNode failed = run(Events.create(endpoint.url(), "Thing", Map.of()));
        String marker = failed.get("PhysicalResourceId").asText();
        endpoint.server().resetRequests();
        calls.clear();
        behaviour = (r, i) -> Outcome.success(r.physicalResourceId());
        ticker = new SimulatedClock(); // the Delete waits out the Create's calls in flight first

        JsonNode deleted = run(Events.delete(endpoint.url(), "Thing", marker, Map.of()));

        assertEquals("SUCCESS", deleted.get("Status").asText());
        assertEquals(marker, deleted.get("PhysicalResourceId").asText());
        assertEquals(List.of("delete:" + marker), calls, "a call in flight may still have made something");
    }

    @Test
    void deleteOfAMarkerOfAnUnknownKindAnswersSuccess() {
        String marker = "NotCreated:ResourceGizmo:" + Requests.REQUEST_ID;

        JsonNode answer = run(Events.delete(endpoint.url(), "Gizmo", marker, Map.of()));

        assertEquals("SUCCESS", answer.get("Status").asText());
        assertEquals(marker, answer.get("PhysicalResourceId").asText());
    }

    @Test
    void aTimeoutBeforeTheManagersFirstStepNamesTheRequest() {
        behaviour = (r, i) -> {
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return Outcome.success("late-1");
        };

        JsonNode answer = run(
                Events.delete(endpoint.url(), "Thing", "thing-1", Map.of()),
                Duration.ofMillis(2000),
                Duration.ofMillis(1000));

        assertEquals(
                "timed out while beginning the Delete of ResourceThing",
                answer.get("Reason").asText());
    }

    @Test
    void anUpdateKeepsAValueTheResourceAlreadyHasEvenWhenANewerRuleRefusesIt() {
        behaviour = (r, i) -> Outcome.success(r.physicalResourceId(), Map.of("Size", "8"));
        Map<String, String> accepted = Map.of("Size", "8", "Colour", "red"); // a property an older version read

        JsonNode answer = run(Events.update(endpoint.url(), "Thing", "thing-1", accepted, accepted));

        assertEquals("SUCCESS", answer.get("Status").asText(), answer.toString());
        assertEquals(List.of("update"), calls, "a rollback to what was accepted before is never stuck");
    }

    @Test
    void anUpdateThatIntroducesAValueANewerRuleRefusesFails() {
        JsonNode answer = run(Events.update(
                endpoint.url(), "Thing", "thing-1", Map.of("Size", "8", "Colour", "red"), Map.of("Size", "8")));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "Colour is not a property of Custom::Thing; its properties are Password, Size",
                answer.get("Reason").asText());
        assertEquals(List.of(), calls);
    }

    @Test
    void deleteAlwaysAnswersWithTheIdItWasGiven() {
        behaviour = (r, i) -> Outcome.success("something-else");

        JsonNode answer = run(Events.delete(endpoint.url(), "Thing", "thing-1", Map.of()));

        assertEquals("thing-1", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void failedUpdateKeepsTheOldIdSoNothingIsReplaced() {
        behaviour = (r, i) -> {
            throw new ResourceFailure("cannot update", "thing-2");
        };

        JsonNode answer =
                run(Events.update(endpoint.url(), "Thing", "thing-1", Map.of("Size", "9"), Map.of("Size", "8")));

        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals("thing-1", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void updateThatReplacesAnswersWithTheNewId() {
        behaviour = (r, i) -> Outcome.success("thing-2");

        JsonNode answer =
                run(Events.update(endpoint.url(), "Thing", "thing-1", Map.of("Size", "9"), Map.of("Size", "8")));

        assertEquals("SUCCESS", answer.get("Status").asText());
        assertEquals("thing-2", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void aBlankIdFromASuccessfulUpdateKeepsTheOldOne() {
        behaviour = (r, i) -> Outcome.success(" ");

        JsonNode answer = run(Events.update(endpoint.url(), "Thing", "thing-1", Map.of(), Map.of()));

        assertEquals("thing-1", answer.get("PhysicalResourceId").asText());
    }

    @Test
    void invalidPropertyGetsAOneLineReasonNamingIt() {
        behaviour = (r, i) -> Outcome.success(
                "x", Map.of("Size", String.valueOf(r.properties().intInRange("Size", 1, 10, 5))));

        JsonNode answer = run(Events.create(endpoint.url(), "Thing", Map.of("Size", "eleven")));

        assertEquals(
                "Size is 'eleven'; it must be a whole number from 1 to 10",
                answer.get("Reason").asText());
    }

    @Test
    void logsNeitherPasswordsNorTheResponseUrlSignature() {
        behaviour = (r, i) -> {
            throw new ResourceFailure("pull source refused the credentials");
        };

        run(Events.create(
                endpoint.url(),
                "Thing",
                Map.of("Password", "hunter2-very-secret", "PriPass", "pri-secret-value", "Size", "3")));

        String log = log();
        assertFalse(log.contains("hunter2-very-secret"), log);
        assertFalse(log.contains("pri-secret-value"), log);
        assertFalse(log.contains(ResponseEndpoint.SIGNATURE), log);
        assertTrue(log.contains("\"Size\":\"3\""), "other properties are logged: " + log);
    }

    @Test
    void logsOneJsonObjectPerLineWithTheRequestContext() throws Exception {
        run(Events.create(endpoint.url(), "Thing", Map.of()));

        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String[] lines = log().strip().split("\n");
        assertTrue(lines.length >= 2);
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            assertEquals("Create", node.get("requestType").asText());
            assertEquals("ResourceThing", node.get("logicalResourceId").asText());
        }
        JsonNode last = mapper.readTree(lines[lines.length - 1]);
        assertEquals("finished", last.get("message").asText());
        assertEquals("SUCCESS", last.get("outcome").asText());
        assertTrue(last.has("durationMs"));
    }

    @Test
    void anEventWithoutResponseUrlSendsNothingAndSaysWhy() {
        Registry registry = new Registry(Map.of("Thing", Thing::new));
        Handler handler = new Handler(
                registry,
                new ResponseSender(6, d -> {}),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(1));

        byte[] sent = handler.handle("not json at all".getBytes(StandardCharsets.UTF_8), null);

        assertEquals(null, sent);
        assertTrue(endpoint.puts().isEmpty());
        assertTrue(log().contains("no ResponseURL"), log());
    }
}
