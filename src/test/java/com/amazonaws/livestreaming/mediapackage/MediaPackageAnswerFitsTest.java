package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ENDPOINT_HASH;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.OUT_HOST;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.channel;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.endpoint;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.HandlerHarness;
import com.amazonaws.livestreaming.testing.LongestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The answers of the MediaPackage kinds fit CloudFormation's 4096 bytes with the longest ids it sends and the longest
 * channel ids MediaPackage accepts, sent through the real answer path.
 */
class MediaPackageAnswerFitsTest {
    @AutoClose
    private final HandlerHarness harness = new HandlerHarness();

    @Test
    void aChannelWithTheLongestIdFits() {
        String id = "c".repeat(MediaPackageIds.MAX_LENGTH);
        harness.aws().server().stubFor(post(urlPathEqualTo("/channels")).willReturn(ok(channel(id, "Live", "{}"))));

        harness.run(LongestIds.in(
                Events.create(harness.responseUrl(), MediaPackageChannelManager.KIND, Map.of("ChannelId", id))));

        JsonNode answer = LongestIds.assertAnswerFits(harness, Set.of("ChannelId", "Arn", "IngestUrl1", "IngestUrl2"));
        assertEquals(id, answer.get("Data").get("ChannelId").asText());
    }

    @Test
    void aCmafEndpointOnTheLongestChannelIdFits() {
        String channelId = "c"
                .repeat(MediaPackageIds.MAX_LENGTH
                        - EndpointType.CMAF.idSuffix().length());
        String id = channelId + EndpointType.CMAF.idSuffix();
        String out = "https://" + OUT_HOST + "/out/v1/" + ENDPOINT_HASH;
        harness.aws()
                .server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .willReturn(ok(endpoint(id, channelId, "cmafPackage", """
                        {"hlsManifests": [{"id": "index", "manifestName": "index", "url": "%s/index.m3u8"}],
                         "segmentDurationSeconds": 6}""".formatted(out), out, "{}"))));

        harness.run(LongestIds.in(Events.create(
                harness.responseUrl(),
                MediaPackageEndpointManager.KIND,
                Map.of("ChannelId", channelId, "EndPoint", "CMAF"))));

        JsonNode answer = LongestIds.assertAnswerFits(harness, Set.of("Id", "Url", "DomainName", "Path", "Manifest"));
        assertEquals(id, answer.get("PhysicalResourceId").asText());
    }
}
