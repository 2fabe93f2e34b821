package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CHANNEL_ARN;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CHANNEL_ID;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_PASSWORD_1;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_PASSWORD_2;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_URL_1;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_URL_2;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_USER_1;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.INGEST_USER_2;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.channel;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.error;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.notFound;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ok;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ownershipTags;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaPackageChannelManagerTest {
    private static final String KIND = "MediaPackageChannel";
    private static final String LOGICAL_ID = "Resource" + KIND;
    private static final String DEFAULT_DESCRIPTION = "Live streaming channel of CloudFormation stack demo-stack";

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private MediaPackageChannelManager manager;

    @BeforeEach
    void start() {
        manager = new MediaPackageChannelManager(wire.clients());
    }

    private void stubCreateChannel() {
        createAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, ownershipTags(LOGICAL_ID))));
    }

    // ---- MediaPackage's channel API, one stub per call ----

    private void createAnswers(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(post(urlPathEqualTo("/channels")).willReturn(answer));
    }

    private void describeAnswers(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(get(urlPathEqualTo("/channels/" + CHANNEL_ID)).willReturn(answer));
    }

    private void updateAnswers(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(put(urlPathEqualTo("/channels/" + CHANNEL_ID)).willReturn(answer));
    }

    private void deleteAnswers(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(delete(urlPathEqualTo("/channels/" + CHANNEL_ID)).willReturn(answer));
    }

    /** DeleteOriginEndpoint of any endpoint answers {@code answer}. */
    private void endpointDeletesAnswer(ResponseDefinitionBuilder answer) {
        wire.server().stubFor(delete(urlPathMatching("/origin_endpoints/.*")).willReturn(answer));
    }

    /** TagResource answers 204. */
    private void tagResourceAccepts() {
        wire.server()
                .stubFor(
                        post(urlPathMatching("/tags/.*")).willReturn(aResponse().withStatus(204)));
    }

    /** UntagResource answers 204. */
    private void untagResourceAccepts() {
        wire.server()
                .stubFor(delete(urlPathMatching("/tags/.*"))
                        .willReturn(aResponse().withStatus(204)));
    }

    /** MediaPackage's answer to a Delete it accepted. */
    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withBody("{}");
    }

    /** MediaPackage's refusal of a CreateChannel whose id is taken. */
    private static ResponseDefinitionBuilder alreadyExists(String message) {
        return error(422, "UnprocessableEntityException", message);
    }

    private Outcome deleteChannel() {
        return manager.delete(
                Requests.delete(KIND, CHANNEL_ID, Map.of()),
                Requests.invocation().invocation());
    }

    @Test
    void createMakesChannelNamedAfterStackWithOwnershipTagsAndAnswersIngestUrls() {
        stubCreateChannel();
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome outcome = manager.create(Requests.create(KIND, Map.of()), inv.invocation());

        wire.server().verify(postRequestedFor(urlPathEqualTo("/channels")).withRequestBody(equalToJson("""
                {"id": "demo-stack-livestream",
                 "description": "Live streaming channel of CloudFormation stack demo-stack",
                 "tags": %s}""".formatted(
                        ownershipTags(LOGICAL_ID)))));
        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(
                Map.of(
                        "ChannelId",
                        CHANNEL_ID,
                        "Arn",
                        CHANNEL_ARN,
                        "IngestUrl1",
                        INGEST_URL_1,
                        "IngestUrl2",
                        INGEST_URL_2),
                outcome.data());
        assertEquals(CHANNEL_ID, inv.invocation().madePhysicalId());
    }

    @Test
    void explicitChannelIdAndDescriptionOverrideTheDefaults() {
        createAnswers(ok(channel("news_channel-1", "Newsroom", ownershipTags(LOGICAL_ID))));

        Outcome outcome = manager.create(
                Requests.create(KIND, Map.of("ChannelId", "news_channel-1", "Description", "Newsroom")),
                Requests.invocation().invocation());

        wire.server().verify(postRequestedFor(urlPathEqualTo("/channels")).withRequestBody(equalToJson("""
                {"id": "news_channel-1", "description": "Newsroom", "tags": %s}""".formatted(
                        ownershipTags(LOGICAL_ID)))));
        assertEquals("news_channel-1", outcome.physicalResourceId());
        assertEquals("news_channel-1", outcome.data().get("ChannelId"));
    }

    @Test
    void channelIdWithCharactersMediaPackageRefusesFailsNamingThePropertyAndTheRule() {
        Outcome outcome = dispatch(Requests.create(KIND, Map.of("ChannelId", "my channel")));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "ChannelId is 'my channel'; a MediaPackage id may contain only letters, digits, hyphens (-) "
                        + "and underscores (_), 1 to 256 characters",
                outcome.reason());
        assertTrue(wire.calls().isEmpty());
    }

    @Test
    void stackNameThatMakesAnInvalidDefaultIdFailsNamingTheStackName() {
        Request request = new Request(
                RequestType.CREATE,
                Requests.RESPONSE_URL,
                "arn:aws:cloudformation:us-east-1:123456789012:stack/live.demo/5b8f1d40-1234-11ef-9abc-0e1f2a3b4c5d",
                Requests.REQUEST_ID,
                "Custom::" + KIND,
                LOGICAL_ID,
                null,
                Properties.empty(),
                Properties.empty());

        Outcome outcome = dispatch(request);

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "the default ChannelId 'live.demo-livestream' made from the stack name 'live.demo' is not a "
                        + "valid MediaPackage id (letters, digits, hyphens (-) and underscores (_), 1 to 256 characters); "
                        + "set ChannelId explicitly",
                outcome.reason());
    }

    @Test
    void repeatedCreateReusesTheChannelThisStackResourceAlreadyMade() {
        createAnswers(alreadyExists("Channel already exists with id demo-stack-livestream"));
        String earlierAttemptTags = ownershipTags(LOGICAL_ID).replace(Requests.REQUEST_ID, "earlier-request");
        describeAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, earlierAttemptTags)));
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome outcome = manager.create(Requests.create(KIND, Map.of()), inv.invocation());

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(INGEST_URL_2, outcome.data().get("IngestUrl2"));
        assertEquals(CHANNEL_ID, inv.invocation().madePhysicalId());
    }

    @Test
    void createFailsWithoutClaimingAChannelIdThatBelongsToAnotherStack() {
        createAnswers(alreadyExists("Channel already exists with id demo-stack-livestream"));
        String otherStackTags = ownershipTags(LOGICAL_ID).replace("stack/demo-stack/", "stack/other-stack/");
        describeAnswers(ok(channel(CHANNEL_ID, "someone else's", otherStackTags)));
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome outcome = dispatch(Requests.create(KIND, Map.of()), inv);

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "MediaPackage channel 'demo-stack-livestream' already exists and was not made by "
                        + "ResourceMediaPackageChannel of this stack; set ChannelId to an unused id (letters, digits, "
                        + "hyphens (-) and underscores (_), 1 to 256 characters)",
                outcome.reason());
        assertTrue(outcome.physicalResourceId().startsWith("NotCreated:"), outcome.physicalResourceId());
    }

    @Test
    void refusalForAnotherReasonIsReportedAsMediaPackageSaidIt() {
        createAnswers(error(422, "UnprocessableEntityException", "Exceeded maximum number of channels"));
        describeAnswers(notFound("not found"));

        Outcome outcome = dispatch(Requests.create(KIND, Map.of()));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "MediaPackage CreateChannel failed: 422 UnprocessableEntityException: Exceeded maximum number "
                        + "of channels",
                outcome.reason());
    }

    @Test
    void updateOfDescriptionChangesTheChannelInPlaceAndKeepsItsId() {
        String staleTags = """
                {"LiveStreaming:Solution": "live-streaming-on-aws",
                 "LiveStreaming:StackId": "%s",
                 "LiveStreaming:LogicalId": "%s",
                 "LiveStreaming:RequestId": "create-request",
                 "LiveStreaming:Version": "0.9",
                 "CostCenter": "media"}""".formatted(Requests.STACK_ID, LOGICAL_ID);
        updateAnswers(ok(channel(CHANNEL_ID, "Evening news", staleTags)));
        tagResourceAccepts();
        untagResourceAccepts();

        Outcome outcome = manager.update(
                Requests.update(
                        KIND, CHANNEL_ID, Map.of("Description", "Evening news"), Map.of("Description", "Morning news")),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(INGEST_URL_1, outcome.data().get("IngestUrl1"));
        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/channels/" + CHANNEL_ID))
                        .withRequestBody(equalToJson("{\"description\": \"Evening news\"}")));
        wire.server()
                .verify(postRequestedFor(urlPathMatching("/tags/.*"))
                        .withRequestBody(equalToJson(
                                "{\"tags\": {\"LiveStreaming:RequestId\": \"" + Requests.REQUEST_ID + "\"}}")));
        wire.server()
                .verify(deleteRequestedFor(urlPathMatching("/tags/.*"))
                        .withQueryParam("tagKeys", equalTo("LiveStreaming:Version")));
        assertEquals(
                List.of("MediaPackage:UpdateChannel", "MediaPackage:TagResource", "MediaPackage:UntagResource"),
                wire.calls());
    }

    @Test
    void tagsAreWrittenAgainstTheChannelArn() {
        updateAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, "{}")));
        tagResourceAccepts();

        manager.update(
                Requests.update(KIND, CHANNEL_ID, Map.of(), Map.of()),
                Requests.invocation().invocation());

        String path = wire.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .map(e -> e.getRequest().getUrl())
                .findFirst()
                .orElseThrow();
        assertEquals("/tags/" + URLEncoder.encode(CHANNEL_ARN, StandardCharsets.UTF_8), path);
    }

    @Test
    void changedChannelIdIsAReplacementWithANewChannelAndId() {
        createAnswers(ok(channel("demo-live-2", DEFAULT_DESCRIPTION, ownershipTags(LOGICAL_ID))));

        Outcome outcome = manager.update(
                Requests.update(KIND, CHANNEL_ID, Map.of("ChannelId", "demo-live-2"), Map.of()),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals("demo-live-2", outcome.physicalResourceId());
        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/channels"))
                        .withRequestBody(equalToJson("{\"id\": \"demo-live-2\"}", true, true)));
        assertEquals(List.of("MediaPackage:CreateChannel"), wire.calls());
    }

    @Test
    void deleteRemovesEveryEndpointOnEveryPageThenTheChannel() {
        stubEndpointPage(absent(), "page-2", "demo-stack-livestream-hls", "demo-stack-livestream-dash");
        stubEndpointPage(equalTo("page-2"), "page-3", "demo-stack-livestream-mss", "demo-stack-livestream-cmaf");
        stubEndpointPage(equalTo("page-3"), null, "demo-stack-livestream-extra");
        endpointDeletesAnswer(accepted());
        deleteAnswers(accepted());

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        for (String id : List.of("hls", "dash", "mss", "cmaf", "extra")) {
            wire.server().verify(deleteRequestedFor(urlPathEqualTo("/origin_endpoints/demo-stack-livestream-" + id)));
        }
        assertEquals(
                List.of(
                        "MediaPackage:ListOriginEndpoints",
                        "MediaPackage:ListOriginEndpoints",
                        "MediaPackage:ListOriginEndpoints",
                        "MediaPackage:DeleteOriginEndpoint",
                        "MediaPackage:DeleteOriginEndpoint",
                        "MediaPackage:DeleteOriginEndpoint",
                        "MediaPackage:DeleteOriginEndpoint",
                        "MediaPackage:DeleteOriginEndpoint",
                        "MediaPackage:DeleteChannel"),
                wire.calls());
    }

    @Test
    void deleteOfMissingChannelAnswersSuccess() {
        wire.server().stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(ok("{\"originEndpoints\": []}")));
        deleteAnswers(notFound("channel demo-stack-livestream not found"));

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
    }

    @Test
    void deleteSucceedsWhenAnEndpointVanishesBetweenListingAndDeleting() {
        stubEndpointPage(absent(), null, "demo-stack-livestream-hls");
        endpointDeletesAnswer(notFound("gone"));
        deleteAnswers(accepted());

        Outcome outcome = deleteChannel();

        assertTrue(outcome.succeeded());
        wire.server().verify(deleteRequestedFor(urlPathEqualTo("/channels/" + CHANNEL_ID)));
    }

    @Test
    void ingestUsernamesAndPasswordsNeverReachDataOrLog() {
        stubCreateChannel();
        Requests.CapturedInvocation inv = Requests.invocation();

        Outcome created = dispatch(Requests.create(KIND, Map.of()), inv);
        updateAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, ownershipTags(LOGICAL_ID))));
        Outcome updated = dispatch(Requests.update(KIND, CHANNEL_ID, Map.of(), Map.of()), inv);

        String everything = created.data() + " " + updated.data() + " " + inv.log();
        assertTrue(created.succeeded() && updated.succeeded(), everything);
        for (String secret : List.of(INGEST_USER_1, INGEST_PASSWORD_1, INGEST_USER_2, INGEST_PASSWORD_2)) {
            assertFalse(everything.contains(secret), "leaked " + secret + " in " + everything);
        }
    }

    @Test
    void everyCallOfACreateUpdateDeleteRunIsDeclaredInTheSpec() {
        createAnswers(alreadyExists("Channel already exists"));
        describeAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, ownershipTags(LOGICAL_ID))));
        updateAnswers(ok(channel(CHANNEL_ID, DEFAULT_DESCRIPTION, "{\"LiveStreaming:Old\": \"x\"}")));
        tagResourceAccepts();
        untagResourceAccepts();
        stubEndpointPage(absent(), null, "demo-stack-livestream-hls");
        endpointDeletesAnswer(accepted());
        deleteAnswers(accepted());

        assertTrue(dispatch(Requests.create(KIND, Map.of())).succeeded());
        assertTrue(dispatch(Requests.update(KIND, CHANNEL_ID, Map.of("Description", "x"), Map.of()))
                .succeeded());
        assertTrue(dispatch(Requests.delete(KIND, CHANNEL_ID, Map.of())).succeeded());

        assertEquals(8, new HashSet<>(wire.calls()).size(), wire.calls().toString());
        assertTrue(
                manager.spec().apiCalls().containsAll(wire.calls()),
                wire.calls().toString());
    }

    private void stubEndpointPage(StringValuePattern token, String next, String... endpointIds) {
        StringBuilder endpoints = new StringBuilder();
        for (String id : endpointIds) {
            endpoints
                    .append(endpoints.length() == 0 ? "" : ",")
                    .append(MediaPackageJson.endpoint(
                            id,
                            CHANNEL_ID,
                            "hlsPackage",
                            "{\"segmentDurationSeconds\": 6, \"playlistWindowSeconds\": 60}",
                            "https://" + MediaPackageJson.OUT_HOST + "/out/v1/" + MediaPackageJson.ENDPOINT_HASH
                                    + "/index.m3u8",
                            "{}"));
        }
        String body = "{\"originEndpoints\": [" + endpoints + "]"
                + (next == null ? "" : ", \"nextToken\": \"" + next + "\"") + "}";
        wire.server()
                .stubFor(get(urlPathEqualTo("/origin_endpoints"))
                        .withQueryParam("channelId", equalTo(CHANNEL_ID))
                        .withQueryParam("nextToken", token)
                        .willReturn(ok(body)));
    }

    private Outcome dispatch(Request request) {
        return dispatch(request, Requests.invocation());
    }

    private Outcome dispatch(Request request, Requests.CapturedInvocation inv) {
        return new Dispatcher(() -> Managers.standard(wire.clients())).dispatch(request, inv.invocation());
    }
}
