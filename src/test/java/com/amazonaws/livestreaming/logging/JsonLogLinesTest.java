package com.amazonaws.livestreaming.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cfn.TimeBudget;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every line of the function's log is JSON with a timestamp and the Lambda request id, the SDK's included. */
class JsonLogLinesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @AfterEach
    void restoreActiveLog() {
        JsonLog.activate(new JsonLog(System.out).with(Map.of("lambdaRequestId", "none")));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }

    private byte[] runDeleteOfEndpointThrottledOnce(String lambdaRequestId) {
        try (WireMockAws aws = new WireMockAws();
                ResponseEndpoint response = new ResponseEndpoint()) {
            ThrottledOnce.deleteEndpoint(aws.server(), urlPathEqualTo(ThrottledOnce.ENDPOINT_PATH));
            Handler handler = new Handler(
                    () -> Managers.standard(aws.clients()),
                    new ResponseSender(6, d -> {}),
                    log,
                    Handler.DEFAULT_SAFETY_MARGIN);
            return handler.handle(
                    Events.delete(
                            response.url(),
                            "MediaPackageEndpoint",
                            "demo-stack-livestream-hls",
                            Map.of("ChannelId", "demo-stack-livestream", "EndPoint", "HLS")),
                    new LocalContext(Duration.ofMinutes(1), lambdaRequestId));
        }
    }

    @Test
    void anSdkRetryOnThrottlingIsAJsonWarningOfTheInvocation() throws Exception {
        runDeleteOfEndpointThrottledOnce("lambda-req-1");
        JsonNode retry = lines().stream()
                .filter(l -> l.path("message").asText().startsWith("Retryable error"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no retry line in " + bytes));
        assertEquals("WARN", retry.path("level").asText());
        assertEquals("lambda-req-1", retry.path("lambdaRequestId").asText());
        assertEquals("Custom::MediaPackageEndpoint", retry.path("resourceType").asText());
        assertEquals(JsonLogger.SDK_REQUEST_LOGGER, retry.path("logger").asText());
        assertTrue(retry.path("error").asText().contains("429"), retry.toString());
    }

    @Test
    void everyLineHasATimestampAndTheLambdaRequestId() throws Exception {
        runDeleteOfEndpointThrottledOnce("lambda-req-2");
        List<JsonNode> lines = lines();
        assertTrue(lines.size() >= 3, bytes.toString(StandardCharsets.UTF_8));
        for (JsonNode line : lines) {
            assertTrue(
                    line.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                    line.toString());
            assertEquals("lambda-req-2", line.path("lambdaRequestId").asText(), line.toString());
        }
    }

    @Test
    void theServiceTokenIsShownAndPasswordsAreNot() throws Exception {
        try (ResponseEndpoint response = new ResponseEndpoint()) {
            Handler handler = new Handler(
                    () -> new com.amazonaws.livestreaming.cfn.Registry(Map.of()),
                    new ResponseSender(6, d -> {}),
                    log,
                    Handler.DEFAULT_SAFETY_MARGIN);
            handler.handle(
                    Events.create(response.url(), "Unknown", Map.of("PriPass", "s3cret-pass")),
                    new LocalContext(Duration.ofMinutes(1), "lambda-req-3"));
        }
        JsonNode received = lines().stream()
                .filter(l -> l.path("message").asText().equals("received"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "arn:aws:lambda:us-east-1:123456789012:function:demo-stack-CustomResource:3",
                received.path("properties").path("ServiceToken").asText());
        assertEquals("****", received.path("properties").path("PriPass").asText());
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("s3cret-pass"));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains(ResponseEndpoint.SIGNATURE));
    }

    @Test
    void aLibraryWarningIsWrittenAndItsDebugIsNot() throws Exception {
        JsonLog previous = JsonLog.activate(log.with(Map.of("lambdaRequestId", "lambda-req-4")));
        try {
            LoggerFactory.getLogger("software.amazon.awssdk.core.internal.retry.ClockSkewAdjuster")
                    .warn("The clock skew between the client and server was too large ({} versus {}).", "a", "b");
            LoggerFactory.getLogger(JsonLogger.SDK_REQUEST_LOGGER).debug("Sending Request: {}", "details");
            LoggerFactory.getLogger("org.example.Chatty").info("hello");
        } finally {
            JsonLog.activate(previous);
        }
        List<JsonNode> lines = lines();
        assertEquals(1, lines.size(), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(
                "The clock skew between the client and server was too large (a versus b).",
                lines.get(0).path("message").asText());
        assertEquals("lambda-req-4", lines.get(0).path("lambdaRequestId").asText());
    }

    @Test
    void slf4jBindsTheProjectsProvider() {
        assertTrue(
                LoggerFactory.getLogger("any") instanceof JsonLogger,
                LoggerFactory.getLogger("any").getClass().getName());
    }

    @Test
    void anSdkWarningOnAWorkerGoesToItsOwnInvocationsLinesWhileAnotherInvocationIsActive() throws Exception {
        ByteArrayOutputStream laterBytes = new ByteArrayOutputStream();
        Invocation earlier = new Invocation(
                TimeBudget.of(Duration.ofSeconds(5)), log.with(Map.of("lambdaRequestId", "earlier-invocation")));
        JsonLog.activate(new JsonLog(new PrintStream(laterBytes, true, StandardCharsets.UTF_8))
                .with(Map.of("lambdaRequestId", "later-invocation")));

        earlier.runAs(() -> {
            LoggerFactory.getLogger("software.amazon.awssdk.core.internal.retry.ClockSkewAdjuster")
                    .warn("The clock skew is too large to correct");
            return null;
        });

        assertEquals(
                "earlier-invocation", lines().get(0).path("lambdaRequestId").asText());
        assertEquals("", laterBytes.toString(StandardCharsets.UTF_8));
    }
}
