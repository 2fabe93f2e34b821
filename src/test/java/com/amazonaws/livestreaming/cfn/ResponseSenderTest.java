package com.amazonaws.livestreaming.cfn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The answer on the wire, against a real HTTP server standing in for the presigned S3 URL. */
class ResponseSenderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @AutoClose
    private final ResponseEndpoint endpoint = new ResponseEndpoint();

    private final List<Duration> sleeps = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final ResponseSender sender = new ResponseSender(6, sleeps::add);

    private Request request() {
        Request r = Requests.create("Thing", Map.of());
        return new Request(
                r.requestType(),
                endpoint.url(),
                r.stackId(),
                r.requestId(),
                r.resourceType(),
                r.logicalResourceId(),
                null,
                r.properties(),
                r.oldProperties());
    }

    private boolean send(Outcome outcome) {
        return sender.send(endpoint.url(), ResponseBody.build(request(), outcome), () -> Duration.ofMinutes(5), log);
    }

    @Test
    void bodyCarriesEveryProtocolFieldWithExactValues() throws Exception {
        assertTrue(send(Outcome.success("channel-1234", Map.of("ChannelId", "1234", "State", "RUNNING"))));

        JsonNode body = endpoint.onlyAnswer();
        assertEquals("SUCCESS", body.get("Status").asText());
        assertEquals("channel-1234", body.get("PhysicalResourceId").asText());
        assertEquals(Requests.STACK_ID, body.get("StackId").asText());
        assertEquals(Requests.REQUEST_ID, body.get("RequestId").asText());
        assertEquals("ResourceThing", body.get("LogicalResourceId").asText());
        assertEquals(MAPPER.readTree("{\"ChannelId\":\"1234\",\"State\":\"RUNNING\"}"), body.get("Data"));
        assertFalse(body.has("NoEcho"));
        assertFalse(body.has("Reason"));
    }

    @Test
    void failedAnswerCarriesItsReasonAndNoEchoWhenAsked() {
        send(new Outcome(Outcome.Status.FAILED, "id-1", Map.of("Secret", "x"), true, "InputType is 'FOO'"));

        JsonNode body = endpoint.onlyAnswer();
        assertEquals("FAILED", body.get("Status").asText());
        assertEquals("InputType is 'FOO'", body.get("Reason").asText());
        assertTrue(body.get("NoEcho").asBoolean());
    }

    @Test
    void contentTypeIsEmptyBecauseTheUrlIsSignedWithoutOne() {
        send(Outcome.success("id-1"));

        LoggedRequest put = endpoint.puts().get(0);
        assertEquals("", put.getHeader("Content-Type"));
    }

    @Test
    void contentLengthCountsBytesOfANonAsciiReason() {
        send(Outcome.failed("id-1", "Kanal «Überwachung» konnte nicht starten: 频道 🎥"));

        LoggedRequest put = endpoint.puts().get(0);
        byte[] body = put.getBody();
        assertEquals(String.valueOf(body.length), put.getHeader("Content-Length"));
        assertEquals(
                "Kanal «Überwachung» konnte nicht starten: 频道 🎥",
                endpoint.onlyAnswer().get("Reason").asText());
        assertTrue(body.length > put.getBodyAsString().length(), "multi-byte characters were counted as bytes");
    }

    @Test
    void retriesAfterAServerErrorThenSucceeds() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(500)));
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .inScenario("flaky")
                        .whenScenarioStateIs("recovered")
                        .willReturn(aResponse().withStatus(200)));

        assertTrue(send(Outcome.success("id-1")));
        assertEquals(2, endpoint.puts().size());
        assertEquals(1, sleeps.size());
    }

    @Test
    void retriesAfterADroppedConnectionThenSucceeds() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .inScenario("drop")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("back")
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .inScenario("drop")
                        .whenScenarioStateIs("back")
                        .willReturn(aResponse().withStatus(200)));

        assertTrue(send(Outcome.success("id-1")));
        assertEquals(2, endpoint.puts().size());
    }

    @Test
    void givesUpAfterSixServerErrorsWithGrowingBackoff() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .willReturn(aResponse().withStatus(503)));

        assertFalse(send(Outcome.success("id-1")));
        assertEquals(6, endpoint.puts().size());
        assertEquals(5, sleeps.size());
        assertTrue(sleeps.get(4).compareTo(sleeps.get(0)) > 0, "backoff grows: " + sleeps);
    }

    @Test
    void doesNotRetryAForbiddenAnswer() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .willReturn(aResponse().withStatus(403)));

        assertFalse(send(Outcome.success("id-1")));
        assertEquals(1, endpoint.puts().size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void stopsRetryingWhenTheLambdaIsOutOfTime() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .willReturn(aResponse().withStatus(500)));

        byte[] body = ResponseBody.build(request(), Outcome.success("id-1"));
        assertFalse(sender.send(endpoint.url(), body, () -> Duration.ofMillis(300), log));
        assertEquals(1, endpoint.puts().size());
    }

    @Test
    void hugeReasonIsShortenedToFitTheLimit() {
        send(Outcome.failed("id-1", "MediaLive said: " + "x".repeat(10_000)));

        LoggedRequest put = endpoint.puts().get(0);
        assertTrue(put.getBody().length <= ResponseBody.MAX_BYTES, "body is " + put.getBody().length);
        String reason = endpoint.onlyAnswer().get("Reason").asText();
        assertTrue(reason.startsWith("MediaLive said: xxx") && reason.endsWith("..."), reason);
        assertTrue(put.getBody().length > ResponseBody.MAX_BYTES - 16, "the reason keeps as much as fits");
    }

    @Test
    void hugeDataTurnsIntoAFailedAnswerThatSaysSo() {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            data.put("Attribute" + i, "v".repeat(60));
        }
        send(Outcome.success("id-1", data));

        LoggedRequest put = endpoint.puts().get(0);
        assertTrue(put.getBody().length <= ResponseBody.MAX_BYTES);
        JsonNode body = endpoint.onlyAnswer();
        assertEquals("FAILED", body.get("Status").asText());
        assertTrue(
                body.get("Reason").asText().contains("at most 4096 bytes"),
                body.get("Reason").asText());
        assertFalse(body.has("Data"));
        assertEquals("id-1", body.get("PhysicalResourceId").asText());
    }

    @Test
    void multiLineReasonBecomesOneLine() {
        send(Outcome.failed("id-1", "first line\n\tat com.example.Foo(Foo.java:1)\r\nthird"));

        assertEquals(
                "first line at com.example.Foo(Foo.java:1) third",
                endpoint.onlyAnswer().get("Reason").asText());
    }

    @Test
    void failedAnswerWithoutReasonStillHasOne() {
        send(Outcome.failed("id-1", null));

        assertFalse(endpoint.onlyAnswer().get("Reason").asText().isBlank());
    }

    @Test
    void logNamesTheTargetWithoutTheSignature() {
        send(Outcome.success("id-1"));

        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains(ResponseEndpoint.PATH), logged);
        assertFalse(logged.contains(ResponseEndpoint.SIGNATURE), logged);
        assertFalse(logged.contains("X-Amz-Signature"), logged);
    }

    @Test
    void anAttemptEndsASecondBeforeTheTimeLeftRunsOut() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
        long started = System.nanoTime();

        boolean sent = new ResponseSender(1, sleeps::add)
                .send(
                        endpoint.url(),
                        ResponseBody.build(request(), Outcome.success("id-1")),
                        () -> Duration.ofMillis(2500),
                        log);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertFalse(sent);
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "the attempt took " + took);
    }
}
