package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.GROUP_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.NAME;
import static com.amazonaws.livestreaming.medialive.InputStubs.OTHER_REQUEST_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.OTHER_TAGS;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.properties;
import static com.amazonaws.livestreaming.medialive.InputStubs.with;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Update: in place (same id) for URLs, credentials, flows, SRT callers and CIDR rules; a new input otherwise. What an
 * edit does to a running channel the input is attached to is in {@link InputEditWhileRunningTest}.
 */
class InputUpdateWireTest {
    private static final String NEW_ID = "2222222";
    private static final String FLOW_A = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-AAAAAAAAAAAAAAAA-1111:a";
    private static final String FLOW_B = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-BBBBBBBBBBBBBBBB-2222:b";
    private static final String FLOW_C = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-CCCCCCCCCCCCCCCC-3333:c";
    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaLiveAccessRole";
    private static final Map<String, String> PULL = InputStubs.urlPull("old-pri", "old-sec");

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private final InputStubs stubs = new InputStubs(wire.server());
    private final InputManager manager = new InputManager(wire.clients(), Duration.ofMillis(10));

    private Outcome update(Map<String, ?> properties, Map<String, ?> old) {
        return manager.update(
                InputStubs.update(INPUT_ID, properties, old),
                Requests.invocation().invocation());
    }

    private int inputUpdates() {
        return wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID)))
                .size();
    }

    @Test
    void changedCidrRewritesTheGroupRulesAndKeepsTheInputId() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("ATTACHED"));
        stubs.describeGroupWalking(
                GROUP_ID,
                InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"),
                InputStubs.group(GROUP_ID, "UPDATING", "[\"1234567\"]", "203.0.113.0/24"),
                InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "203.0.113.0/24"));
        stubs.updateGroup(GROUP_ID, InputStubs.group(GROUP_ID, "UPDATING", "[\"1234567\"]", "203.0.113.0/24"));

        Outcome outcome = update(
                properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"),
                properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"));

        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups/" + GROUP_ID))
                        .withRequestBody(equalToJson("{\"whitelistRules\": [{\"cidr\": \"203.0.113.0/24\"}], \"tags\": "
                                + InputStubs.TAGS + "}")));
        assertEquals(Outcome.success(INPUT_ID, InputStubs.rtmpPushData()), outcome);
        assertEquals(
                List.of(
                        "MediaLive:DescribeInput",
                        "MediaLive:DescribeInputSecurityGroup",
                        "MediaLive:UpdateInputSecurityGroup",
                        "MediaLive:DescribeInputSecurityGroup",
                        "MediaLive:DescribeInputSecurityGroup",
                        "MediaLive:DescribeInput"),
                wire.calls());
    }

    @Test
    void cidrRulesAlreadyInPlaceAreNotRewritten() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"));
        stubs.describeGroup(
                GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "203.0.113.0/24,10.0.0.0/8"));

        Outcome outcome = update(
                properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8, 203.0.113.0/24"),
                properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8,203.0.113.0/24"));

        assertEquals(INPUT_ID, outcome.physicalResourceId());
        assertEquals(
                List.of("MediaLive:DescribeInput", "MediaLive:DescribeInputSecurityGroup", "MediaLive:DescribeInput"),
                wire.calls());
    }

    @Test
    void changedUrlAndPasswordUpdateTheSourcesInPlaceAndRotateTheParameter() {
        stubs.describeInput(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM));
        stubs.updateInput(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM));
        stubs.ssmAccepts();

        Outcome outcome =
                update(with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8", "PriPass", "new-pri"), PULL);

        assertEquals(INPUT_ID, outcome.physicalResourceId());
        stubs.verifyPasswordStored(PRIMARY_PARAM, "new-pri", "primary");
        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                        .withRequestBody(equalToJson("""
                {"sources": [
                  {"url": "https://origin2.example.com/live/main.m3u8", "username": "puller", "passwordParam": "%s"},
                  {"url": "https://backup.example.com/live/main.m3u8", "username": "puller", "passwordParam": "%s"}]}""".formatted(PRIMARY_PARAM, SECONDARY_PARAM))));
        assertEquals(
                List.of(
                        "MediaLive:DescribeInput",
                        "Ssm:PutParameter",
                        "MediaLive:UpdateInput",
                        "MediaLive:DescribeInput"),
                wire.calls());
    }

    @Test
    void passwordRotationAloneNeedsNoUpdateInput() {
        stubs.describeInput(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM));
        stubs.ssmAccepts();

        Outcome outcome = update(with(PULL, "SecPass", "new-sec"), PULL);

        assertEquals(INPUT_ID, outcome.physicalResourceId());
        assertEquals(0, inputUpdates());
        stubs.verifyPasswordStored(SECONDARY_PARAM, "new-sec", "secondary");
    }

    @Test
    void droppedPasswordIsRemovedFromTheSourceAndFromSsm() {
        stubs.describeInput(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM));
        stubs.updateInput(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, null));
        stubs.ssmAccepts();

        update(with(PULL, "SecPass", null), PULL);

        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                        .withRequestBody(equalToJson("""
                {"sources": [
                  {"url": "https://origin.example.com/live/main.m3u8", "username": "puller", "passwordParam": "%s"},
                  {"url": "https://backup.example.com/live/main.m3u8", "username": "puller"}]}""".formatted(PRIMARY_PARAM))));
        assertEquals(
                List.of(
                        "MediaLive:DescribeInput",
                        "MediaLive:UpdateInput",
                        "Ssm:DeleteParameter",
                        "MediaLive:DescribeInput"),
                wire.calls());
        stubs.verifyPasswordDeleted(SECONDARY_PARAM);
    }

    @Test
    void changedMediaConnectFlowIsUpdatedInPlace() {
        String flows =
                InputStubs.input(INPUT_ID, "MEDIACONNECT", "DETACHED", "STANDARD", """
                "roleArn": "%s", "mediaConnectFlows": [{"flowArn": "%s"}, {"flowArn": "%s"}]""".formatted(ROLE, FLOW_A, FLOW_B));
        stubs.describeInput(INPUT_ID, flows);
        stubs.updateInput(INPUT_ID, flows);
        Map<String, String> old = properties(
                "MEDIACONNECT",
                "STANDARD",
                "PriMediaConnectArn",
                FLOW_A,
                "SecMediaConnectArn",
                FLOW_B,
                "RoleArn",
                ROLE);

        Outcome outcome = update(with(old, "SecMediaConnectArn", FLOW_C), old);

        assertEquals(INPUT_ID, outcome.physicalResourceId());
        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                        .withRequestBody(equalToJson("""
                {"roleArn": "%s", "mediaConnectFlows": [{"flowArn": "%s"}, {"flowArn": "%s"}]}""".formatted(ROLE, FLOW_A, FLOW_C))));
    }

    @Test
    void changedSrtListenerIsUpdatedInPlace() {
        String srt = InputStubs.input(INPUT_ID, "SRT_CALLER", "DETACHED", "SINGLE_PIPELINE", """
                "srtSettings": {"srtCallerSources": [{"srtListenerAddress": "203.0.113.5",
                  "srtListenerPort": "5000", "streamId": "main"}]}""");
        stubs.describeInput(INPUT_ID, srt);
        stubs.updateInput(INPUT_ID, srt);
        Map<String, String> old = properties(
                "SRT_CALLER", "SINGLE_PIPELINE", "PriSrtUrl", "srt://203.0.113.5:5000", "PriSrtStreamId", "main");

        update(with(old, "PriSrtUrl", "srt://203.0.113.9:6000"), old);

        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                        .withRequestBody(equalToJson("""
                {"srtSettings": {"srtCallerSources": [{"srtListenerAddress": "203.0.113.9", "srtListenerPort": "6000",
                  "streamId": "main"}]}}""")));
    }

    @Test
    void unchangedSourcesMakeNoUpdateCall() {
        stubs.describeInput(INPUT_ID, InputStubs.urlPullInput("ATTACHED", PRIMARY_PARAM, SECONDARY_PARAM));

        Outcome outcome = update(PULL, PULL);

        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:DescribeInput"), wire.calls());
        assertEquals(
                "pulls from https://origin.example.com/live/main.m3u8 (no push endpoint)",
                outcome.data().get("EndPoint1"));
    }

    @Test
    void newTypeMakesANewInputWithANewId() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("ATTACHED"));
        stubs.listInputs(InputStubs.rtmpPushInput("ATTACHED"));
        String pull = InputStubs.input(NEW_ID, "URL_PULL", "DETACHED", "SINGLE_PIPELINE", """
                "sources": [{"url": "https://origin.example.com/live/main.m3u8"}]""")
                .replace(InputStubs.TAGS, OTHER_TAGS);
        stubs.createInput(pull.replace("\"DETACHED\"", "\"CREATING\""));
        stubs.describeInput(NEW_ID, pull);

        Outcome outcome = update(
                properties("URL_PULL", "SINGLE_PIPELINE", "PriUrl", "https://origin.example.com/live/main.m3u8"),
                Map.of("Type", "RTMP_PUSH", "Cidr", "10.0.0.0/8"));

        stubs.verifyCreateInput(OTHER_REQUEST_ID, OTHER_TAGS, "URL_PULL", """
                "sources": [{"url": "https://origin.example.com/live/main.m3u8"}]""");
        assertEquals(NEW_ID, outcome.physicalResourceId());
        assertEquals(NEW_ID, outcome.data().get("Id"));
        assertEquals(
                List.of(
                        "MediaLive:DescribeInput",
                        "MediaLive:ListInputs",
                        "MediaLive:CreateInput",
                        "MediaLive:DescribeInput"),
                wire.calls());
    }

    @Test
    void newChannelClassMakesANewPushInputWithItsOwnGroup() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"));
        stubs.listInputs();
        stubs.listGroups(InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"));
        String single = InputStubs.input(NEW_ID, "RTMP_PUSH", "DETACHED", "SINGLE_PIPELINE", """
                "securityGroups": ["8888888"], "destinations": [
                  {"ip": "198.51.100.7", "port": "1935", "url": "rtmp://198.51.100.7:1935/%s/primary"}]""".formatted(NAME));
        wire.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                                urlPathEqualTo("/prod/inputSecurityGroups"))
                        .willReturn(InputStubs.json(
                                200,
                                "{\"securityGroup\": " + InputStubs.group("8888888", "IDLE", "[]", "10.0.0.0/8")
                                        + "}")));
        stubs.createdInput(NEW_ID, single);

        Outcome outcome = update(
                properties("RTMP_PUSH", "SINGLE_PIPELINE", "Cidr", "10.0.0.0/8"),
                properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"));

        stubs.verifyCreateInput(OTHER_REQUEST_ID, OTHER_TAGS, "RTMP_PUSH", """
                "inputSecurityGroups": ["8888888"], "destinations": [{"streamName": "%s/primary"}]""".formatted(NAME));
        assertEquals(
                Outcome.success(NEW_ID, InputStubs.data(NEW_ID, "rtmp://198.51.100.7:1935/" + NAME + "/primary", "")),
                outcome);
    }

    @Test
    void rtpPushClassChangeKeepsTheInputBecauseItAlwaysHasTwoEndpoints() {
        String rtp = InputStubs.input(INPUT_ID, "RTP_PUSH", "DETACHED", "STANDARD", """
                "securityGroups": ["%s"], "destinations": [{"url": "rtp://198.51.100.99:5000"},
                  {"url": "rtp://192.0.2.18:5000"}]""".formatted(GROUP_ID));
        stubs.describeInput(INPUT_ID, rtp);
        stubs.describeGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"));

        Outcome outcome = update(
                properties("RTP_PUSH", "SINGLE_PIPELINE", "Cidr", "10.0.0.0/8"),
                properties("RTP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"));

        assertEquals(Outcome.success(INPUT_ID, InputStubs.data("rtp://198.51.100.99:5000", "")), outcome);
    }

    @Test
    void updateOfAVanishedInputMakesANewOne() {
        wire.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                        .willReturn(InputStubs.notFound("Input not found")));
        stubs.listInputs();
        String pull = InputStubs.input(NEW_ID, "MP4_FILE", "DETACHED", "SINGLE_PIPELINE", """
                "sources": [{"url": "https://media.example.com/a.mp4"}]""");
        stubs.createdInput(NEW_ID, pull);

        Outcome outcome = update(
                properties("MP4_FILE", "SINGLE_PIPELINE", "PriUrl", "https://media.example.com/a.mp4"),
                properties("MP4_FILE", "SINGLE_PIPELINE", "PriUrl", "https://media.example.com/old.mp4"));

        assertEquals(NEW_ID, outcome.physicalResourceId());
    }
}
