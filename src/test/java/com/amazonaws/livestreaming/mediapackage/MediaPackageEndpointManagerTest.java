package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CHANNEL_ID;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ENDPOINT_HASH;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.OUT_HOST;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.endpoint;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.error;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.notFound;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ok;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ownershipTags;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaPackageEndpointManagerTest {
    private static final String KIND = "MediaPackageEndpoint";
    private static final String LOGICAL_ID = "Resource" + KIND;
    private static final String OUT = "https://" + OUT_HOST + "/out/v1/" + ENDPOINT_HASH;
    private static final String HLS_PATH = "/origin_endpoints/demo-stack-livestream-hls";
    private static final List<Duration> FAST_BACKOFF =
            List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    /**
     * The SCTE-35 settings every HLS and CMAF manifest carries when no ad property is given: no markers, and still
     * a program date-time tag per (6 s) segment.
     */
    private static final String NO_AD_MARKERS = """
            "adMarkers": "NONE", "programDateTimeIntervalSeconds": 6,
            "adTriggers": ["SPLICE_INSERT", "PROVIDER_ADVERTISEMENT", "DISTRIBUTOR_ADVERTISEMENT",
                           "PROVIDER_PLACEMENT_OPPORTUNITY", "DISTRIBUTOR_PLACEMENT_OPPORTUNITY"],
            "adsOnDeliveryRestrictions": "RESTRICTED"
            """;
    /** The same for DASH: one period, MediaPackage's default triggers. */
    private static final String NO_AD_PERIODS = """
            "periodTriggers": [],
            "adTriggers": ["SPLICE_INSERT", "PROVIDER_ADVERTISEMENT", "DISTRIBUTOR_ADVERTISEMENT",
                           "PROVIDER_PLACEMENT_OPPORTUNITY", "DISTRIBUTOR_PLACEMENT_OPPORTUNITY"],
            "adsOnDeliveryRestrictions": "RESTRICTED"
            """;

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private MediaPackageEndpointManager manager;

    @BeforeEach
    void start() {
        manager = new MediaPackageEndpointManager(wire.clients(), FAST_BACKOFF);
    }

    /** The Data of endpoint {@code demo-stack-livestream-<suffix>} whose manifest is {@code manifest}. */
    private static Map<String, String> data(String suffix, String manifest) {
        return Map.of(
                "Id",
                "demo-stack-livestream-" + suffix,
                "Url",
                OUT + "/" + manifest,
                "DomainName",
                OUT_HOST,
                "Path",
                "/out/v1/" + ENDPOINT_HASH + "/" + manifest,
                "Manifest",
                "/" + ENDPOINT_HASH + "/" + manifest);
    }

    /** This stack's HLS endpoint as MediaPackage describes it, with {@code hlsPackage}. */
    private static String ourHls(String hlsPackage) {
        return endpoint(
                "demo-stack-livestream-hls",
                CHANNEL_ID,
                "hlsPackage",
                hlsPackage,
                OUT + "/index.m3u8",
                ownershipTags(LOGICAL_ID));
    }

    /** CreateOriginEndpoint answers {@code answer}. */
    private void createAnswers(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(post(urlPathEqualTo("/origin_endpoints")).willReturn(answer));
    }

    private Outcome create(Map<String, String> properties) {
        return manager.create(
                Requests.create(KIND, properties), Requests.invocation().invocation());
    }

    private static Map<String, String> props(String type) {
        return Map.of("ChannelId", CHANNEL_ID, "EndPoint", type);
    }

    private void stubCreate(String type, String packageField, String packageJson, String url) {
        createAnswers(ok(endpoint(
                CHANNEL_ID + "-" + type.toLowerCase(),
                CHANNEL_ID,
                packageField,
                packageJson,
                url,
                ownershipTags(LOGICAL_ID))));
    }

    private void verifyCreateBody(String type, String packageField, String packageJson) {
        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/origin_endpoints")).withRequestBody(equalToJson("""
                {"id": "demo-stack-livestream-%s",
                 "channelId": "demo-stack-livestream",
                 "description": "%s origin endpoint of CloudFormation stack demo-stack",
                 "manifestName": "index",
                 "tags": %s,
                 "%s": %s}""".formatted(
                                type.toLowerCase(), type, ownershipTags(LOGICAL_ID), packageField, packageJson))));
    }

    @Test
    void hlsEndpointHasSixSecondSegmentsAndAOneMinuteSlidingPlaylist() {
        stubCreate("HLS", "hlsPackage", """
                {"adMarkers": "NONE", "includeIframeOnlyStream": false, "playlistType": "NONE",
                 "playlistWindowSeconds": 60, "programDateTimeIntervalSeconds": 6, "segmentDurationSeconds": 6,
                 "streamSelection": {"maxVideoBitsPerSecond": 2147483647, "minVideoBitsPerSecond": 0,
                                     "streamOrder": "ORIGINAL"},
                 "useAudioRenditionGroup": false}""", OUT + "/index.m3u8");

        Outcome outcome = create(props("HLS"));

        verifyCreateBody(
                "HLS",
                "hlsPackage",
                "{\"segmentDurationSeconds\": 6, \"playlistWindowSeconds\": 60, \"playlistType\": \"NONE\", "
                        + NO_AD_MARKERS + "}");
        assertEquals("demo-stack-livestream-hls", outcome.physicalResourceId());
        assertEquals(data("hls", "index.m3u8"), outcome.data());
    }

    @Test
    void dashEndpointHasTwoSecondSegmentsATenSecondPresentationDelayAndSixSecondsOfBuffer() {
        stubCreate("DASH", "dashPackage", """
                {"manifestLayout": "FULL", "manifestWindowSeconds": 60, "minBufferTimeSeconds": 6,
                 "minUpdatePeriodSeconds": 2, "periodTriggers": [], "profile": "NONE",
                 "segmentDurationSeconds": 2, "segmentTemplateFormat": "NUMBER_WITH_TIMELINE",
                 "streamSelection": {"maxVideoBitsPerSecond": 2147483647, "minVideoBitsPerSecond": 0,
                                     "streamOrder": "ORIGINAL"},
                 "suggestedPresentationDelaySeconds": 10, "utcTiming": "NONE"}""", OUT + "/index.mpd");

        Outcome outcome = create(props("DASH"));

        verifyCreateBody("DASH", "dashPackage", """
                {"segmentDurationSeconds": 2, "manifestWindowSeconds": 60, "suggestedPresentationDelaySeconds": 10,
                 "minBufferTimeSeconds": 6, "minUpdatePeriodSeconds": 2, %s}""".formatted(NO_AD_PERIODS));
        assertEquals(data("dash", "index.mpd"), outcome.data());
    }

    @Test
    void smoothEndpointHasTwoSecondFragmentsAndAOneMinuteManifest() {
        stubCreate("MSS", "mssPackage", """
                {"manifestWindowSeconds": 60, "segmentDurationSeconds": 2,
                 "streamSelection": {"maxVideoBitsPerSecond": 2147483647, "minVideoBitsPerSecond": 0,
                                     "streamOrder": "ORIGINAL"}}""", OUT + "/index.ism/Manifest");

        Outcome outcome = create(props("MSS"));

        verifyCreateBody("MSS", "mssPackage", "{\"segmentDurationSeconds\": 2, \"manifestWindowSeconds\": 60}");
        assertEquals(data("mss", "index.ism/Manifest"), outcome.data());
    }

    @Test
    void cmafEndpointHasOneHlsManifestWhoseUrlIsTheOnePlayed() {
        stubCreate("CMAF", "cmafPackage", """
                {"hlsManifests": [{"adMarkers": "NONE", "id": "index", "includeIframeOnlyStream": false,
                                   "manifestName": "index", "playlistType": "NONE", "playlistWindowSeconds": 60,
                                   "programDateTimeIntervalSeconds": 6,
                                   "url": "%s/index.m3u8"}],
                 "segmentDurationSeconds": 6, "segmentPrefix": "demo-stack-livestream",
                 "streamSelection": {"maxVideoBitsPerSecond": 2147483647, "minVideoBitsPerSecond": 0,
                                     "streamOrder": "ORIGINAL"}}""".formatted(OUT), "");

        Outcome outcome = create(props("CMAF"));

        verifyCreateBody("CMAF", "cmafPackage", """
                {"segmentDurationSeconds": 6,
                 "hlsManifests": [{"id": "index", "manifestName": "index", "playlistWindowSeconds": 60,
                                   "playlistType": "NONE", %s}]}""".formatted(NO_AD_MARKERS));
        assertEquals(data("cmaf", "index.m3u8"), outcome.data());
    }

    @Test
    void segmentWindowStartoverAndDelayPropertiesOverrideTheDefaults() {
        stubCreate(
                "HLS",
                "hlsPackage",
                "{\"segmentDurationSeconds\": 4, \"playlistWindowSeconds\": 120}",
                OUT + "/index.m3u8");

        manager.create(
                Requests.create(
                        KIND,
                        Map.of(
                                "ChannelId",
                                CHANNEL_ID,
                                "EndPoint",
                                "HLS",
                                "SegmentLength",
                                "4",
                                "WindowSeconds",
                                "120",
                                "StartoverWindowSeconds",
                                "3600",
                                "TimeDelaySeconds",
                                "30")),
                Requests.invocation().invocation());

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/origin_endpoints"))
                        .withRequestBody(equalToJson("""
                {"startoverWindowSeconds": 3600, "timeDelaySeconds": 30,
                 "hlsPackage": {"segmentDurationSeconds": 4, "playlistWindowSeconds": 120, "playlistType": "NONE"}}
                """, false, true)));
    }

    @Test
    void hlsAndCmafManifestsCarryAProgramDateTimeTagPerSegmentWithoutAdMarkers() {
        stubCreate("HLS", "hlsPackage", "{\"segmentDurationSeconds\": 4}", OUT + "/index.m3u8");
        manager.create(
                Requests.create(
                        KIND,
                        Map.of("ChannelId", CHANNEL_ID, "EndPoint", "HLS", "SegmentLength", "4", "AdMarkers", "NONE")),
                Requests.invocation().invocation());
        stubCreate("CMAF", "cmafPackage", """
                {"segmentDurationSeconds": 4, "hlsManifests": [{"id": "index", "url": "%s/index.m3u8"}]}""".formatted(OUT), "");
        manager.create(
                Requests.create(
                        KIND,
                        Map.of("ChannelId", CHANNEL_ID, "EndPoint", "CMAF", "SegmentLength", "4", "AdMarkers", "NONE")),
                Requests.invocation().invocation());

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/origin_endpoints"))
                        .withRequestBody(equalToJson("""
                {"hlsPackage": {"adMarkers": "NONE", "programDateTimeIntervalSeconds": 4}}""", false, true)));
        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/origin_endpoints"))
                        .withRequestBody(equalToJson("""
                {"cmafPackage": {"hlsManifests": [{"adMarkers": "NONE", "programDateTimeIntervalSeconds": 4}]}}""", false, true)));
    }

    @Test
    void unknownEndPointFailsNamingThePropertyAndTheAllowedValues() {
        Outcome outcome = dispatch(Requests.create(KIND, props("RTMP")));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals("EndPoint is 'RTMP'; allowed values: HLS, DASH, MSS, CMAF", outcome.reason());
        assertTrue(wire.calls().isEmpty());
    }

    @Test
    void segmentLengthOutsideMediaPackageLimitsFailsNamingThePropertyAndTheRange() {
        Outcome outcome = dispatch(
                Requests.create(KIND, Map.of("ChannelId", CHANNEL_ID, "EndPoint", "DASH", "SegmentLength", "45")));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals("SegmentLength is 45; it must be from 1 to 30", outcome.reason());
        assertTrue(wire.calls().isEmpty());
    }

    @Test
    void updateOfSettingsChangesTheEndpointInPlaceAndKeepsItsId() {
        wire.server()
                .stubFor(put(urlPathEqualTo(HLS_PATH))
                        .willReturn(ok(ourHls("{\"segmentDurationSeconds\": 6, \"playlistWindowSeconds\": 90}"))));

        Outcome outcome = manager.update(
                Requests.update(
                        KIND,
                        "demo-stack-livestream-hls",
                        Map.of("ChannelId", CHANNEL_ID, "EndPoint", "HLS", "WindowSeconds", "90"),
                        Map.of("ChannelId", CHANNEL_ID, "EndPoint", "HLS", "StartoverWindowSeconds", "3600")),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-stack-livestream-hls", outcome.physicalResourceId());
        assertEquals("/" + ENDPOINT_HASH + "/index.m3u8", outcome.data().get("Manifest"));
        wire.server().verify(putRequestedFor(urlPathEqualTo(HLS_PATH)).withRequestBody(equalToJson("""
                        {"description": "HLS origin endpoint of CloudFormation stack demo-stack",
                         "manifestName": "index",
                         "startoverWindowSeconds": 0,
                         "hlsPackage": {"segmentDurationSeconds": 6, "playlistWindowSeconds": 90,
                                        "playlistType": "NONE", %s}}""".formatted(
                        NO_AD_MARKERS))));
        assertEquals(List.of("MediaPackage:UpdateOriginEndpoint"), wire.calls());
    }

    @Test
    void changeOfEndPointTypeIsAReplacementWithANewEndpointAndId() {
        stubCreate("DASH", "dashPackage", "{\"segmentDurationSeconds\": 2}", OUT + "/index.mpd");

        Outcome outcome = manager.update(
                Requests.update(KIND, "demo-stack-livestream-hls", props("DASH"), props("HLS")),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-stack-livestream-dash", outcome.physicalResourceId());
        assertEquals(List.of("MediaPackage:CreateOriginEndpoint"), wire.calls());
    }

    @Test
    void deleteOfMissingEndpointAnswersSuccess() {
        wire.server()
                .stubFor(delete(urlPathEqualTo(HLS_PATH))
                        .willReturn(notFound("origin endpoint demo-stack-livestream-hls not found")));

        Outcome outcome = manager.delete(
                Requests.delete(KIND, "demo-stack-livestream-hls", props("HLS")),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-stack-livestream-hls", outcome.physicalResourceId());
    }

    @Test
    void channelNotFoundRightAfterItsCreationIsRetriedUntilTheEndpointIsMade() {
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .inScenario("consistency")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("still propagating")
                        .willReturn(notFound("channel demo-stack-livestream not found")));
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .inScenario("consistency")
                        .whenScenarioStateIs("still propagating")
                        .willSetStateTo("visible")
                        .willReturn(notFound("channel demo-stack-livestream not found")));
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .inScenario("consistency")
                        .whenScenarioStateIs("visible")
                        .willReturn(ok(ourHls("{\"segmentDurationSeconds\": 6}"))));
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome outcome = manager.create(Requests.create(KIND, props("HLS")), inv.invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-stack-livestream-hls", outcome.physicalResourceId());
        wire.server().verify(exactly(3), postRequestedFor(urlPathEqualTo("/origin_endpoints")));
        assertTrue(inv.log().contains("channel not found yet; retrying"), inv.log());
    }

    @Test
    void channelStillNotFoundAfterTheBackoffFailsWithAReasonNamingChannelId() {
        createAnswers(notFound("channel demo-stack-livestream not found"));

        Outcome outcome = new Dispatcher(() -> new Registry(Map.of(KIND, () -> manager)))
                .dispatch(
                        Requests.create(KIND, props("HLS")),
                        Requests.invocation().invocation());

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "MediaPackage channel 'demo-stack-livestream' (ChannelId) was still not found after 4 attempts "
                        + "to create endpoint demo-stack-livestream-hls; check that ChannelId names an existing channel "
                        + "in this Region",
                outcome.reason());
        wire.server().verify(exactly(1 + FAST_BACKOFF.size()), postRequestedFor(urlPathEqualTo("/origin_endpoints")));
    }

    @Test
    void repeatedCreateReusesTheEndpointOfTheSameChannel() {
        createAnswers(error(
                422,
                "UnprocessableEntityException",
                "Origin endpoint already exists with id demo-stack-livestream-hls"));
        wire.server().stubFor(get(urlPathEqualTo(HLS_PATH)).willReturn(ok(ourHls("{\"segmentDurationSeconds\": 6}"))));
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome outcome = manager.create(Requests.create(KIND, props("HLS")), inv.invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-stack-livestream-hls", outcome.physicalResourceId());
        assertEquals(OUT + "/index.m3u8", outcome.data().get("Url"));
        assertEquals("demo-stack-livestream-hls", inv.invocation().madePhysicalId());
    }

    @Test
    void createFailsWhenTheEndpointIdIsTakenOnAnotherChannel() {
        createAnswers(error(422, "UnprocessableEntityException", "Origin endpoint already exists"));
        wire.server()
                .stubFor(get(urlPathEqualTo(HLS_PATH))
                        .willReturn(ok(endpoint(
                                "demo-stack-livestream-hls",
                                "other-channel",
                                "hlsPackage",
                                "{}",
                                OUT + "/index.m3u8",
                                "{}"))));

        Outcome outcome = dispatch(Requests.create(KIND, props("HLS")));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "MediaPackage origin endpoint 'demo-stack-livestream-hls' already exists (on channel "
                        + "'other-channel') and was not made by ResourceMediaPackageEndpoint of this stack for channel "
                        + "'demo-stack-livestream'",
                outcome.reason());
        assertTrue(outcome.physicalResourceId().startsWith("NotCreated:"), outcome.physicalResourceId());
    }

    @Test
    void everyCallOfACreateUpdateDeleteRunIsDeclaredInTheSpec() {
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .inScenario("run")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("visible")
                        .willReturn(notFound("channel not found")));
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .inScenario("run")
                        .whenScenarioStateIs("visible")
                        .willReturn(error(422, "UnprocessableEntityException", "exists")));
        String hls = ourHls("{}");
        wire.server().stubFor(get(urlPathEqualTo(HLS_PATH)).willReturn(ok(hls)));
        wire.server().stubFor(put(urlPathEqualTo(HLS_PATH)).willReturn(ok(hls)));
        wire.server()
                .stubFor(delete(urlPathEqualTo(HLS_PATH))
                        .willReturn(aResponse().withStatus(202).withBody("{}")));
        Dispatcher dispatcher = new Dispatcher(() -> new Registry(Map.of(KIND, () -> manager)));

        assertTrue(dispatcher
                .dispatch(
                        Requests.create(KIND, props("HLS")),
                        Requests.invocation().invocation())
                .succeeded());
        assertTrue(dispatcher
                .dispatch(
                        Requests.update(
                                KIND,
                                "demo-stack-livestream-hls",
                                Map.of("ChannelId", CHANNEL_ID, "EndPoint", "HLS", "TimeDelaySeconds", "10"),
                                props("HLS")),
                        Requests.invocation().invocation())
                .succeeded());
        assertTrue(dispatcher
                .dispatch(
                        Requests.delete(KIND, "demo-stack-livestream-hls", props("HLS")),
                        Requests.invocation().invocation())
                .succeeded());

        assertEquals(4, new HashSet<>(wire.calls()).size(), wire.calls().toString());
        assertTrue(
                manager.spec().apiCalls().containsAll(wire.calls()),
                wire.calls().toString());
    }

    private Outcome dispatch(Request request) {
        return new Dispatcher(() -> Managers.standard(wire.clients()))
                .dispatch(request, Requests.invocation().invocation());
    }
}
