package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.amazonaws.livestreaming.testing.SimulatedBackoff;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One CloudFormation stack for the fault suite, reused from case to case: an {@link AwsStandIn} (its WireMock
 * server and the project's real clients, with short attempt timeouts and the production backoff on the simulated
 * clock), a real local ResponseURL, and the real {@link Handler} with every kind, waiting on the same clock. Several
 * lanes run cases side by side; {@link #reset} gives a lane an empty AWS for the next case.
 */
final class Lane implements AutoCloseable {
    /** What the Lambda has for each invocation, as the template configures it. */
    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(900);
    /**
     * The clients give up on an attempt after this long and retry it; production waits 20 s. Long enough that no
     * answered attempt reaches it on a loaded machine: a slow answer ends its attempt at once instead (the stand-in
     * fires the attempt's timer, see {@code AttemptTimers}) and moves the simulated clock by this much.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** A slow answer comes this long after its request: after the attempt timeout. */
    static final Duration SLOW_ANSWER = ATTEMPT_TIMEOUT.multipliedBy(2);
    /** The SDK's attempts per call in the suite; production makes 8. */
    static final int MAX_ATTEMPTS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The one answer (or the answers, when there were more) an event got, and the simulated time it took. */
    record Answer(List<JsonNode> puts, Duration took) {
        JsonNode only() {
            if (puts.size() != 1) {
                throw new AssertionError("expected exactly one answer, got " + puts.size() + ": " + puts);
            }
            return puts.get(0);
        }

        String status() {
            return only().path("Status").asText();
        }

        String physicalId() {
            return only().path("PhysicalResourceId").asText();
        }

        String reason() {
            return only().path("Reason").asText();
        }
    }

    private final SimulatedClock clock = new SimulatedClock();
    private final AwsStandIn aws =
            new AwsStandIn(clock, MAX_ATTEMPTS, Duration.ofSeconds(30), SimulatedBackoff.on(clock, ATTEMPT_TIMEOUT));
    private final ResponseEndpoint endpoint = new ResponseEndpoint();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Registry registry = Managers.standard(aws.clients());
    private final Handler handler;

    Lane() {
        handler = new Handler(
                () -> registry,
                new ResponseSender(3, d -> {}),
                new JsonLog(new PrintStream(log, true, StandardCharsets.UTF_8)),
                Handler.DEFAULT_SAFETY_MARGIN,
                clock);
        reset();
    }

    /** The kinds this lane's handler serves, as the Lambda registers them. */
    Registry registry() {
        return registry;
    }

    AwsStandIn aws() {
        return aws;
    }

    SimulatedClock clock() {
        return clock;
    }

    ResponseEndpoint endpoint() {
        return endpoint;
    }

    /** An empty AWS with MediaLive's transitions shortened (the waits, not the durations, are what is tested). */
    void reset() {
        aws.reset();
        endpoint.acceptAll();
        var timings = aws.mediaLive().timings();
        timings.channelStart = Duration.ofSeconds(10);
        timings.channelStop = Duration.ofSeconds(10);
        timings.channelDelete = Duration.ofSeconds(5);
        timings.channelUpdate = Duration.ofSeconds(5);
        synchronized (log) {
            log.reset();
        }
    }

    byte[] event(
            String type,
            String kind,
            String logicalId,
            String physicalId,
            Map<String, ?> properties,
            Map<String, ?> old) {
        return Events.event(type, endpoint.url(), kind, logicalId, physicalId, properties, old);
    }

    /** Runs one event through the handler with the Lambda's whole time; returns every answer it PUT. */
    Answer send(byte[] event) {
        return send(event, LAMBDA_TIMEOUT);
    }

    Answer send(byte[] event, Duration remaining) {
        endpoint.server().resetRequests();
        long before = clock.nanoTime();
        handler.handle(event, new LocalContext(remaining));
        return new Answer(answers(endpoint.puts()), clock.since(before));
    }

    /** Runs the handler on {@code event} without touching the ResponseURL's journal (for concurrent deliveries). */
    void deliver(byte[] event) {
        handler.handle(event, new LocalContext(LAMBDA_TIMEOUT));
    }

    static List<JsonNode> answers(List<LoggedRequest> puts) {
        return puts.stream()
                .map(put -> {
                    try {
                        return JSON.readTree(put.getBody());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Everything the handler logged since the last reset. */
    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        endpoint.close();
        aws.close();
    }
}
