package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.GROUP_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.NAME;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.TAGS;
import static com.amazonaws.livestreaming.medialive.InputStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Create, per input type: the exact MediaLive and SSM request bodies, and the Data each answer carries. */
class InputCreateWireTest {
    /** A STANDARD pull input with a password for its primary source only. */
    private static final Map<String, String> PRIMARY_PASSWORD_ONLY = properties(
            "URL_PULL",
            "STANDARD",
            "PriUrl",
            "https://origin.example.com/a.m3u8",
            "PriUser",
            "u",
            "PriPass",
            "p1",
            "SecUrl",
            "https://origin.example.com/b.m3u8");

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private final InputStubs stubs = new InputStubs(wire.server());
    private final InputManager manager = new InputManager(wire.clients(), Duration.ofMillis(10));

    @BeforeEach
    void start() {
        stubs.listInputs();
        stubs.listGroups();
    }

    private Outcome create(Map<String, ?> properties) {
        return manager.create(
                Requests.create(KIND, properties), Requests.invocation().invocation());
    }

    private static String pushInput(String type, String inputClass, String state, String... urls) {
        StringBuilder destinations = new StringBuilder();
        for (String url : urls) {
            destinations
                    .append(destinations.length() == 0 ? "" : ", ")
                    .append("{\"ip\": \"198.51.100.99\", \"port\": \"5000\", \"url\": \"")
                    .append(url)
                    .append("\"}");
        }
        return InputStubs.input(INPUT_ID, type, state, inputClass, """
                "securityGroups": ["%s"], "sources": [], "mediaConnectFlows": [], "destinations": [%s]""".formatted(GROUP_ID, destinations));
    }

    @Test
    void rtmpPushMakesAWhitelistGroupAndTwoSlashedStreamNames() {
        stubs.createGroup("203.0.113.0/24,198.51.100.7/32");
        stubs.createInput(InputStubs.rtmpPushInput("CREATING"));
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"));

        Outcome outcome = create(properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24, 198.51.100.7/32"));

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups"))
                        .withRequestBody(equalToJson("""
                {"whitelistRules": [{"cidr": "203.0.113.0/24"}, {"cidr": "198.51.100.7/32"}], "tags": %s}""".formatted(TAGS))));
        stubs.verifyCreateInput("RTMP_PUSH", """
                "inputSecurityGroups": ["%s"],
                 "destinations": [{"streamName": "%s/primary"}, {"streamName": "%s/secondary"}]""".formatted(GROUP_ID, NAME, NAME));
        assertEquals(Outcome.success(INPUT_ID, InputStubs.rtmpPushData()), outcome);
    }

    @Test
    void singlePipelineRtmpPushHasOneDestinationAndNoSecondEndpoint() {
        String single =
                pushInput("RTMP_PUSH", "SINGLE_PIPELINE", "DETACHED", "rtmp://198.51.100.99:1935/" + NAME + "/primary");
        stubs.createGroup("0.0.0.0/0");
        stubs.createdInput(INPUT_ID, single);

        Outcome outcome = create(properties("RTMP_PUSH", "SINGLE_PIPELINE", "Cidr", "0.0.0.0/0"));

        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups"))
                        .withRequestBody(equalToJson(
                                "{\"whitelistRules\": [{\"cidr\": \"0.0.0.0/0\"}], \"tags\": " + TAGS + "}")));
        stubs.verifyCreateInput("RTMP_PUSH", """
                "inputSecurityGroups": ["%s"],
                 "destinations": [{"streamName": "%s/primary"}]""".formatted(GROUP_ID, NAME));
        assertEquals(InputStubs.data("rtmp://198.51.100.99:1935/" + NAME + "/primary", ""), outcome.data());
    }

    @Test
    void rtpPushSendsNoDestinationsAndAnswersBothRtpEndpoints() {
        String rtp = pushInput("RTP_PUSH", "STANDARD", "DETACHED", "rtp://198.51.100.99:5000", "rtp://192.0.2.18:5000");
        stubs.createGroup("203.0.113.0/24");
        stubs.createdInput(INPUT_ID, rtp);

        Outcome outcome = create(properties("RTP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"));

        stubs.verifyCreateInput("RTP_PUSH", """
                "inputSecurityGroups": ["%s"]""".formatted(GROUP_ID));
        assertEquals(InputStubs.data("rtp://198.51.100.99:5000", "rtp://192.0.2.18:5000"), outcome.data());
    }

    @Test
    void urlPullStoresEachPasswordAsSecureStringAndReferencesItByName() {
        stubs.ssmAccepts();
        String pull = InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM);
        stubs.createdInput(INPUT_ID, pull);

        Outcome outcome = create(properties(
                "URL_PULL",
                "STANDARD",
                "PriUrl",
                "https://origin.example.com/live/main.m3u8",
                "PriUser",
                "puller",
                "PriPass",
                "pri-s3cret",
                "SecUrl",
                "https://backup.example.com/live/main.m3u8?token=abc",
                "SecUser",
                "puller",
                "SecPass",
                "sec-s3cret"));

        stubs.verifyPasswordStored(PRIMARY_PARAM, "pri-s3cret", "primary");
        stubs.verifyPasswordStored(SECONDARY_PARAM, "sec-s3cret", "secondary");
        stubs.verifyCreateInput("URL_PULL", """
                "sources": [
                  {"url": "https://origin.example.com/live/main.m3u8", "username": "puller", "passwordParam": "%s"},
                  {"url": "https://backup.example.com/live/main.m3u8?token=abc", "username": "puller",
                   "passwordParam": "%s"}]""".formatted(PRIMARY_PARAM, SECONDARY_PARAM));
        assertEquals(
                0,
                wire.server()
                        .findAll(postRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups")))
                        .size());
        assertEquals(
                InputStubs.data(
                        "pulls from https://origin.example.com/live/main.m3u8 (no push endpoint)",
                        "pulls from https://backup.example.com/live/main.m3u8 (no push endpoint)"),
                outcome.data());
    }

    @Test
    void singlePipelineRtmpPullWithoutCredentialsHasOneSourceAndNoParameters() {
        String pull = InputStubs.input(INPUT_ID, "RTMP_PULL", "DETACHED", "SINGLE_PIPELINE", """
                "sources": [{"url": "rtmp://203.0.113.5:1935/live/stream"}]""");
        stubs.createdInput(INPUT_ID, pull);

        Outcome outcome = create(properties(
                "RTMP_PULL",
                "SINGLE_PIPELINE",
                "PriUrl",
                "rtmp://203.0.113.5:1935/live/stream",
                "SecUrl",
                "rtmp://ignored.example.com/live/x"));

        stubs.verifyCreateInput("RTMP_PULL", """
                "sources": [{"url": "rtmp://203.0.113.5:1935/live/stream"}]""");
        assertEquals(List.of("MediaLive:ListInputs", "MediaLive:CreateInput", "MediaLive:DescribeInput"), wire.calls());
        assertEquals(
                InputStubs.data("pulls from rtmp://203.0.113.5:1935/live/stream (no push endpoint)", ""),
                outcome.data());
    }

    @Test
    void mp4FilePullsTwoHttpSources() {
        String mp4 = InputStubs.input(INPUT_ID, "MP4_FILE", "DETACHED", "STANDARD", """
                "sources": [{"url": "https://media.example.com/a.mp4"}, {"url": "https://media.example.com/b.mp4"}]""");
        stubs.createdInput(INPUT_ID, mp4);

        Outcome outcome = create(properties(
                "MP4_FILE",
                "STANDARD",
                "PriUrl",
                "https://media.example.com/a.mp4",
                "SecUrl",
                "https://media.example.com/b.mp4"));

        stubs.verifyCreateInput("MP4_FILE", """
                "sources": [{"url": "https://media.example.com/a.mp4"}, {"url": "https://media.example.com/b.mp4"}]""");
        assertEquals(
                InputStubs.data(
                        "pulls from https://media.example.com/a.mp4 (no push endpoint)",
                        "pulls from https://media.example.com/b.mp4 (no push endpoint)"),
                outcome.data());
    }

    @Test
    void mp4FilePullsTheStacksTestClipFromS3OverTls() {
        String clip = "s3ssl://my-code-bucket-us-east-1/live-streaming-on-aws/v1.0.0/test-source.mp4";
        String mp4 = InputStubs.input(INPUT_ID, "MP4_FILE", "DETACHED", "STANDARD", """
                "sources": [{"url": "%s"}, {"url": "%s"}]""".formatted(clip, clip));
        stubs.createdInput(INPUT_ID, mp4);

        Outcome outcome = create(properties("MP4_FILE", "STANDARD", "PriUrl", clip, "SecUrl", clip));

        stubs.verifyCreateInput("MP4_FILE", """
                "sources": [{"url": "%s"}, {"url": "%s"}]""".formatted(clip, clip));
        assertEquals(
                "pulls from " + clip + " (no push endpoint)", outcome.data().get("EndPoint1"));
    }

    @Test
    void srtCallerCallsBothListenersWithStreamIdsAndTheSecretArnForDecryption() {
        String secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:srt-passphrase-AbCdEf";
        String srt = InputStubs.input(INPUT_ID, "SRT_CALLER", "DETACHED", "STANDARD", """
                "srtSettings": {"srtCallerSources": [
                  {"srtListenerAddress": "203.0.113.5", "srtListenerPort": "5000", "streamId": "main",
                   "decryption": {"algorithm": "AES256", "passphraseSecretArn": "%s"}},
                  {"srtListenerAddress": "203.0.113.6", "srtListenerPort": "5001", "streamId": "backup",
                   "decryption": {"algorithm": "AES256", "passphraseSecretArn": "%s"}}]}""".formatted(secret, secret));
        stubs.createdInput(INPUT_ID, srt);

        Outcome outcome = create(properties(
                "SRT_CALLER",
                "STANDARD",
                "PriSrtUrl",
                "srt://203.0.113.5:5000",
                "SecSrtUrl",
                "srt://203.0.113.6:5001",
                "PriSrtStreamId",
                "main",
                "SecSrtStreamId",
                "backup",
                "SrtPassphraseSecretArn",
                secret,
                "SrtDecryptionAlgorithm",
                "AES256"));

        stubs.verifyCreateInput("SRT_CALLER", """
                "srtSettings": {"srtCallerSources": [
                   {"srtListenerAddress": "203.0.113.5", "srtListenerPort": "5000", "streamId": "main",
                    "decryption": {"algorithm": "AES256", "passphraseSecretArn": "%s"}},
                   {"srtListenerAddress": "203.0.113.6", "srtListenerPort": "5001", "streamId": "backup",
                    "decryption": {"algorithm": "AES256", "passphraseSecretArn": "%s"}}]}""".formatted(secret, secret));
        assertEquals(
                InputStubs.data(
                        "calls srt://203.0.113.5:5000 (no push endpoint)",
                        "calls srt://203.0.113.6:5001 (no push endpoint)"),
                outcome.data());
    }

    @Test
    void unencryptedSingleSrtCallerSendsNoDecryption() {
        String srt = InputStubs.input(INPUT_ID, "SRT_CALLER", "DETACHED", "SINGLE_PIPELINE", """
                "srtSettings": {"srtCallerSources": [{"srtListenerAddress": "listener.example.com",
                  "srtListenerPort": "9000"}]}""");
        stubs.createdInput(INPUT_ID, srt);

        create(properties("SRT_CALLER", "SINGLE_PIPELINE", "PriSrtUrl", "srt://listener.example.com:9000"));

        stubs.verifyCreateInput("SRT_CALLER", """
                "srtSettings": {"srtCallerSources": [
                   {"srtListenerAddress": "listener.example.com", "srtListenerPort": "9000"}]}""");
    }

    @Test
    void mediaConnectInputReadsBothFlowsWithTheRole() {
        String pri = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:live-a";
        String sec = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-99aBC45dEF67hiJ8-12AbC34DE5fG:live-b";
        String role = "arn:aws:iam::123456789012:role/MediaLiveAccessRole";
        String flows =
                InputStubs.input(INPUT_ID, "MEDIACONNECT", "DETACHED", "STANDARD", """
                "roleArn": "%s", "mediaConnectFlows": [{"flowArn": "%s"}, {"flowArn": "%s"}]""".formatted(role, pri, sec));
        stubs.createdInput(INPUT_ID, flows);

        Outcome outcome = create(properties(
                "MEDIACONNECT",
                "STANDARD",
                "PriMediaConnectArn",
                pri,
                "SecMediaConnectArn",
                sec,
                "RoleArn",
                role,
                "Cidr",
                "0.0.0.0/0"));

        stubs.verifyCreateInput("MEDIACONNECT", """
                "roleArn": "%s",
                 "mediaConnectFlows": [{"flowArn": "%s"}, {"flowArn": "%s"}]""".formatted(role, pri, sec));
        assertEquals(
                InputStubs.data(
                        "fed by MediaConnect flow " + pri + " (no push endpoint)",
                        "fed by MediaConnect flow " + sec + " (no push endpoint)"),
                outcome.data());
    }

    @Test
    void createAnswersOnlyAfterTheInputHasLeftCreating() {
        stubs.createGroup("203.0.113.0/24");
        stubs.createInput(InputStubs.rtmpPushInput("CREATING"));
        stubs.describeInputWalking(
                INPUT_ID,
                InputStubs.rtmpPushInput("CREATING"),
                InputStubs.rtmpPushInput("CREATING"),
                InputStubs.rtmpPushInput("DETACHED"));

        Outcome outcome = create(properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"));

        assertTrue(outcome.succeeded());
        wire.server().verify(3, getRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID)));
    }

    @Test
    void repeatedCreateReusesTheInputFoundOnALaterListPage() {
        String stranger = InputStubs.input("5555555", "RTMP_PUSH", "DETACHED", "STANDARD", "")
                .replace(Requests.REQUEST_ID, "someone-else");
        wire.server()
                .stubFor(get(urlPathEqualTo("/prod/inputs"))
                        .withQueryParam("nextToken", com.github.tomakehurst.wiremock.client.WireMock.absent())
                        .willReturn(
                                InputStubs.json(200, "{\"inputs\": [" + stranger + "], \"nextToken\": \"page-2\"}")));
        wire.server()
                .stubFor(get(urlPathEqualTo("/prod/inputs"))
                        .withQueryParam("nextToken", equalTo("page-2"))
                        .willReturn(
                                InputStubs.json(200, "{\"inputs\": [" + InputStubs.rtmpPushInput("CREATING") + "]}")));
        stubs.describeInputWalking(
                INPUT_ID, InputStubs.rtmpPushInput("CREATING"), InputStubs.rtmpPushInput("DETACHED"));
        var captured = Requests.invocation();

        Outcome outcome = manager.create(
                Requests.create(KIND, properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24")),
                captured.invocation());

        assertEquals(
                List.of(
                        "MediaLive:ListInputs",
                        "MediaLive:ListInputs",
                        "MediaLive:DescribeInput",
                        "MediaLive:DescribeInput"),
                wire.calls());
        assertEquals(INPUT_ID, outcome.physicalResourceId());
        assertEquals(INPUT_ID, captured.invocation().madePhysicalId());
        assertEquals(
                "rtmp://198.51.100.99:1935/" + NAME + "/primary", outcome.data().get("EndPoint1"));
    }

    @Test
    void repeatedCreateReusesTheSecurityGroupAnEarlierAttemptMade() {
        stubs.listGroups(
                InputStubs.group("1111111", "IDLE", "[]", "10.0.0.0/8").replace(Requests.REQUEST_ID, "someone-else"),
                InputStubs.group(GROUP_ID, "IDLE", "[]", "203.0.113.0/24"));
        stubs.createInput(InputStubs.rtmpPushInput("DETACHED"));
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"));

        create(properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"));

        assertEquals(
                List.of(
                        "MediaLive:ListInputs",
                        "MediaLive:ListInputSecurityGroups",
                        "MediaLive:CreateInput",
                        "MediaLive:ListInputSecurityGroups",
                        "MediaLive:DescribeInputSecurityGroup",
                        "MediaLive:DescribeInput"),
                wire.calls(),
                "the unused group of another attempt (1111111) is looked at to be removed");
        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/prod/inputs"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.inputSecurityGroups[0]", equalTo(GROUP_ID))));
    }

    @Test
    void refusedCreateInputRemovesTheGroupAndPasswordsItMadeFor() {
        stubs.ssmAccepts();
        stubs.createInputRefused("Sources must be 2 for a STANDARD input");

        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> create(PRIMARY_PASSWORD_ONLY));

        assertEquals(400, refused.statusCode());
        stubs.verifyPasswordDeleted(PRIMARY_PARAM);
        assertEquals(
                List.of("MediaLive:ListInputs", "Ssm:PutParameter", "MediaLive:CreateInput", "Ssm:DeleteParameter"),
                wire.calls());
    }

    @Test
    void refusedSecondPasswordRemovesTheFirstBeforeFailing() {
        stubs.ssm("DeleteParameter", InputStubs.json(200, "{}"));
        stubs.putParameter(PRIMARY_PARAM, InputStubs.json(200, "{\"Version\": 1}"));
        stubs.putParameter(
                SECONDARY_PARAM,
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"ParameterLimitExceeded\", \"message\": \"limit reached\"}"));

        assertThrows(
                AwsServiceException.class,
                () -> create(InputStubs.with(PRIMARY_PASSWORD_ONLY, "SecUser", "u", "SecPass", "p2")));

        stubs.verifyPasswordDeleted(PRIMARY_PARAM);
        assertEquals(
                0,
                wire.server()
                        .findAll(postRequestedFor(urlPathEqualTo("/prod/inputs")))
                        .size());
    }

    @Test
    void refusedCreateInputDeletesTheNewSecurityGroup() {
        stubs.createGroup("203.0.113.0/24");
        stubs.deleteGroup(GROUP_ID);
        stubs.createInputRefused("bad");

        assertThrows(
                AwsServiceException.class, () -> create(properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24")));

        wire.server().verify(deleteRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups/" + GROUP_ID)));
    }

    @Test
    void inputDeletedWhileCreatingFailsCarryingItsId() {
        stubs.createGroup("203.0.113.0/24");
        stubs.createInput(InputStubs.rtmpPushInput("CREATING"));
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("CREATING"), null);

        ResourceFailure failure = assertThrows(
                ResourceFailure.class, () -> create(properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24")));

        assertEquals("input " + INPUT_ID + " was deleted while it was being created", failure.getMessage());
        assertEquals(INPUT_ID, failure.physicalResourceId());
    }
}
