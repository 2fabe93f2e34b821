package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.Requests;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Update against the MediaLive stand-in, which refuses UpdateChannel on a channel that is not IDLE: a running
 * channel is stopped, updated (a new ChannelClass included) and started again; no Update makes a new channel.
 */
class ChannelUpdateTest {
    private static final String STOP = "MediaLive:StopChannel";
    private static final String START = "MediaLive:StartChannel";
    private static final String UPDATE = "MediaLive:UpdateChannel";
    private static final String CLASS = "MediaLive:UpdateChannelClass";

    @AutoClose
    private final ChannelFixture fixture = new ChannelFixture();

    /** An Update with its own RequestId, as CloudFormation sends it (the channel was made by the Create's). */
    private static Request update(String id, Map<String, Object> now, Map<String, Object> before) {
        Request base = Requests.update(ChannelManager.KIND, id, now, before);
        return new Request(
                RequestType.UPDATE,
                base.responseUrl(),
                base.stackId(),
                InputStubs.OTHER_REQUEST_ID,
                base.resourceType(),
                base.logicalResourceId(),
                id,
                base.properties(),
                base.oldProperties());
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

        Outcome outcome = run(update(
                id,
                properties("EncodingProfile", "1080p", "Start", "Yes"),
                properties("EncodingProfile", "720p", "Start", "Yes")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("RUNNING", state(id));
        fixture.aws
                .server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + id))
                        .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions.length()", equalTo("3")))
                        .withRequestBody(
                                matchingJsonPath("$.encoderSettings.videoDescriptions[0].width", equalTo("1920"))));
    }

    @Test
    void aChangeMediaLiveRefusesStartsTheRunningChannelAgainBeforeFailing() {
        String id = fixture.channel("STANDARD", "RUNNING");
        fixture.aws.refuse(UPDATE, 1, 422, "UnprocessableEntityException", "Failed to update channel");

        Outcome outcome = fixture.dispatch(update(id, properties("EncodingProfile", "1080p"), properties()));

        assertEquals(
                "MediaLive refused the channel: Failed to update channel; channel " + id + " started again",
                outcome.reason());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("STARTING", state(id));
    }

    @Test
    void aBudgetTooShortForAStopAndAStartLeavesTheChannelRunning() {
        String id = fixture.channel("STANDARD", "RUNNING");

        Outcome outcome = MediaLiveStubs.dispatch(
                fixture.manager,
                update(id, properties("LogLevel", "INFO"), properties()),
                fixture.invocation(Duration.ofSeconds(200)).invocation());

        assertEquals(
                "changing channel " + id + " needs channel " + id + " stopped and started again, which can "
                        + "take 6 minutes, but only 200 s of this invocation are left; nothing was changed and the stream "
                        + "is still on the air",
                outcome.reason());
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
        fixture.aws
                .server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + id))
                        .withRequestBody(matchingJsonPath("$.inputAttachments[0].inputId", equalTo(mp4)))
                        .withRequestBody(matchingJsonPath(
                                "$.inputAttachments[0].inputSettings.sourceEndBehavior", equalTo("LOOP"))));
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

        Outcome outcome = run(update(
                id,
                properties("EncodingProfile", "1080p", "Start", "No"),
                properties("EncodingProfile", "720p", "Start", "Yes")));

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(STOP, UPDATE), fixture.actions());
    }

    private String singlePipelineInput(String type) {
        ObjectNode fields =
                JsonNodeFactory.instance.objectNode().put("type", type).put("name", "demo-stack-Input");
        fields.putArray("destinations").addObject().put("streamName", "live/stream");
        return fixture.aws.mediaLive().addInput(fields, Map.of());
    }

    private String classOf(String id) {
        return fixture.aws.mediaLive().describeChannel(id).path("channelClass").asText();
    }

    private String inputOf(String id) {
        return fixture.aws
                .mediaLive()
                .describeChannel(id)
                .path("inputAttachments")
                .path(0)
                .path("inputId")
                .asText();
    }

    @Test
    void channelClassChangeToSinglePipelineChangesTheClassInPlaceBeforeReadingTheNewInput() {
        String id = fixture.channel("STANDARD", "IDLE");
        String single = singlePipelineInput("RTMP_PUSH");

        Outcome outcome =
                run(update(id, properties("ChannelClass", "SINGLE_PIPELINE", "InputId", single), properties()));

        assertEquals(id, outcome.physicalResourceId(), "the same channel: nothing to orphan");
        assertEquals(List.of(CLASS, UPDATE), fixture.actions());
        assertEquals("SINGLE_PIPELINE", classOf(id));
        assertEquals(single, inputOf(id));
        assertEquals("IDLE", state(id));
    }

    @Test
    void channelClassChangeOfARunningChannelStopsChangesAndStartsItAgain() {
        String single = singlePipelineInput("RTMP_PUSH");
        String id = fixture.aws.mediaLive().addChannel("SINGLE_PIPELINE", "RUNNING", single, MediaLiveStubs.ourTags());

        Outcome outcome = run(update(
                id,
                properties("ChannelClass", "STANDARD", "Start", "Yes"),
                properties("ChannelClass", "SINGLE_PIPELINE", "InputId", single, "Start", "Yes")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals(
                List.of(STOP, UPDATE, CLASS, START),
                fixture.actions(),
                "the STANDARD input is attached before the channel becomes STANDARD");
        assertEquals("STANDARD", classOf(id));
        assertEquals(fixture.inputId, inputOf(id));
        assertEquals("RUNNING", state(id));
    }

    @Test
    void anRtpPushInputKeepsItsChannelWhenTheClassChanges() {
        String rtp = fixture.aws
                .mediaLive()
                .addInput(
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "RTP_PUSH")
                                .put("name", "demo-stack-Input"),
                        Map.of());
        String id = fixture.aws.mediaLive().addChannel("SINGLE_PIPELINE", "IDLE", rtp, MediaLiveStubs.ourTags());

        Outcome outcome = run(update(
                id,
                properties("ChannelClass", "STANDARD", "InputId", rtp, "InputType", "RTP_PUSH"),
                properties("ChannelClass", "SINGLE_PIPELINE", "InputId", rtp, "InputType", "RTP_PUSH")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of(CLASS), fixture.actions(), "an RTP input is STANDARD already: only the class changes");
        assertEquals("STANDARD", classOf(id));
    }

    @Test
    void rollbackToTheClassTheChannelHasChangesNothing() {
        String id = fixture.channel("STANDARD", "IDLE");

        Outcome outcome =
                run(update(id, properties("ChannelClass", "STANDARD"), properties("ChannelClass", "SINGLE_PIPELINE")));

        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of("MediaLive:DescribeChannel"), fixture.calls());
    }

    @Test
    void aRefusedClassChangeStartsTheChannelAgainAndKeepsTheOldId() {
        String single = singlePipelineInput("RTMP_PUSH");
        String id = fixture.aws.mediaLive().addChannel("SINGLE_PIPELINE", "RUNNING", single, MediaLiveStubs.ourTags());
        fixture.aws.refuse(CLASS, 1, 422, "UnprocessableEntityException", "Validation errors");

        Outcome outcome = fixture.dispatch(update(
                id,
                properties("ChannelClass", "STANDARD", "Start", "Yes"),
                properties("ChannelClass", "SINGLE_PIPELINE", "InputId", single, "Start", "Yes")));

        assertFalse(outcome.succeeded());
        assertEquals(id, outcome.physicalResourceId());
        assertEquals(List.of(id), fixture.aws.mediaLive().channelIds(), "no second channel");
        assertEquals("STARTING", state(id), "started again: " + outcome.reason());
    }

    @Test
    void aChannelLeftStoppedWhenTimeRanOutIsStartedByTheNextUpdate() {
        String id = fixture.channel("STANDARD", "RUNNING");
        fixture.aws.mediaLive().timings().channelStop = Duration.ofMinutes(10);
        Map<String, Object> before = properties("EncodingProfile", "720p");
        Map<String, Object> after = properties("EncodingProfile", "1080p");

        Outcome first = MediaLiveStubs.dispatch(
                fixture.manager,
                update(id, after, before),
                fixture.invocation(Duration.ofMinutes(7)).invocation());

        assertFalse(first.succeeded());
        assertTrue(first.reason().contains("could not start again " + id + " (STOPPING)"), first.reason());
        assertTrue(fixture.aws.mediaLive().describeChannel(id).path("tags").has("LiveStreaming:RestartAfterEdit"));
        fixture.aws.clock().advance(Duration.ofMinutes(10));

        Outcome rollback = run(update(id, before, after));

        assertEquals("RUNNING", rollback.data().get("State"));
        assertFalse(
                fixture.aws.mediaLive().describeChannel(id).path("tags").has("LiveStreaming:RestartAfterEdit"),
                "the mark is removed once the channel runs again");
    }

    @Test
    void updateOfAChannelDeletedOutsideTheStackFails() {
        Outcome outcome = fixture.dispatch(update("1234567", properties("LogLevel", "INFO"), properties()));

        assertEquals("channel 1234567 no longer exists (deleted outside the stack?)", outcome.reason());
    }
}
