package com.amazonaws.livestreaming.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.testing.AwsChunked;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.S3Xml;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DemoConsole kind against S3's wire protocol (path-style on the endpoint override), real SDK throughout. */
class DemoConsoleWireTest {
    private static final String SOURCE = "solutions-us-east-1";
    private static final String PREFIX = "live-streaming-on-aws/v1.0.0/console/";
    private static final String DEMO = "demo-stack-demobucket-1x2y3z";
    private static final List<String> PAGE_1 = List.of(
            PREFIX,
            PREFIX + "index.html",
            PREFIX + "assets/css/console.css",
            PREFIX + "assets/js/config.js",
            PREFIX + "assets/js/console.js");
    private static final List<String> PAGE_2 = List.of(
            PREFIX + "assets/lib/hls.min.js",
            PREFIX + "assets/lib/dash.mediaplayer.min.js",
            PREFIX + "assets/lib/dash.mss.min.js");

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private DemoConsoleManager manager;

    @BeforeEach
    void start() {
        manager = new DemoConsoleManager(wire.clients());
    }

    static Map<String, Object> properties(String destination) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("SourceBucket", SOURCE);
        properties.put("SourcePrefix", PREFIX);
        properties.put("DestinationBucket", destination);
        properties.put("HlsUrl", "https://d111.cloudfront.net/out/v1/abc/index.m3u8");
        properties.put("DashUrl", "https://d111.cloudfront.net/out/v1/def/index.mpd");
        properties.put("MssUrl", "https://d111.cloudfront.net/out/v1/ghi/index.ism/Manifest");
        properties.put("CmafUrl", "https://d111.cloudfront.net/out/v1/jkl/index.m3u8");
        properties.put("EndPoint1", "rtmp://198.51.100.10:1935/demo-stack/primary");
        properties.put("EndPoint2", "rtmp://198.51.100.11:1935/demo-stack/secondary");
        properties.put("InputType", "RTMP_PUSH");
        properties.put("ChannelId", "1234567");
        properties.put("Region", "eu-west-1");
        return properties;
    }

    private void stubConsoleFiles() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + SOURCE))
                        .withQueryParam("list-type", equalTo("2"))
                        .withQueryParam("prefix", equalTo(PREFIX))
                        .withQueryParam("continuation-token", absent())
                        .willReturn(xml(200, S3Xml.listPage(SOURCE, PREFIX, PAGE_1, "page-2-token"))));
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + SOURCE))
                        .withQueryParam("list-type", equalTo("2"))
                        .withQueryParam("prefix", equalTo(PREFIX))
                        .withQueryParam("continuation-token", equalTo("page-2-token"))
                        .willReturn(xml(200, S3Xml.listPage(SOURCE, PREFIX, PAGE_2, null))));
        wire.server()
                .stubFor(put(urlPathMatching("/[^/]+/.+"))
                        .withHeader("x-amz-copy-source", matching(".+"))
                        .willReturn(xml(200, S3Xml.copyResult())));
        wire.server()
                .stubFor(put(urlPathMatching("/[^/]+/assets/js/config.js"))
                        .withHeader("x-amz-copy-source", absent())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("ETag", "\"6805f2cfc46c0f04559748bb039d69ae\"")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody(body);
    }

    private List<LoggedRequest> copies() {
        return wire.server()
                .findAll(putRequestedFor(urlPathMatching("/.*")).withHeader("x-amz-copy-source", matching(".+")));
    }

    @Test
    void createCopiesEveryConsoleFileFromBothListPagesToItsPathBelowThePrefix() {
        stubConsoleFiles();

        manager.create(
                Requests.create("DemoConsole", properties(DEMO)),
                Requests.invocation().invocation());

        List<String> sources =
                copies().stream().map(r -> r.getHeader("x-amz-copy-source")).toList();
        assertEquals(
                List.of(
                        SOURCE + "/" + PREFIX + "index.html",
                        SOURCE + "/" + PREFIX + "assets/css/console.css",
                        SOURCE + "/" + PREFIX + "assets/js/console.js",
                        SOURCE + "/" + PREFIX + "assets/lib/hls.min.js",
                        SOURCE + "/" + PREFIX + "assets/lib/dash.mediaplayer.min.js",
                        SOURCE + "/" + PREFIX + "assets/lib/dash.mss.min.js"),
                sources);
        List<String> targets = copies().stream().map(LoggedRequest::getUrl).toList();
        assertEquals(
                List.of(
                        "/" + DEMO + "/index.html",
                        "/" + DEMO + "/assets/css/console.css",
                        "/" + DEMO + "/assets/js/console.js",
                        "/" + DEMO + "/assets/lib/hls.min.js",
                        "/" + DEMO + "/assets/lib/dash.mediaplayer.min.js",
                        "/" + DEMO + "/assets/lib/dash.mss.min.js"),
                targets);
    }

    @Test
    void createWritesTheConfigFileWithTheStacksUrlsAsJavaScript() {
        stubConsoleFiles();

        manager.create(
                Requests.create("DemoConsole", properties(DEMO)),
                Requests.invocation().invocation());

        List<LoggedRequest> puts = wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/" + DEMO + "/assets/js/config.js"))
                        .withHeader("x-amz-copy-source", absent()));
        assertEquals(1, puts.size());
        assertEquals("application/javascript", puts.get(0).getHeader("Content-Type"));
        assertEquals(
                "// Written by the DemoConsole custom resource of the live-streaming-on-aws stack.\n"
                        + "window.LIVE_STREAMING_CONFIG = {"
                        + "\"hls\":\"https://d111.cloudfront.net/out/v1/abc/index.m3u8\","
                        + "\"dash\":\"https://d111.cloudfront.net/out/v1/def/index.mpd\","
                        + "\"mss\":\"https://d111.cloudfront.net/out/v1/ghi/index.ism/Manifest\","
                        + "\"cmaf\":\"https://d111.cloudfront.net/out/v1/jkl/index.m3u8\","
                        + "\"endpoint1\":\"rtmp://198.51.100.10:1935/demo-stack/primary\","
                        + "\"endpoint2\":\"rtmp://198.51.100.11:1935/demo-stack/secondary\","
                        + "\"inputType\":\"RTMP_PUSH\","
                        + "\"hlsAds\":\"\",\"dashAds\":\"\","
                        + "\"channelId\":\"1234567\",\"region\":\"eu-west-1\"};\n",
                payload(puts.get(0)));
    }

    @Test
    void createWritesTheAdInsertedUrlsBesideThePlainOnesWhenTheStackInsertsAds() throws Exception {
        stubConsoleFiles();
        Map<String, Object> properties = properties(DEMO);
        properties.put("HlsAdsUrl", "https://d111.cloudfront.net/v1/master/a1bc06b5/live-5b8f1d40/abc/index.m3u8");
        properties.put("DashAdsUrl", "https://d111.cloudfront.net/v1/dash/a1bc06b5/live-5b8f1d40/def/index.mpd");

        manager.create(
                Requests.create("DemoConsole", properties),
                Requests.invocation().invocation());

        String config = payload(wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/" + DEMO + "/assets/js/config.js"))
                        .withHeader("x-amz-copy-source", absent()))
                .get(0));
        JsonNode values =
                new ObjectMapper().readTree(config.substring(config.indexOf('{'), config.lastIndexOf('}') + 1));
        assertEquals(
                "https://d111.cloudfront.net/v1/master/a1bc06b5/live-5b8f1d40/abc/index.m3u8",
                values.get("hlsAds").asText());
        assertEquals(
                "https://d111.cloudfront.net/v1/dash/a1bc06b5/live-5b8f1d40/def/index.mpd",
                values.get("dashAds").asText());
        assertEquals(
                "https://d111.cloudfront.net/out/v1/abc/index.m3u8",
                values.get("hls").asText());
    }

    @Test
    void createAnswersWithTheBucketBasedIdTheConfigKeyAndTheObjectCount() {
        stubConsoleFiles();

        Outcome outcome = manager.create(
                Requests.create("DemoConsole", properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(
                Outcome.success(DEMO + "-console", Map.of("ConfigKey", "assets/js/config.js", "ObjectCount", "7")),
                outcome);
    }

    @Test
    void createWithNothingUnderThePrefixFailsNamingBucketAndPrefix() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + SOURCE))
                        .withQueryParam("list-type", equalTo("2"))
                        .willReturn(xml(200, S3Xml.listPage(SOURCE, PREFIX, List.of(), null))));

        ResourceFailure failure = assertThrows(
                ResourceFailure.class,
                () -> manager.create(
                        Requests.create("DemoConsole", properties(DEMO)),
                        Requests.invocation().invocation()));

        assertEquals(
                "no console files under s3://" + SOURCE + "/" + PREFIX + "; check SourceBucket and SourcePrefix",
                failure.getMessage());
    }

    @Test
    void createThatFailsAfterSomeCopiesClaimsTheBucketSoTheRollbackDeleteEmptiesIt() {
        stubConsoleFiles();
        wire.server()
                .stubFor(put(urlPathEqualTo("/" + DEMO + "/assets/css/console.css"))
                        .willReturn(xml(403, S3Xml.error("AccessDenied", "Access Denied"))));
        Requests.CapturedInvocation captured = Requests.invocation();

        assertThrows(
                RuntimeException.class,
                () -> manager.create(Requests.create("DemoConsole", properties(DEMO)), captured.invocation()));

        assertEquals(
                List.of("/" + DEMO + "/index.html", "/" + DEMO + "/assets/css/console.css"),
                copies().stream().map(LoggedRequest::getUrl).toList(),
                "index.html was copied before the failure");
        assertEquals(DEMO + "-console", captured.invocation().madePhysicalId());
    }

    @Test
    void updateCopiesAgainRewritesTheConfigAndKeepsTheId() {
        stubConsoleFiles();
        stubDemoBucketHolding(List.of("index.html", "assets/js/config.js"));
        Map<String, Object> changed = properties(DEMO);
        changed.put("HlsUrl", "https://d222.cloudfront.net/out/v1/abc/index.m3u8");

        Outcome outcome = manager.update(
                Requests.update("DemoConsole", DEMO + "-console", changed, properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(DEMO + "-console", outcome.physicalResourceId());
        assertEquals(6, copies().size());
        String config = payload(wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/" + DEMO + "/assets/js/config.js"))
                        .withHeader("x-amz-copy-source", absent()))
                .get(0));
        assertTrue(config.contains("\"hls\":\"https://d222.cloudfront.net/out/v1/abc/index.m3u8\""), config);
    }

    @Test
    void updateRemovesTheFilesAnEarlierConsoleHadAndKeepsTheCurrentOnes() {
        stubConsoleFiles();
        stubDemoBucketHolding(List.of(
                "index.html",
                "assets/js/config.js",
                "assets/js/console.js",
                "assets/lib/old-player.min.js",
                "assets/css/old.css"));

        manager.update(
                Requests.update("DemoConsole", DEMO + "-console", properties(DEMO), properties(DEMO)),
                Requests.invocation().invocation());

        List<LoggedRequest> deletes = wire.server()
                .findAll(postRequestedFor(urlPathEqualTo("/" + DEMO)).withQueryParam("delete", matching(".*")));
        assertEquals(1, deletes.size());
        String body = deletes.get(0).getBodyAsString();
        assertTrue(
                body.contains("<Key>assets/lib/old-player.min.js</Key>")
                        && body.contains("<Key>assets/css/old.css</Key>"),
                body);
        assertEquals(2, body.split("<Key>").length - 1, "only the two stale files: " + body);
    }

    @Test
    void updateOfACurrentConsoleDeletesNothing() {
        stubConsoleFiles();
        stubDemoBucketHolding(List.of("index.html", "assets/js/config.js", "assets/lib/hls.min.js"));

        manager.update(
                Requests.update("DemoConsole", DEMO + "-console", properties(DEMO), properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(
                0,
                wire.server()
                        .findAll(postRequestedFor(urlPathEqualTo("/" + DEMO)))
                        .size());
    }

    /** The demo bucket's ListObjectVersions answer (unversioned: each object once) and DeleteObjects. */
    private void stubDemoBucketHolding(List<String> keys) {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .withQueryParam("versions", matching(".*"))
                        .willReturn(xml(
                                200,
                                S3Xml.versionsPage(DEMO, keys, List.of(), null)
                                        .replaceAll("<VersionId>v-[^<]*</VersionId>", "<VersionId>null</VersionId>"))));
        wire.server().stubFor(post(urlPathEqualTo("/" + DEMO)).willReturn(xml(200, S3Xml.deleteResult())));
    }

    @Test
    void deleteEmptiesABucketOf1500ObjectsInBatchesOf1000And500() {
        List<String> first =
                IntStream.range(0, 1000).mapToObj(i -> "segment-" + i + ".ts").toList();
        List<String> versions = IntStream.range(1000, 1400)
                .mapToObj(i -> "segment-" + i + ".ts")
                .toList();
        List<String> markers = IntStream.range(1400, 1500)
                .mapToObj(i -> "segment-" + i + ".ts")
                .toList();
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .withQueryParam("key-marker", absent())
                        .willReturn(xml(200, S3Xml.versionsPage(DEMO, first, List.of(), "segment-999.ts"))));
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .withQueryParam("key-marker", equalTo("segment-999.ts"))
                        .willReturn(xml(200, S3Xml.versionsPage(DEMO, versions, markers, null))));
        wire.server().stubFor(post(urlPathEqualTo("/" + DEMO)).willReturn(xml(200, S3Xml.deleteResult())));

        Outcome outcome = manager.delete(
                Requests.delete("DemoConsole", DEMO + "-console", properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(Outcome.success(DEMO + "-console"), outcome);
        List<LoggedRequest> deletes = wire.server().findAll(postRequestedFor(urlPathEqualTo("/" + DEMO)));
        assertEquals(
                List.of(1000, 500),
                deletes.stream().map(r -> count("<Key>", payload(r))).toList());
        assertEquals(
                List.of(1000, 500),
                deletes.stream().map(r -> count("<VersionId>", payload(r))).toList());
        assertTrue(
                payload(deletes.get(1)).contains("<Key>segment-1499.ts</Key><VersionId>m-segment-1499.ts</VersionId>"),
                "delete markers are deleted by their version id");
    }

    @Test
    void deleteOfAnUnversionedBucketDeletesByKeyAlone() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .willReturn(xml(
                                200,
                                S3Xml.versionsPage(DEMO, List.of("index.html"), List.of(), null)
                                        .replace(
                                                "<VersionId>v-index.html</VersionId>",
                                                "<VersionId>null</VersionId>"))));
        wire.server().stubFor(post(urlPathEqualTo("/" + DEMO)).willReturn(xml(200, S3Xml.deleteResult())));

        manager.delete(
                Requests.delete("DemoConsole", DEMO + "-console", properties(DEMO)),
                Requests.invocation().invocation());

        String body = payload(wire.server()
                .findAll(postRequestedFor(urlPathEqualTo("/" + DEMO)))
                .get(0));
        assertTrue(body.contains("<Object><Key>index.html</Key></Object>"), body);
    }

    @Test
    void deleteOfABucketAlreadyGoneAnswersSuccess() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .willReturn(xml(404, S3Xml.error("NoSuchBucket", "The specified bucket does not exist"))));

        Outcome outcome = manager.delete(
                Requests.delete("DemoConsole", DEMO + "-console", properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(Outcome.success(DEMO + "-console"), outcome);
    }

    @Test
    void deleteWhereS3RefusesSomeKeysFailsNamingTheFirst() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .willReturn(xml(200, S3Xml.versionsPage(DEMO, List.of("index.html"), List.of(), null))));
        wire.server()
                .stubFor(
                        post(urlPathEqualTo("/" + DEMO))
                                .willReturn(
                                        xml(
                                                200,
                                                S3Xml.deleteResult()
                                                        .replace(
                                                                "></DeleteResult>",
                                                                "><Error><Key>index.html</Key><VersionId>v-index.html"
                                                                        + "</VersionId><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>"))));

        ResourceFailure failure = assertThrows(
                ResourceFailure.class,
                () -> manager.delete(
                        Requests.delete("DemoConsole", DEMO + "-console", properties(DEMO)),
                        Requests.invocation().invocation()));

        assertEquals(
                "could not delete 1 objects from bucket " + DEMO + ", e.g. index.html: AccessDenied Access Denied",
                failure.getMessage());
    }

    @Test
    void everyCallOfCreateUpdateAndDeleteIsInTheSpec() {
        stubConsoleFiles();
        wire.server()
                .stubFor(get(urlPathEqualTo("/" + DEMO))
                        .willReturn(
                                xml(200, S3Xml.versionsPage(DEMO, List.of("index.html"), List.of("old.html"), null))));
        wire.server().stubFor(post(urlPathEqualTo("/" + DEMO)).willReturn(xml(200, S3Xml.deleteResult())));

        manager.create(
                Requests.create("DemoConsole", properties(DEMO)),
                Requests.invocation().invocation());
        manager.update(
                Requests.update("DemoConsole", DEMO + "-console", properties(DEMO), properties(DEMO)),
                Requests.invocation().invocation());
        manager.delete(
                Requests.delete("DemoConsole", DEMO + "-console", properties(DEMO)),
                Requests.invocation().invocation());

        assertEquals(
                List.of(
                        "S3:ListObjectsV2",
                        "S3:CopyObject",
                        "S3:PutObject",
                        "S3:ListObjectVersions",
                        "S3:DeleteObjects"),
                wire.calls().stream().distinct().toList());
        assertTrue(
                manager.spec().apiCalls().containsAll(wire.calls()),
                wire.calls().toString());
    }

    /** The request's payload; the SDK may frame it as aws-chunked with a checksum trailer, which S3 unwraps. */
    static String payload(LoggedRequest request) {
        return AwsChunked.payload(request.getBodyAsString(), request.getHeader("Content-Encoding"));
    }

    private static int count(String needle, String text) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
