package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChannelApiCallsTest {
    @Test
    void everyCallOfACreateUpdateDeleteRunIsInTheSpec() throws Exception {
        try (WireMockAws wire = new WireMockAws()) {
            MediaLiveStubs stubs = new MediaLiveStubs(wire);
            ChannelManager manager = new ChannelManager(wire.clients().mediaLive(),
                    new EncodingProfiles(wire.clients()::s3)::load, Duration.ofMillis(10));
            wire.server().stubFor(get(urlPathEqualTo("/profiles-bucket/custom-540p.json")).willReturn(aResponse()
                    .withStatus(200).withBody(Files.readAllBytes(Path.of("encoding-profiles/medialive-540p.json")))));
            stubs.noChannels();
            stubs.createReturns(CHANNEL_ID);
            stubs.startReturns(CHANNEL_ID);
            stubs.stopReturns(CHANNEL_ID);
            stubs.updateReturns(CHANNEL_ID);
            stubs.deleteReturns(CHANNEL_ID);
            stubs.describeWalks(CHANNEL_ID, "CREATING", "IDLE", "STARTING", "RUNNING", // create, Start=Yes
                    "RUNNING", "STOPPING", "IDLE", "UPDATING", "IDLE", "STARTING", "RUNNING", // new profile
                    "RUNNING", "STOPPING", "IDLE", "DELETING", MediaLiveStubs.GONE); // delete

            manager.create(Requests.create(ChannelManager.KIND, properties("Start", "Yes",
                    "EncodingProfile", "s3://profiles-bucket/custom-540p.json")),
                    Requests.invocation().invocation());
            manager.update(Requests.update(ChannelManager.KIND, CHANNEL_ID,
                    properties("Start", "Yes", "EncodingProfile", "1080p"), properties("Start", "Yes")),
                    Requests.invocation().invocation());
            manager.delete(Requests.delete(ChannelManager.KIND, CHANNEL_ID, properties()),
                    Requests.invocation().invocation());

            Set<String> made = new TreeSet<>(wire.calls());
            made.addAll(callsOfACreateThatFails());
            assertEquals(new TreeSet<>(manager.spec().apiCalls()), made,
                    "a full run, and a create that fails, make every call of the spec, and no other");
        }
    }

    /** A Create that ends in CREATE_FAILED also reads the channel's alerts for the reason. */
    private static Set<String> callsOfACreateThatFails() {
        try (WireMockAws wire = new WireMockAws()) {
            MediaLiveStubs stubs = new MediaLiveStubs(wire);
            stubs.noChannels();
            stubs.createReturns(CHANNEL_ID);
            stubs.describeWalks(CHANNEL_ID, "CREATE_FAILED");
            ChannelManager manager = new ChannelManager(wire.clients().mediaLive(), TestProfiles.loader(),
                    Duration.ofMillis(10));

            MediaLiveStubs.dispatch(manager, Requests.create(ChannelManager.KIND, properties()),
                    Requests.invocation().invocation());

            return new TreeSet<>(wire.calls());
        }
    }

    @Test
    void theKindIsRegistered() {
        try (WireMockAws wire = new WireMockAws()) {
            ResourceManager manager = Managers.standard(wire.clients()).find(ChannelManager.KIND).orElseThrow();

            assertTrue(manager instanceof ChannelManager);
            assertEquals(ChannelSpec.PROPERTIES, manager.spec().properties());
            assertEquals(Set.of("ChannelId", "Arn", "State"), manager.spec().attributes());
        }
    }
}
