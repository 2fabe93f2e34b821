package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What MediaLive receives: the CreateChannel and UpdateChannel bodies as the SDK puts them on the wire. */
class ChannelRequestWireTest {
    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private MediaLiveStubs stubs;
    private ChannelManager manager;

    @BeforeEach
    void start() {
        stubs = new MediaLiveStubs(wire);
        manager = new ChannelManager(wire.clients().mediaLive(), TestProfiles.loader(), Duration.ofMillis(10));
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "IDLE");
    }

    @ParameterizedTest(name = "{0} input: sourceEndBehavior {1}")
    @CsvSource({
        "RTP_PUSH, CONTINUE",
        "RTMP_PUSH, CONTINUE",
        "URL_PULL, LOOP",
        "RTMP_PULL, CONTINUE",
        "MP4_FILE, LOOP",
        "SRT_CALLER, CONTINUE",
        "MEDIACONNECT, CONTINUE"
    })
    void createChannelBodyCarriesTheWholeChannel(String inputType, String sourceEndBehavior) {
        manager.create(
                Requests.create(
                        ChannelManager.KIND,
                        properties("InputType", inputType, "LogLevel", "INFO", "Name", "demo-live")),
                Requests.invocation().invocation());

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/channels"))
                        .withRequestBody(equalToJson(
                                """
                {
                  "name": "demo-live",
                  "channelClass": "STANDARD",
                  "roleArn": "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole",
                  "logLevel": "INFO",
                  "requestId": "${json-unit.any-string}",
                  "inputAttachments": [{
                    "inputId": "2468013",
                    "inputAttachmentName": "2468013",
                    "inputSettings": {"sourceEndBehavior": "%s"}
                  }],
                  "inputSpecification": {"codec": "AVC", "resolution": "HD", "maximumBitrate": "MAX_20_MBPS"},
                  "destinations": [{
                    "id": "destination1",
                    "mediaPackageSettings": [{"channelId": "demo-stack-livestream"}]
                  }],
                  "tags": {
                    "LiveStreaming:Solution": "live-streaming-on-aws",
                    "LiveStreaming:StackId": "%s",
                    "LiveStreaming:LogicalId": "ResourceMediaLiveChannel",
                    "LiveStreaming:RequestId": "%s"
                  }
                }
                """.formatted(sourceEndBehavior, Requests.STACK_ID, Requests.REQUEST_ID),
                                false,
                                true)));
    }

    @Test
    void createChannelBodyCarriesTheProfilesEncoderSettings() {
        manager.create(
                Requests.create(ChannelManager.KIND, properties("EncodingProfile", "1080p")),
                Requests.invocation().invocation());

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/channels"))
                        .withRequestBody(
                                matchingJsonPath("$.encoderSettings.timecodeConfig.source", equalTo("SYSTEMCLOCK")))
                        .withRequestBody(matchingJsonPath("$.encoderSettings.videoDescriptions.length()", equalTo("3")))
                        .withRequestBody(matchingJsonPath(
                                "$.encoderSettings.videoDescriptions[0].codecSettings.h264Settings.bitrate",
                                equalTo("6000000")))
                        .withRequestBody(matchingJsonPath(
                                "$.encoderSettings.audioDescriptions[0].codecSettings.aacSettings.codingMode",
                                equalTo("CODING_MODE_2_0")))
                        .withRequestBody(matchingJsonPath(
                                "$.encoderSettings.outputGroups[0].outputGroupSettings"
                                        + ".mediaPackageGroupSettings.destination.destinationRefId",
                                equalTo("destination1")))
                        .withRequestBody(matchingJsonPath(
                                "$.encoderSettings.outputGroups[0].outputs[2].videoDescriptionName",
                                equalTo("video_360p30"))));
    }

    @Test
    void packagerV2SendsTheLadderAsCmafIngestToTheChannelsIngestEndpoints() throws Exception {
        String ingest1 = "https://a1b2c3-1.ingest.d4e5f6.mediapackagev2.us-east-1.amazonaws.com/in/v1/demo/1/live/";
        String ingest2 = "https://a1b2c3-2.ingest.d4e5f6.mediapackagev2.us-east-1.amazonaws.com/in/v1/demo/1/live/";

        manager.create(
                Requests.create(
                        ChannelManager.KIND,
                        properties(
                                "Packager",
                                "v2",
                                "MediaPackageChannelId",
                                "",
                                "CmafIngestUrl1",
                                ingest1,
                                "CmafIngestUrl2",
                                ingest2)),
                Requests.invocation().invocation());

        JsonNode body = stubs.sentCreateChannel();
        assertEquals(readBody("""
                [{"id": "destination1", "settings": [{"url": "%s"}, {"url": "%s"}]}]
                """.formatted(ingest1, ingest2)), body.get("destinations"));
        JsonNode group = body.get("encoderSettings").get("outputGroups").get(0);
        assertEquals(readBody("""
                {"cmafIngestGroupSettings": {"destination": {"destinationRefId": "destination1"},
                                             "segmentLength": 1, "segmentLengthUnits": "SECONDS"}}
                """), group.get("outputGroupSettings"));
        assertEquals(3, group.get("outputs").size(), "two video rungs and their one shared audio encode");
        assertEquals(
                "_360p30",
                group.get("outputs")
                        .get(1)
                        .get("outputSettings")
                        .get("cmafIngestOutputSettings")
                        .get("nameModifier")
                        .asText());
        assertEquals(
                1.0,
                body.get("encoderSettings")
                        .get("videoDescriptions")
                        .get(0)
                        .get("codecSettings")
                        .get("h264Settings")
                        .get("gopSize")
                        .asDouble());
    }

    @Test
    void createWithoutLogLevelLeavesMediaLivesDefault() throws Exception {
        manager.create(
                Requests.create(ChannelManager.KIND, properties()),
                Requests.invocation().invocation());

        JsonNode body = stubs.sentCreateChannel();
        assertFalse(body.has("logLevel"));
        assertEquals("demo-stack-livestream", body.get("name").asText(), "the name defaults to <StackName>-livestream");
    }

    @Test
    void singlePipelineChannelIsAskedForAsSuch() {
        manager.create(
                Requests.create(ChannelManager.KIND, properties("ChannelClass", "SINGLE_PIPELINE")),
                Requests.invocation().invocation());

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/channels"))
                        .withRequestBody(matchingJsonPath("$.channelClass", equalTo("SINGLE_PIPELINE"))));
    }

    @Test
    void updateChannelBodyCarriesEverythingButClassAndTags() {
        stubs.updateReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "IDLE", "UPDATING", "IDLE");

        manager.update(
                Requests.update(
                        ChannelManager.KIND,
                        CHANNEL_ID,
                        properties("MediaPackageChannelId", "demo-stack-other", "InputType", "URL_PULL"),
                        properties()),
                Requests.invocation().invocation());

        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                        .withRequestBody(equalToJson("""
                        {
                          "name": "demo-stack-livestream",
                          "roleArn": "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole",
                          "logLevel": "DISABLED",
                          "inputAttachments": [{"inputId": "2468013", "inputAttachmentName": "2468013",
                                                "inputSettings": {"sourceEndBehavior": "LOOP"}}],
                          "inputSpecification": {"codec": "AVC", "resolution": "HD", "maximumBitrate": "MAX_20_MBPS"},
                          "destinations": [{"id": "destination1",
                                            "mediaPackageSettings": [{"channelId": "demo-stack-other"}]}]
                        }
                        """, false, true))
                        .withRequestBody(
                                matchingJsonPath("$.encoderSettings.videoDescriptions.length()", equalTo("2"))));
        JsonNode body = stubs.sentUpdateChannel(CHANNEL_ID);
        assertFalse(body.has("channelClass"));
        assertFalse(body.has("tags"));
    }

    private static JsonNode readBody(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
