package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The IAM policy is derived from {@code spec().apiCalls()}, so it must cover every call a real run makes. */
class ChannelApiCallsTest {
    @Test
    void everyCallOfACreateUpdateDeleteRunIsInTheSpec() throws Exception {
        try (ChannelFixture fixture = new ChannelFixture()) {
            ChannelManager manager = new ChannelManager(
                    fixture.aws.clients().mediaLive(),
                    new EncodingProfiles(fixture.aws.clients()::s3)::load,
                    ChannelManager.PRODUCTION_POLL_INTERVAL);
            fixture.aws
                    .server()
                    .stubFor(get(urlPathEqualTo("/profiles-bucket/custom-540p.json"))
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withBody(Files.readAllBytes(Path.of("encoding-profiles/medialive-540p.json")))));

            String id = manager.create(
                            Requests.create(
                                    ChannelManager.KIND,
                                    properties(
                                            "Start",
                                            "Yes",
                                            "EncodingProfile",
                                            "s3://profiles-bucket/custom-540p.json")),
                            fixture.invocation().invocation())
                    .physicalResourceId();
            manager.update(
                    Requests.update(
                            ChannelManager.KIND,
                            id,
                            properties("Start", "Yes", "EncodingProfile", "1080p"),
                            properties("Start", "Yes")),
                    fixture.invocation().invocation());
            manager.update(
                    Requests.update(
                            ChannelManager.KIND,
                            id,
                            properties("Start", "Yes", "EncodingProfile", "1080p", "ChannelClass", "SINGLE_PIPELINE"),
                            properties("Start", "Yes", "EncodingProfile", "1080p")),
                    fixture.invocation().invocation());
            manager.delete(
                    Requests.delete(ChannelManager.KIND, id, properties()),
                    fixture.invocation().invocation());
            fixture.aws.mediaLive().createFails("Role Permissions", "MediaLive cannot assume the role");
            String failed = MediaLiveStubs.dispatch(
                            manager,
                            Requests.create(ChannelManager.KIND, properties()),
                            fixture.invocation().invocation())
                    .physicalResourceId();
            manager.delete(
                    Requests.delete(ChannelManager.KIND, failed, properties()),
                    fixture.invocation().invocation());

            Set<String> made = new TreeSet<>(fixture.calls());
            assertEquals(
                    new TreeSet<>(manager.spec().apiCalls()),
                    made,
                    "a full run, and a create that fails, make every call of the spec, and no other");
            assertEquals(List.of("MediaLive input " + fixture.inputId + " (DETACHED)"), fixture.aws.leftovers());
        }
    }

    @Test
    void theKindIsRegistered() {
        try (WireMockAws wire = new WireMockAws()) {
            ResourceManager manager =
                    Managers.standard(wire.clients()).find(ChannelManager.KIND).orElseThrow();

            assertTrue(manager instanceof ChannelManager);
            assertEquals(ChannelSpec.PROPERTIES, manager.spec().properties());
            assertEquals(Set.of("ChannelId", "Arn", "State"), manager.spec().attributes());
        }
    }
}
