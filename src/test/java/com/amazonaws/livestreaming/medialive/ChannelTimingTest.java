package com.amazonaws.livestreaming.medialive;

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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MediaLive's real pace, on the stand-in's simulated clock, through plain CloudFormation events: a start takes 90 s,
 * a stop 60 s, a deleting channel holds its input for 30 s, and a start that never ends is given up within the
 * Lambda's time with a reason naming the wait, after which the Delete stops and removes the channel.
 */
@Timeout(60)
class ChannelTimingTest {
    private static final String CHANNEL = "MediaLiveChannel";

    @AutoClose
    private final StackEvents stack = new StackEvents();

    private final AwsStandIn aws = stack.aws();
    private String inputId;

    @BeforeEach
    void start() {
        inputId = aws.mediaLive()
                .addInput(
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "URL_PULL")
                                .put("name", "demo-stack-Input"),
                        Map.of());
    }

    private Map<String, String> channel(String start) {
        return ChannelProperties.of(inputId, "URL_PULL", "540p", "SINGLE_PIPELINE", start);
    }

    private Duration since(long start) {
        return aws.clock().since(start);
    }

    @Test
    void createWithStartAnswersOnceTheNinetySecondStartHasEnded() {
        long before = aws.clock().nanoTime();

        JsonNode answer = stack.create(CHANNEL, "Channel", channel("Yes"));

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertEquals("RUNNING", answer.path("Data").path("State").asText());
        Duration took = since(before);
        assertTrue(
                took.compareTo(Duration.ofSeconds(95)) >= 0 && took.compareTo(Duration.ofSeconds(110)) <= 0,
                "5 s creating + 90 s starting, polled every 5 s: " + took);
        assertEquals("ATTACHED", aws.mediaLive().inputState(inputId));
    }

    @Test
    void deleteOfARunningChannelWaitsOutTheSixtySecondStopAndTheDeletion() {
        String channelId = aws.mediaLive().addChannel("SINGLE_PIPELINE", "RUNNING", inputId, Map.of());
        long before = aws.clock().nanoTime();

        JsonNode answer = stack.delete(CHANNEL, "Channel", channelId, channel("Yes"));

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertTrue(since(before).compareTo(Duration.ofSeconds(90)) >= 0, "60 s stopping + 30 s deleting");
        assertEquals("DELETED", aws.mediaLive().channelState(channelId));
        assertEquals("DETACHED", aws.mediaLive().inputState(inputId), "a DELETED channel lets go of its input");
    }

    @Test
    void aDeletingChannelHoldsItsInputForThirtySeconds() {
        String channelId = aws.mediaLive().addChannel("SINGLE_PIPELINE", "IDLE", inputId, Map.of());
        aws.clients().mediaLive().deleteChannel(b -> b.channelId(channelId));
        long before = aws.clock().nanoTime();

        JsonNode answer = stack.delete(
                "MediaLiveInput",
                "Input",
                inputId,
                Map.of(
                        "Type",
                        "URL_PULL",
                        "ChannelClass",
                        "SINGLE_PIPELINE",
                        "PriUrl",
                        "https://origin.example.com/live/main.m3u8"));

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertTrue(since(before).compareTo(Duration.ofSeconds(30)) >= 0, "waited for the channel to be DELETED");
        assertEquals(List.of(), aws.leftovers());
    }

    @Test
    void startStuckPastTheBudgetFailsNamingTheWaitAndTheDeleteStopsAndRemovesTheChannel() {
        aws.mediaLive().timings().channelStart = Duration.ofHours(1);
        long before = aws.clock().nanoTime();

        JsonNode failed = stack.create(CHANNEL, "Channel", channel("Yes"));

        assertEquals("FAILED", failed.path("Status").asText());
        assertEquals(
                "timed out while waiting for channel 1234567 to reach RUNNING (last state STARTING)",
                failed.path("Reason").asText());
        assertEquals("1234567", failed.path("PhysicalResourceId").asText(), "the rollback Delete must find it");
        assertTrue(since(before).compareTo(StackEvents.LAMBDA_TIMEOUT) < 0, "answered within the Lambda's time");
        assertEquals("STARTING", aws.mediaLive().channelState("1234567"));

        JsonNode deleted = stack.delete(CHANNEL, "Channel", "1234567", channel("Yes"));

        assertEquals("SUCCESS", deleted.path("Status").asText(), deleted.toString());
        assertEquals("DELETED", aws.mediaLive().channelState("1234567"));
        assertEquals(List.of("MediaLive input " + inputId + " (DETACHED)"), aws.leftovers());
    }

    @Test
    void aClassChangeWhoseRestartOutlivesTheLambdaLeavesNoSecondChannel() {
        String old = stack.create(CHANNEL, "Channel", channel("Yes"))
                .path("PhysicalResourceId")
                .asText();
        String standardInput = aws.mediaLive()
                .addInput(
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "URL_PULL")
                                .put("name", "demo-stack-Input2"),
                        Map.of());
        Map<String, String> standard = new java.util.HashMap<>(channel("Yes"));
        standard.put("ChannelClass", "STANDARD");
        standard.put("InputId", standardInput);
        aws.mediaLive().timings().channelStart = Duration.ofHours(1);

        JsonNode failed = stack.update(CHANNEL, "Channel", old, standard, channel("Yes"));

        assertEquals(
                "timed out while waiting for channel " + old + " to reach RUNNING (last state STARTING)",
                failed.path("Reason").asText());
        assertEquals(old, failed.path("PhysicalResourceId").asText(), "a failed update keeps the old id");
        assertEquals(List.of(old), aws.mediaLive().channelIds(), "the class changed in place: nothing to orphan");
        assertEquals(
                "STANDARD",
                aws.mediaLive().describeChannel(old).path("channelClass").asText());
    }

    @Test
    void aFirstDescribeThatHangsOnDeleteNamesWhatItAsked() {
        String channelId = aws.mediaLive().addChannel("SINGLE_PIPELINE", "IDLE", inputId, Map.of());
        CountDownLatch answered = new CountDownLatch(1);
        aws.onNext("MediaLive:DescribeChannel", () -> aws.clock().advance(Duration.ofMinutes(20)));
        aws.holdAnswer("MediaLive:DescribeChannel", answered);

        JsonNode failed = stack.delete(CHANNEL, "Channel", channelId, channel("No"));
        answered.countDown();

        assertEquals(
                "timed out while reading the state of channel " + channelId + " before deleting it",
                failed.path("Reason").asText());
        assertEquals(channelId, failed.path("PhysicalResourceId").asText());
    }
}
