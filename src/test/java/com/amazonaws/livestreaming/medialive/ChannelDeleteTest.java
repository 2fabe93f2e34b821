package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelDeleteTest {
    private static final String DESCRIBE = "MediaLive:DescribeChannel";
    private static final String STOP = "MediaLive:StopChannel";
    private static final String DELETE = "MediaLive:DeleteChannel";
    private WireMockAws wire;
    private MediaLiveStubs stubs;
    private ChannelManager manager;

    @BeforeEach
    void start() {
        wire = new WireMockAws();
        stubs = new MediaLiveStubs(wire);
        manager = new ChannelManager(wire.clients().mediaLive(), TestProfiles.loader(), Duration.ofMillis(10));
        stubs.stopReturns(CHANNEL_ID);
        stubs.deleteReturns(CHANNEL_ID);
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private Outcome deleteChannel() {
        return MediaLiveStubs.dispatch(manager, Requests.delete(ChannelManager.KIND, CHANNEL_ID, properties()),
                Requests.invocation().invocation());
    }

    @Test
    void deleteFromIdleDeletesAndWaitsUntilTheChannelIsGone() {
        stubs.describeWalks(CHANNEL_ID, "IDLE", "DELETING", "DELETING", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(List.of(DESCRIBE, DELETE, DESCRIBE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void deleteFromRunningStopsTheChannelFirst() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "STOPPING", "IDLE", "DELETING", "DELETED");

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, STOP, DESCRIBE, DESCRIBE, DELETE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void deleteFromStartingStopsTheChannelFirst() {
        stubs.describeWalks(CHANNEL_ID, "STARTING", "STOPPING", "IDLE", "DELETING", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, STOP, DESCRIBE, DESCRIBE, DELETE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void deleteOfACreateFailedChannelDeletesItDirectly() {
        stubs.describeWalks(CHANNEL_ID, "CREATE_FAILED", "DELETING", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, DELETE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void deleteWhileCreatingWaitsForTheChannelToSettle() {
        stubs.describeWalks(CHANNEL_ID, "CREATING", "CREATING", "IDLE", "DELETING", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, DESCRIBE, DESCRIBE, DELETE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void deleteOfMissingChannelAnswersSuccess() {
        stubs.describeWalks(CHANNEL_ID, MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE), wire.calls());
    }

    @Test
    void deleteOfAChannelInStateDeletedAnswersSuccess() {
        stubs.describeWalks(CHANNEL_ID, "DELETED");

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE), wire.calls());
    }

    @Test
    void deleteOfAChannelAlreadyBeingDeletedOnlyWaits() {
        stubs.describeWalks(CHANNEL_ID, "DELETING", "DELETING", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(List.of(DESCRIBE, DESCRIBE, DESCRIBE), wire.calls());
    }

    @Test
    void channelThatVanishesDuringDeleteAnswersSuccess() {
        stubs.describeWalks(CHANNEL_ID, "IDLE");
        wire.server().stubFor(delete(urlPathEqualTo("/prod/channels/" + CHANNEL_ID)).atPriority(1)
                .willReturn(MediaLiveStubs.error(404, "NotFoundException", "Channel not found")));

        assertTrue(deleteChannel().succeeded());
    }

    @Test
    void deleteTimeoutNamesTheStateTheChannelIsStuckIn() {
        stubs.describeWalks(CHANNEL_ID, "RUNNING", "STOPPING");

        Outcome outcome = MediaLiveStubs.dispatch(manager, Requests.delete(ChannelManager.KIND, CHANNEL_ID,
                properties()), Requests.invocation(Duration.ofMillis(800)).invocation());

        assertEquals("timed out while waiting for channel 1234567 to be IDLE (it is STOPPING)", outcome.reason());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
    }

    @Test
    void stopRefusedWhileStartingIsRepeatedOnceTheChannelRuns() {
        wire.server().stubFor(post(urlPathEqualTo("/prod/channels/" + CHANNEL_ID + "/stop")).atPriority(1)
                .inScenario("stop").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refused once")
                .willReturn(MediaLiveStubs.error(409, "ConflictException", "Channel is in STARTING state")));
        stubs.describeWalks(CHANNEL_ID, "STARTING", "STARTING", "RUNNING", "STOPPING", "IDLE", MediaLiveStubs.GONE);

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded(), outcome.reason());
        assertEquals(List.of(DESCRIBE, STOP, DESCRIBE, DESCRIBE, STOP, DESCRIBE, DESCRIBE, DELETE, DESCRIBE),
                wire.calls());
    }
}
