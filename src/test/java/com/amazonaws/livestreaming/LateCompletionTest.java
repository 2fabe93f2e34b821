package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.ChannelProperties;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A create call still in flight when the watchdog answers: the time budget ends while CreateChannel (or
 * CreateInput) is on the wire, the watchdog answers FAILED with the NotCreated marker, and the call then succeeds.
 * The Delete CloudFormation sends for the marker finds what that Create made by its tags and removes it, and the
 * worker, which carries on into the next invocation of the same container, can do nothing more.
 *
 * <p>The budget runs out on the simulated clock: the stand-in advances it by 20 minutes as the create call arrives,
 * and holds that call's answer until the watchdog has answered, so the worker cannot learn its id in time. The
 * watchdog's interrupt ends the worker's call without its answer; {@code InvocationGuardTest} covers a worker that
 * ignores interrupts.
 */
@Timeout(120)
class LateCompletionTest {
    private static final String STOPPED = "late worker stopped";
    private final CountDownLatch watchdogAnswered = new CountDownLatch(1);
    private final StackEvents stack = new StackEvents();
    private final AwsStandIn aws = stack.aws();

    @AfterEach
    void stop() {
        watchdogAnswered.countDown();
        stack.close();
    }

    /**
     * The create call arrives after the budget is spent and takes effect, but its answer is held until the watchdog
     * has answered CloudFormation.
     */
    private void createOutlivesTheBudget(String operation) {
        aws.onNext(operation, () -> aws.clock().advance(Duration.ofMinutes(20)));
        aws.holdAnswer(operation, watchdogAnswered);
    }

    /** Waits (real time, bounded) until the late worker has given up, and returns the calls made until then. */
    private List<String> afterTheLateWorkerStopped() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!stack.log().contains(STOPPED) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(stack.log().contains(STOPPED), "the late worker logs that it stopped: " + stack.log());
        return aws.served();
    }

    @Test
    void aChannelCreatedAfterTheWatchdogAnsweredIsFoundAndRemovedByTheMarkersDelete() throws Exception {
        String input =
                aws.mediaLive().addInput(JsonNodeFactory.instance.objectNode().put("type", "URL_PULL"), Map.of());
        Map<String, String> properties = ChannelProperties.of(input, "URL_PULL", "540p", "SINGLE_PIPELINE", "Yes");
        createOutlivesTheBudget("MediaLive:CreateChannel");

        JsonNode failed = stack.create("MediaLiveChannel", "Channel", properties);
        watchdogAnswered.countDown();

        assertEquals("FAILED", failed.path("Status").asText());
        assertTrue(failed.path("Reason").asText().startsWith("timed out while creating channel"), failed.toString());
        String marker = failed.path("PhysicalResourceId").asText();
        assertTrue(marker.startsWith("NotCreated:Channel:"), marker);
        assertEquals(List.of("1234567"), aws.mediaLive().channelIds(), "the late CreateChannel took effect");

        JsonNode deleted = stack.delete("MediaLiveChannel", "Channel", marker, properties);

        assertEquals("SUCCESS", deleted.path("Status").asText(), deleted.toString());
        assertEquals("DELETED", aws.mediaLive().channelState("1234567"));
        List<String> served = afterTheLateWorkerStopped();
        Thread.sleep(500);
        assertEquals(served, aws.served(), "the late worker made no call after its invocation ended");
        assertEquals("DELETED", aws.mediaLive().channelState("1234567"), "and never started the channel");
        assertEquals(List.of("MediaLive input " + input + " (DETACHED)"), aws.leftovers());
    }

    @Test
    void aPushInputCreatedAfterTheWatchdogAnsweredIsRemovedWithItsSecurityGroup() throws Exception {
        Map<String, String> properties =
                Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.7/32");
        createOutlivesTheBudget("MediaLive:CreateInput");

        JsonNode failed = stack.create("MediaLiveInput", "Input", properties);
        watchdogAnswered.countDown();

        assertEquals("FAILED", failed.path("Status").asText());
        String marker = failed.path("PhysicalResourceId").asText();
        assertTrue(marker.startsWith("NotCreated:Input:"), marker);
        assertEquals(2, aws.leftovers().size(), "the input and its security group: " + aws.leftovers());

        JsonNode deleted = stack.delete("MediaLiveInput", "Input", marker, properties);

        assertEquals("SUCCESS", deleted.path("Status").asText(), deleted.toString());
        afterTheLateWorkerStopped();
        assertEquals(List.of(), aws.leftovers());
    }
}
