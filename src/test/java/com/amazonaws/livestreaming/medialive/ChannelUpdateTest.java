package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelUpdateTest {
    private static final String NEW_ID = "7654321";
    private static final String DESCRIBE = "MediaLive:DescribeChannel";
    private WireMockAws wire;
    private MediaLiveStubs stubs;
    private ChannelManager manager;

    @BeforeEach
    void start() {
        wire = new WireMockAws();
        stubs = new MediaLiveStubs(wire);
        manager = new ChannelManager(wire.clients().mediaLive(), TestProfiles.loader(), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private static Request update(Map<String, Object> now, Map<String, Object> before) {
        return Requests.update(ChannelManager.KIND, CHANNEL_ID, now, before);
    }

    @Test
    void profileChangeWhileRunningStopsUpdatesAndStartsAgain() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "STOPPING", "IDLE", "UPDATING", "IDLE", "STARTING", "RUNNING");
        stubs.stopReturns(CHANNEL_ID);
        stubs.updateReturns(CHANNEL_ID);
        stubs.startReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("EncodingProfile", "1080p", "Start", "Yes"),
                properties("EncodingProfile", "720p", "Start", "Yes")), Requests.invocation().invocation());

        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(DESCRIBE, "MediaLive:StopChannel", DESCRIBE, DESCRIBE, "MediaLive:UpdateChannel",
                DESCRIBE, DESCRIBE, "MediaLive:StartChannel", DESCRIBE, DESCRIBE), wire.calls());
        wire.server().verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions.length()", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions[0].width", equalTo("1920"))));
    }

    @Test
    void channelStartedByHandIsStartedAgainAfterAnUpdate() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "IDLE", "UPDATING", "IDLE", "STARTING", "RUNNING");
        stubs.stopReturns(CHANNEL_ID);
        stubs.updateReturns(CHANNEL_ID);
        stubs.startReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("LogLevel", "INFO"), properties()),
                Requests.invocation().invocation());

        assertEquals("RUNNING", outcome.data().get("State"));
        wire.server().verify(postRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID + "/start")));
    }

    @Test
    void changeWhileIdleOnlyUpdates() {
        stubs.describeWalks(CHANNEL_ID, "IDLE", "UPDATING", "UPDATING", "IDLE");
        stubs.updateReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("InputId", "1357924", "InputType", "MP4_FILE"),
                properties()), Requests.invocation().invocation());

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(DESCRIBE, "MediaLive:UpdateChannel", DESCRIBE, DESCRIBE, DESCRIBE), wire.calls());
        wire.server().verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                .withRequestBody(matchingJsonPath("$.inputAttachments[0].inputId", equalTo("1357924")))
                .withRequestBody(matchingJsonPath("$.inputAttachments[0].inputSettings.sourceEndBehavior",
                        equalTo("LOOP"))));
    }

    @Test
    void startNoToYesStartsTheChannelWithoutUpdatingIt() {
        stubs.describeWalks(CHANNEL_ID, "IDLE", "STARTING", "RUNNING");
        stubs.startReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("Start", "Yes"), properties("Start", "No")),
                Requests.invocation().invocation());

        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of(DESCRIBE, "MediaLive:StartChannel", DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void startYesToNoStopsTheChannelWithoutUpdatingIt() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "STOPPING", "IDLE");
        stubs.stopReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("Start", "No"), properties("Start", "Yes")),
                Requests.invocation().invocation());

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(List.of(DESCRIBE, "MediaLive:StopChannel", DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void profileChangeWithStartYesToNoLeavesTheChannelStopped() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "IDLE", "UPDATING", "IDLE");
        stubs.stopReturns(CHANNEL_ID);
        stubs.updateReturns(CHANNEL_ID);

        Outcome outcome = manager.update(update(properties("EncodingProfile", "1080p", "Start", "No"),
                properties("EncodingProfile", "720p", "Start", "Yes")), Requests.invocation().invocation());

        assertEquals("IDLE", outcome.data().get("State"));
        assertFalse(wire.calls().contains("MediaLive:StartChannel"));
    }

    @Test
    void channelClassChangeMakesAReplacementChannel() {
        stubs.describeWalksAs("STANDARD", CHANNEL_ID, "IDLE");
        stubs.noChannels();
        stubs.createReturns(NEW_ID, "SINGLE_PIPELINE");
        stubs.describeWalksAs("SINGLE_PIPELINE", NEW_ID, "CREATING", "IDLE");

        Outcome outcome = manager.update(update(properties("ChannelClass", "SINGLE_PIPELINE"), properties()),
                Requests.invocation().invocation());

        assertEquals(NEW_ID, outcome.physicalResourceId());
        assertEquals(NEW_ID, outcome.data().get("ChannelId"));
        assertEquals(List.of(DESCRIBE, "MediaLive:ListChannels", "MediaLive:CreateChannel", DESCRIBE, DESCRIBE),
                wire.calls(), "the old channel is left for CloudFormation's Delete");
        wire.server().verify(postRequestedFor(urlPathEqualTo("/prod/channels"))
                .withRequestBody(matchingJsonPath("$.channelClass", equalTo("SINGLE_PIPELINE"))));
    }

    @Test
    void rollbackToTheClassTheChannelHasNeedsNoReplacement() {
        stubs.describeWalksAs("STANDARD", CHANNEL_ID, "IDLE");

        Outcome outcome = manager.update(update(properties("ChannelClass", "STANDARD"),
                properties("ChannelClass", "SINGLE_PIPELINE")), Requests.invocation().invocation());

        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(List.of(DESCRIBE), wire.calls());
    }

    @Test
    void failedReplacementRemovesTheNewChannelAndKeepsTheOldId() {
        stubs.describeWalksAs("STANDARD", CHANNEL_ID, "IDLE");
        stubs.noChannels();
        stubs.createReturns(NEW_ID, "SINGLE_PIPELINE");
        stubs.describeWalksAs("SINGLE_PIPELINE", NEW_ID, "CREATE_FAILED", "CREATE_FAILED", MediaLiveStubs.GONE);
        stubs.deleteReturns(NEW_ID);
        Request request = update(properties("ChannelClass", "SINGLE_PIPELINE"), properties());

        Outcome outcome = MediaLiveStubs.dispatch(manager, request, Requests.invocation().invocation());

        assertFalse(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        wire.server().verify(deleteRequestedFor(urlPathEqualTo("/prod/channels/" + NEW_ID)));
    }

    @Test
    void replacementThatTimesOutWhileStartingIsStoppedSoItIsNotLeftRunning() {
        stubs.describeWalksAs("STANDARD", CHANNEL_ID, "IDLE");
        stubs.noChannels();
        stubs.createReturns(NEW_ID, "SINGLE_PIPELINE");
        stubs.startReturns(NEW_ID);
        stubs.stopReturns(NEW_ID);
        stubs.describeWalksAs("SINGLE_PIPELINE", NEW_ID, "CREATING", "IDLE", "STARTING");
        wire.server().stubFor(delete(urlPathEqualTo("/prod/channels/" + NEW_ID)).willReturn(MediaLiveStubs.error(409,
                "ConflictException", "Channel is in a state that does not allow deletion")));
        Request request = update(properties("ChannelClass", "SINGLE_PIPELINE", "Start", "Yes"),
                properties("Start", "Yes"));

        Outcome outcome = MediaLiveStubs.dispatch(manager, request,
                Requests.invocation(Duration.ofMillis(1500)).invocation());

        assertEquals("timed out while waiting for channel 7654321 to be RUNNING (it is STARTING)", outcome.reason());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        wire.server().verify(postRequestedFor(urlPathEqualTo("/prod/channels/" + NEW_ID + "/stop")));
    }

    @Test
    void updateOfAChannelDeletedOutsideTheStackFails() {
        stubs.describeWalks(CHANNEL_ID, MediaLiveStubs.GONE);

        Outcome outcome = MediaLiveStubs.dispatch(manager, update(properties("LogLevel", "INFO"), properties()),
                Requests.invocation().invocation());

        assertEquals("channel 1234567 no longer exists (deleted outside the stack?)", outcome.reason());
    }
}
