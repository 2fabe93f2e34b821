package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Delete against the MediaLive stand-in: stop first, delete, and wait until MediaLive lets go of the input. */
class ChannelDeleteTest {
    private static final String DESCRIBE = "MediaLive:DescribeChannel";
    private static final String STOP = "MediaLive:StopChannel";
    private static final String DELETE = "MediaLive:DeleteChannel";
    private static final String LIST = "MediaLive:ListChannels";

    @AutoClose
    private final ChannelFixture fixture = new ChannelFixture();

    private Outcome deleteChannel(String id) {
        return fixture.dispatch(Requests.delete(ChannelManager.KIND, id, properties()));
    }

    private String state(String id) {
        return fixture.aws.mediaLive().channelState(id);
    }

    @Test
    void deleteFromIdleDeletesAndWaitsUntilTheChannelIsGone() {
        String id = fixture.channel("STANDARD", "IDLE");

        Outcome outcome = deleteChannel(id);

        assertTrue(outcome.succeeded(), outcome.reason());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of(DELETE), fixture.actions());
        assertEquals("DELETED", state(id));
        assertEquals("DETACHED", fixture.aws.mediaLive().inputState(fixture.inputId));
    }

    @Test
    void deleteFromRunningStopsTheChannelFirst() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = deleteChannel(id);

        assertTrue(outcome.succeeded(), outcome.reason());
        assertEquals(List.of(STOP, DELETE), fixture.actions());
        assertEquals("DELETED", state(id));
    }

    @Test
    void deleteFromStartingStopsTheChannelFirst() {
        String id = fixture.channel("STANDARD", "STARTING");

        assertTrue(deleteChannel(id).succeeded());
        assertEquals(List.of(STOP, DELETE), fixture.actions());
    }

    @Test
    void deleteOfACreateFailedChannelDeletesItDirectly() {
        String id = fixture.channel("STANDARD", "CREATE_FAILED");

        assertTrue(deleteChannel(id).succeeded());
        assertEquals(List.of(DELETE), fixture.actions());
        assertEquals("DELETED", state(id));
    }

    @Test
    void deleteWhileCreatingWaitsForTheChannelToSettle() {
        String id = fixture.aws
                .clients()
                .mediaLive()
                .createChannel(
                        b -> b.name("x").channelClass("STANDARD").inputAttachments(a -> a.inputId(fixture.inputId)))
                .channel()
                .id();

        assertTrue(deleteChannel(id).succeeded());
        assertEquals(List.of("MediaLive:CreateChannel", DELETE), fixture.actions());
        assertEquals("DELETED", state(id));
    }

    @Test
    void deleteOfMissingChannelAnswersSuccessAfterAskingMediaLive() {
        Outcome outcome = deleteChannel("1234567");

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, LIST), fixture.calls(), "asks for the id, then for channels left behind");
    }

    @Test
    void deleteOfAChannelInStateDeletedAnswersSuccess() {
        String id = fixture.channel("STANDARD", "DELETED");

        assertTrue(deleteChannel(id).succeeded());
        assertEquals(List.of(DESCRIBE, LIST), fixture.calls());
    }

    @Test
    void deleteOfAChannelAlreadyBeingDeletedOnlyWaits() {
        String id = fixture.channel("STANDARD", "IDLE");
        fixture.aws.clients().mediaLive().deleteChannel(b -> b.channelId(id));

        assertTrue(deleteChannel(id).succeeded());
        assertEquals(1, fixture.count(DELETE), "only the DeleteChannel made before");
        assertEquals("DELETED", state(id));
    }

    @Test
    void channelThatVanishesDuringDeleteAnswersSuccess() {
        String id = fixture.channel("STANDARD", "IDLE");
        fixture.aws.onNext(DELETE, () -> fixture.aws.mediaLive().remove(id));

        assertTrue(deleteChannel(id).succeeded());
    }

    @Test
    void deleteTimeoutNamesTheStateTheChannelIsStuckIn() {
        String id = fixture.channel("STANDARD", "RUNNING");
        fixture.aws.mediaLive().timings().channelStop = Duration.ofHours(1);

        Outcome outcome = MediaLiveStubs.dispatch(
                fixture.manager,
                Requests.delete(ChannelManager.KIND, id, properties()),
                fixture.invocation(Duration.ofSeconds(120)).invocation());

        assertEquals(
                "timed out while waiting for channel 1234567 to reach IDLE before it is deleted (last state "
                        + "STOPPING)",
                outcome.reason());
        assertEquals(id, outcome.physicalResourceId());
    }

    @Test
    void stopRefusedWhileStartingIsRepeatedOnceTheChannelRuns() {
        String id = fixture.channel("STANDARD", "IDLE");
        fixture.aws.clients().mediaLive().startChannel(b -> b.channelId(id));
        fixture.aws.refuse(STOP, 1, 409, "ConflictException", "Channel is in STARTING state");

        Outcome outcome = deleteChannel(id);

        assertTrue(outcome.succeeded(), outcome.reason());
        assertEquals(List.of("MediaLive:StartChannel", STOP, STOP, DELETE), fixture.actions());
        assertEquals("DELETED", state(id));
    }

    @Test
    void throttledPollsKeepTheWaitGoingWithBackoff() {
        try (ChannelFixture once = new ChannelFixture(1)) {
            String id = once.channel("STANDARD", "RUNNING");
            once.aws.onNext(
                    DESCRIBE, () -> once.aws.refuse(DESCRIBE, 3, 429, "TooManyRequestsException", "Too Many Requests"));
            var captured = once.invocation();

            Outcome outcome = MediaLiveStubs.dispatch(
                    once.manager, Requests.delete(ChannelManager.KIND, id, properties()), captured.invocation());

            assertTrue(outcome.succeeded(), outcome.reason());
            assertEquals("DELETED", once.aws.mediaLive().channelState(id));
            assertTrue(
                    captured.log()
                            .contains("MediaLive DescribeChannel: 429 TooManyRequestsException: Too Many Requests"),
                    captured.log());
        }
    }

    @Test
    void pollsThrottledUntilTheBudgetEndsSayWhatWasAwaitedAndWhy() {
        try (ChannelFixture once = new ChannelFixture(1)) {
            String id = once.channel("STANDARD", "IDLE");
            once.aws.clients().mediaLive().deleteChannel(b -> b.channelId(id));
            once.aws.onNext(
                    DESCRIBE,
                    () -> once.aws.refuse(DESCRIBE, 100, 429, "TooManyRequestsException", "Too Many Requests"));

            Outcome outcome = MediaLiveStubs.dispatch(
                    once.manager,
                    Requests.delete(ChannelManager.KIND, id, properties()),
                    once.invocation(Duration.ofSeconds(120)).invocation());

            assertEquals(
                    "timed out while waiting for channel 1234567 to reach DELETED (no answer yet; the last 4 "
                            + "polls were refused: MediaLive DescribeChannel: 429 TooManyRequestsException: Too Many Requests)",
                    outcome.reason());
        }
    }
}
