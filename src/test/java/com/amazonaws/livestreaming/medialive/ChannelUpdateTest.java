package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Update against the MediaLive stand-in, which refuses UpdateChannel on a channel that is not IDLE: a running
 * channel is stopped, updated and started again; only a new ChannelClass makes a new channel.
 */
class ChannelUpdateTest {
    private static final String STOP = "MediaLive:StopChannel";
    private static final String START = "MediaLive:StartChannel";
    private static final String UPDATE = "MediaLive:UpdateChannel";
    @AutoClose
    private final ChannelFixture fixture = new ChannelFixture();

    /** An Update with its own RequestId, as CloudFormation sends it (the channel was made by the Create's). */
    private static Request update(String id, Map<String, Object> now, Map<String, Object> before) {
        Request base = Requests.update(ChannelManager.KIND, id, now, before);
        return new Request(RequestType.UPDATE, base.responseUrl(), base.stackId(), InputStubs.OTHER_REQUEST_ID,
                base.resourceType(), base.logicalResourceId(), id, base.properties(), base.oldProperties());
    }

    private Outcome run(Request request) {
        return fixture.manager.update(request, fixture.invocation().invocation());
    }

    private String state(String id) {
        return fixture.aws.mediaLive().channelState(id);
    }

    @Test
    void profileChangeWhileRunningStopsUpdatesAndStartsAgain() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = run(update(id, properties("EncodingProfile", "1080p", "Start", "Yes"),
                properties("EncodingProfile", "720p", "Start", "Yes")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("RUNNING", state(id));
        fixture.aws.server().verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + id))
                .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions.length()", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions[0].width", equalTo("1920"))));
    }

    @Test
    void aChangeMediaLiveRefusesStartsTheRunningChannelAgainBeforeFailing() {
        String id = fixture.channel("STANDARD", "RUNNING");
        fixture.aws.refuse(UPDATE, 1, 422, "UnprocessableEntityException", "Failed to update channel");

        Outcome outcome = fixture.dispatch(update(id, properties("EncodingProfile", "1080p"), properties()));

        assertEquals("MediaLive refused the channel: Failed to update channel; channel " + id + " started again",
                outcome.reason());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("STARTING", state(id));
    }

    @Test
    void aBudgetTooShortForAStopAndAStartLeavesTheChannelRunning() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = MediaLiveStubs.dispatch(fixture.manager, update(id, properties("LogLevel", "INFO"),
                properties()), fixture.invocation(Duration.ofSeconds(200)).invocation());

        assertEquals("changing channel " + id + " needs channel " + id + " stopped and started again, which can "
                + "take 6 minutes, but only 200 s of this invocation are left; nothing was changed and the stream "
                + "is still on the air", outcome.reason());
        assertEquals(List.of(), fixture.actions());
        assertEquals("RUNNING", state(id));
    }

    @Test
    void channelStartedByHandIsStartedAgainAfterAnUpdate() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = run(update(id, properties("LogLevel", "INFO"), properties()));

        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
    }

    @Test
    void changeWhileIdleOnlyUpdates() {
        String id = fixture.channel("STANDARD", "IDLE");
        String mp4 = fixture.input();

        Outcome outcome = run(update(id, properties("InputId", mp4, "InputType", "MP4_FILE"), properties()));

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(UPDATE), fixture.actions());
        fixture.aws.server().verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + id))
                .withRequestBody(matchingJsonPath("$.inputAttachments[0].inputId", equalTo(mp4)))
                .withRequestBody(matchingJsonPath("$.inputAttachments[0].inputSettings.sourceEndBehavior",
                        equalTo("LOOP"))));
        assertEquals("ATTACHED", fixture.aws.mediaLive().inputState(mp4));
        assertEquals("DETACHED", fixture.aws.mediaLive().inputState(fixture.inputId));
    }

    @Test
    void startNoToYesStartsTheChannelWithoutUpdatingIt() {
        String id = fixture.channel("STANDARD", "IDLE");

        Outcome outcome = run(update(id, properties("Start", "Yes"), properties("Start", "No")));

        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(START), fixture.actions());
    }

    @Test
    void startYesToNoStopsTheChannelWithoutUpdatingIt() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = run(update(id, properties("Start", "No"), properties("Start", "Yes")));

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(STOP), fixture.actions());
    }

    @Test
    void profileChangeWithStartYesToNoLeavesTheChannelStopped() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = run(update(id, properties("EncodingProfile", "1080p", "Start", "No"),
                properties("EncodingProfile", "720p", "Start", "Yes")));

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(STOP, UPDATE), fixture.actions());
    }

    @Test
    void channelClassChangeMakesAReplacementChannel() {
        String id = fixture.channel("STANDARD", "IDLE");
        String single = fixture.input();

        Outcome outcome = run(update(id, properties("ChannelClass", "SINGLE_PIPELINE", "InputId", single),
                properties()));

        String newId = outcome.physicalResourceId();
        assertFalse(id.equals(newId));
        assertEquals(newId, outcome.data().get("ChannelId"));
        assertEquals(List.of("MediaLive:ListChannels", "MediaLive:CreateChannel"), fixture.actions(),
                "the old channel is left for CloudFormation's Delete");
        fixture.aws.server().verify(postRequestedFor(urlPathEqualTo("/prod/channels"))
                .withRequestBody(matchingJsonPath("$.channelClass", equalTo("SINGLE_PIPELINE"))));
        assertEquals("IDLE", state(id));
        assertEquals("IDLE", state(newId));
    }

    @Test
    void rollbackToTheClassTheChannelHasNeedsNoReplacement() {
        String id = fixture.channel("STANDARD", "IDLE");

        Outcome outcome = run(update(id, properties("ChannelClass", "STANDARD"),
                properties("ChannelClass", "SINGLE_PIPELINE")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of("MediaLive:DescribeChannel"), fixture.calls());
    }

    @Test
    void failedReplacementRemovesTheNewChannelAndKeepsTheOldId() {
        String id = fixture.channel("STANDARD", "IDLE");
        String single = fixture.input();
        fixture.aws.mediaLive().createFails("Resource Allocation Failure", "Not enough capacity");

        Outcome outcome = fixture.dispatch(update(id, properties("ChannelClass", "SINGLE_PIPELINE",
                "InputId", single), properties()));

        assertFalse(outcome.succeeded());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of("MediaLive channel " + id + " (IDLE)", "MediaLive input " + fixture.inputId
                + " (ATTACHED)", "MediaLive input " + single + " (DETACHED)"), fixture.aws.leftovers(),
                "the replacement is deleted; the old channel stays");
    }

    @Test
    void replacementThatTimesOutWhileStartingIsStoppedSoItIsNotLeftRunning() {
        String id = fixture.channel("STANDARD", "RUNNING");
        String single = fixture.input();
        fixture.aws.mediaLive().timings().channelStart = Duration.ofHours(1);

        Outcome outcome = MediaLiveStubs.dispatch(fixture.manager, update(id, properties("ChannelClass",
                "SINGLE_PIPELINE", "InputId", single, "Start", "Yes"), properties("Start", "Yes")),
                fixture.invocation(Duration.ofSeconds(300)).invocation());

        String newId = String.valueOf(Long.parseLong(id) + 1);
        assertEquals("timed out while waiting for channel " + newId + " to reach RUNNING (last state STARTING)",
                outcome.reason());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals("STOPPING", state(newId), "stopped, so it is not billed outside the stack");
        assertEquals("RUNNING", state(id));
    }

    @Test
    void updateOfAChannelDeletedOutsideTheStackFails() {
        Outcome outcome = fixture.dispatch(update("1234567", properties("LogLevel", "INFO"), properties()));

        assertEquals("channel 1234567 no longer exists (deleted outside the stack?)", outcome.reason());
    }
}
