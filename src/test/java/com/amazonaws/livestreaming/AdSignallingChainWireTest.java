package com.amazonaws.livestreaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.medialive.ChannelManager;
import com.amazonaws.livestreaming.mediapackage.MediaPackageEndpointManager;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SCTE-35 ad markers through the whole chain, as the services receive the requests: a channel pulling the stack's
 * default source (an HLS stream whose segments carry splice inserts) with each shipped profile, and the HLS, CMAF
 * and DASH endpoints with the properties the template gives them when the stack signals ads. Every request that
 * carries a setting of the chain is checked: CreateChannel and UpdateChannel (MediaLive reads splice inserts from
 * the segments and treats them as avails; the MediaPackage output group passes them through), and
 * CreateOriginEndpoint and UpdateOriginEndpoint of each endpoint (the manifests mark them).
 */
class AdSignallingChainWireTest {
    private static final String SOURCE_WITH_SPLICE_INSERTS =
            "https://d15an60oaeed9r.cloudfront.net/live_stream_v2/sports_reel_with_markers.m3u8";
    private static final String CHANNEL_ID = "1234567";
    private static final String PACKAGE_CHANNEL = "demo-stack-livestream";
    private static final List<String> MEDIAPACKAGE_DEFAULT_TRIGGERS = List.of(
            "SPLICE_INSERT",
            "PROVIDER_ADVERTISEMENT",
            "DISTRIBUTOR_ADVERTISEMENT",
            "PROVIDER_PLACEMENT_OPPORTUNITY",
            "DISTRIBUTOR_PLACEMENT_OPPORTUNITY");
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private Dispatcher dispatcher;

    @BeforeEach
    void start() {
        Map<String, Supplier<ResourceManager>> kinds = new LinkedHashMap<>();
        kinds.put(
                "MediaLiveChannel",
                () -> new ChannelManager(
                        wire.clients().mediaLive(),
                        new EncodingProfiles(wire.clients()::s3)::load,
                        Duration.ofMillis(10)));
        kinds.put("MediaPackageEndpoint", () -> new MediaPackageEndpointManager(wire.clients(), List.of()));
        Registry registry = new Registry(kinds);
        dispatcher = new Dispatcher(() -> registry);
        stubMediaLive();
        stubMediaPackage();
    }

    @ParameterizedTest(name = "profile {0}")
    @ValueSource(strings = {"1080p", "720p", "540p"})
    void channelRequestsReadSpliceInsertsFromTheSourceAndTreatThemAsAvails(String profile) throws Exception {
        Map<String, Object> channel = channelProperties(profile);
        succeeds(Requests.create("MediaLiveChannel", channel));
        Map<String, Object> reconfigured = new LinkedHashMap<>(channel);
        reconfigured.put("LogLevel", "INFO");
        succeeds(Requests.update("MediaLiveChannel", CHANNEL_ID, reconfigured, channel));

        List<JsonNode> bodies = new ArrayList<>(bodies(postRequestedFor(urlPathEqualTo("/prod/channels"))));
        bodies.addAll(bodies(putRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))));
        assertEquals(2, bodies.size(), "one CreateChannel and one UpdateChannel");
        for (JsonNode body : bodies) {
            assertEquals(
                    "SEGMENTS",
                    body.at("/inputAttachments/0/inputSettings/networkInputSettings" + "/hlsInputSettings/scte35Source")
                            .asText(),
                    body.toString());
            JsonNode encoder = body.get("encoderSettings");
            assertEquals(
                    "FOLLOW",
                    encoder.at("/availConfiguration/availSettings/scte35SpliceInsert" + "/noRegionalBlackoutFlag")
                            .asText());
            assertEquals(
                    "FOLLOW",
                    encoder.at("/availConfiguration/availSettings/scte35SpliceInsert" + "/webDeliveryAllowedFlag")
                            .asText());
            assertEquals(
                    "ALL_OUTPUT_GROUPS",
                    encoder.at("/availConfiguration/scte35SegmentationScope").asText());
            assertEquals(
                    "DISABLED",
                    encoder.at("/availBlanking/state").asText(),
                    "ads are inserted downstream; the channel must not black the breaks out");
            assertEquals(1, encoder.get("outputGroups").size());
            assertTrue(
                    encoder.at("/outputGroups/0/outputGroupSettings/mediaPackageGroupSettings")
                            .isObject(),
                    "a MediaPackage output group, which always passes SCTE-35 through");
        }
    }

    @ParameterizedTest(name = "AdMarkers {0}")
    @ValueSource(strings = {"SCTE35_ENHANCED", "DATERANGE", "PASSTHROUGH"})
    void everyEndpointRequestCarriesTheAdSignalling(String adMarkers) throws Exception {
        for (String type : List.of("HLS", "CMAF", "DASH")) {
            Map<String, Object> properties = endpointProperties(type, adMarkers);
            succeeds(Requests.create("MediaPackageEndpoint", properties));
            Map<String, Object> longerWindow = new LinkedHashMap<>(properties);
            longerWindow.put("WindowSeconds", "120");
            succeeds(Requests.update(
                    "MediaPackageEndpoint", PACKAGE_CHANNEL + "-" + type.toLowerCase(), longerWindow, properties));
        }

        List<JsonNode> creates = bodies(postRequestedFor(urlPathEqualTo("/origin_endpoints")));
        assertEquals(3, creates.size());
        for (String type : List.of("HLS", "CMAF", "DASH")) {
            List<JsonNode> requests = new ArrayList<>(creates.stream()
                    .filter(b -> b.get("id").asText().endsWith("-" + type.toLowerCase()))
                    .toList());
            requests.addAll(bodies(putRequestedFor(
                    urlPathEqualTo("/origin_endpoints/" + PACKAGE_CHANNEL + "-" + type.toLowerCase()))));
            assertEquals(2, requests.size(), type + ": one create and one update");
            for (JsonNode body : requests) {
                JsonNode signalling = switch (type) {
                    case "HLS" -> body.get("hlsPackage");
                    case "CMAF" -> body.at("/cmafPackage/hlsManifests/0");
                    default -> body.get("dashPackage");
                };
                assertEquals(MEDIAPACKAGE_DEFAULT_TRIGGERS, strings(signalling.get("adTriggers")), type);
                assertEquals(
                        "RESTRICTED",
                        signalling.get("adsOnDeliveryRestrictions").asText(),
                        type);
                if (type.equals("DASH")) {
                    assertEquals(List.of("ADS"), strings(signalling.get("periodTriggers")), type);
                } else {
                    assertEquals(adMarkers, signalling.get("adMarkers").asText(), type);
                    assertEquals(
                            6,
                            signalling.get("programDateTimeIntervalSeconds").asInt(),
                            type + ": a program date-time tag per segment, whatever the markers");
                }
            }
        }
    }

    /** The channel as the template asks for it with the default pull source. */
    private static Map<String, Object> channelProperties(String profile) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("InputId", "2468013");
        properties.put("InputType", "URL_PULL");
        properties.put("EncodingProfile", profile);
        properties.put("RoleArn", "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole");
        properties.put("MediaPackageChannelId", PACKAGE_CHANNEL);
        properties.put("ChannelClass", "SINGLE_PIPELINE");
        properties.put("Start", "No");
        properties.put("LogLevel", "ERROR");
        return properties;
    }

    /** An endpoint as the template declares it: AdMarkers on HLS and CMAF, PeriodTriggers ADS on DASH. */
    private static Map<String, Object> endpointProperties(String type, String adMarkers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ChannelId", PACKAGE_CHANNEL);
        properties.put("EndPoint", type);
        if (type.equals("DASH")) {
            properties.put("PeriodTriggers", "ADS");
        } else {
            properties.put("AdMarkers", adMarkers);
        }
        return properties;
    }

    private void succeeds(Request request) {
        Outcome outcome = dispatcher.dispatch(request, Requests.invocation().invocation());
        assertTrue(outcome.succeeded(), request.requestType() + " " + request.resourceType() + ": " + outcome.reason());
    }

    private List<JsonNode> bodies(RequestPatternBuilder pattern) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var request : wire.server().findAll(pattern)) {
            bodies.add(JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A channel that is created and updated straight into IDLE, tagged as this stack's. */
    private void stubMediaLive() {
        String channel = JSON.createObjectNode()
                .put("id", CHANNEL_ID)
                .put("arn", "arn:aws:medialive:us-east-1:123456789012:channel:" + CHANNEL_ID)
                .put("name", "demo-stack-livestream")
                .put("channelClass", "SINGLE_PIPELINE")
                .put("state", "IDLE")
                .put("pipelinesRunningCount", 0)
                .set("tags", JSON.valueToTree(Ownership.tags(Requests.create("MediaLiveChannel", Map.of()))))
                .toString();
        wire.server().stubFor(get(urlPathEqualTo("/prod/channels")).willReturn(json("{\"channels\": []}")));
        wire.server()
                .stubFor(post(urlPathEqualTo("/prod/channels"))
                        .willReturn(json("{\"channel\": " + channel + "}").withStatus(201)));
        wire.server()
                .stubFor(put(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                        .willReturn(json("{\"channel\": " + channel + "}")));
        wire.server()
                .stubFor(get(urlPathEqualTo("/prod/channels/" + CHANNEL_ID)).willReturn(json(channel)));
    }

    /** Endpoints that MediaPackage creates and updates, each answering with its playback URL. */
    private void stubMediaPackage() {
        for (String type : List.of("hls", "cmaf", "dash")) {
            String id = PACKAGE_CHANNEL + "-" + type;
            String url = "https://c4af3793bf76b33c.mediapackage.us-east-1.amazonaws.com/out/v1/0f1e2d3c4b5a4968"
                    + "7766554433221100/index." + (type.equals("dash") ? "mpd" : "m3u8");
            String body = JSON.createObjectNode()
                    .put("id", id)
                    .put("channelId", PACKAGE_CHANNEL)
                    .put("url", type.equals("cmaf") ? "" : url)
                    .set(
                            "cmafPackage",
                            type.equals("cmaf")
                                    ? JSON.createObjectNode()
                                            .set(
                                                    "hlsManifests",
                                                    JSON.createArrayNode()
                                                            .add(JSON.createObjectNode()
                                                                    .put("id", "index")
                                                                    .put("url", url)))
                                    : null)
                    .toString();
            wire.server()
                    .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                            .withRequestBody(matchingJsonPath("$.id", equalTo(id)))
                            .willReturn(json(body)));
            wire.server()
                    .stubFor(put(urlPathMatching("/origin_endpoints/" + id)).willReturn(json(body)));
        }
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
