package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.GROUP_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delete: wait for DETACHED, delete, wait for gone, wait for the group to be IDLE, delete it, drop passwords. */
class InputDeleteWireTest {
    private WireMockAws wire;
    private InputStubs stubs;
    private InputManager manager;

    @BeforeEach
    void start() {
        wire = new WireMockAws();
        stubs = new InputStubs(wire.server());
        manager = new InputManager(wire.clients(), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private Outcome deleteWith(Map<String, ?> properties) {
        return manager.delete(Requests.delete(KIND, INPUT_ID, properties), Requests.invocation().invocation());
    }

    private List<String> ssmBodies(String operation) {
        return wire.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation))).stream()
                .map(r -> r.getBodyAsString()).toList();
    }

    @Test
    void deleteWaitsForTheChannelToLetGoThenRemovesInputThenIdleGroup() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("ATTACHED"),
                InputStubs.rtmpPushInput("ATTACHED"), InputStubs.rtmpPushInput("DETACHED"),
                InputStubs.rtmpPushInput("DELETING"), null);
        stubs.deleteInput(INPUT_ID);
        stubs.describeGroupWalking(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"),
                InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"),
                InputStubs.group(GROUP_ID, "IDLE", "[]", "10.0.0.0/8"));
        stubs.deleteGroup(GROUP_ID);

        Outcome outcome = deleteWith(Map.of("Type", "RTMP_PUSH", "Cidr", "10.0.0.0/8"));

        assertEquals(Outcome.success(INPUT_ID), outcome);
        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:DescribeInput", "MediaLive:DescribeInput",
                "MediaLive:DeleteInput", "MediaLive:DescribeInput", "MediaLive:DescribeInput",
                "MediaLive:DescribeInputSecurityGroup", "MediaLive:DescribeInputSecurityGroup",
                "MediaLive:DescribeInputSecurityGroup", "MediaLive:DeleteInputSecurityGroup"), wire.calls());
    }

    @Test
    void deleteOfMissingInputAnswersSuccess() {
        wire.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/prod/inputs/" + INPUT_ID)).willReturn(InputStubs.notFound("Input not found")));
        stubs.listGroups();

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of("Type", "RTP_PUSH", "Cidr", "10.0.0.0/8")));
        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:ListInputSecurityGroups"), wire.calls());
    }

    @Test
    void deleteOfInputInDeletedStateAnswersSuccess() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DELETED"));
        stubs.listGroups();

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));
        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:ListInputSecurityGroups"), wire.calls());
    }

    @Test
    void inputThatVanishesBeforeDeleteInputIsStillSuccess() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"), null);
        wire.server().stubFor(delete(urlPathEqualTo("/prod/inputs/" + INPUT_ID))
                .willReturn(InputStubs.notFound("Input not found")));
        wire.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/prod/inputSecurityGroups/" + GROUP_ID)).willReturn(InputStubs.notFound("not found")));

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));
        assertEquals(0, wire.server().findAll(deleteRequestedFor(urlPathEqualTo(
                "/prod/inputSecurityGroups/" + GROUP_ID))).size());
    }

    @Test
    void securityGroupAlreadyDeletedIsSuccess() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"), null);
        stubs.deleteInput(INPUT_ID);
        stubs.describeGroupWalking(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[]", "10.0.0.0/8"), null);
        wire.server().stubFor(delete(urlPathEqualTo("/prod/inputSecurityGroups/" + GROUP_ID))
                .willReturn(InputStubs.notFound("not found")));

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));
        assertEquals(0, wire.server().findAll(deleteRequestedFor(urlPathEqualTo(
                "/prod/inputSecurityGroups/" + GROUP_ID))).size());
    }

    @Test
    void securityGroupMadeForAnotherResourceIsLeftAlone() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"), null);
        stubs.deleteInput(INPUT_ID);
        stubs.describeGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IDLE", "[]", "10.0.0.0/8")
                .replace("\"ResourceMediaLiveInput\"", "\"SomeoneElsesInput\""));

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));
        assertEquals(0, wire.server().findAll(deleteRequestedFor(urlPathEqualTo(
                "/prod/inputSecurityGroups/" + GROUP_ID))).size());
    }

    @Test
    void deleteOfPullInputRemovesBothPasswordParameters() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM),
                null);
        stubs.deleteInput(INPUT_ID);
        stubs.listInputs(InputStubs.urlPullInput("DELETING", PRIMARY_PARAM, SECONDARY_PARAM));
        stubs.ssmAccepts();

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));

        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:DeleteInput", "MediaLive:DescribeInput",
                "MediaLive:ListInputs", "Ssm:DeleteParameter", "Ssm:DeleteParameter"), wire.calls());
        wire.server().verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(equalToJson("{\"Name\": \"" + PRIMARY_PARAM + "\"}")));
        wire.server().verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(equalToJson("{\"Name\": \"" + SECONDARY_PARAM + "\"}")));
    }

    @Test
    void passwordsTheReplacementInputReadsAreKept() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM),
                null);
        stubs.deleteInput(INPUT_ID);
        String replacement = InputStubs.input("2222222", "URL_PULL", "DETACHED", "SINGLE_PIPELINE", """
                "sources": [{"url": "https://origin.example.com/new.m3u8", "username": "u",
                  "passwordParam": "%s"}]""".formatted(PRIMARY_PARAM));
        stubs.listInputs(replacement);
        stubs.ssmAccepts();

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));

        assertEquals(List.of("{\"Name\":\"" + SECONDARY_PARAM + "\"}"), ssmBodies("DeleteParameter"));
    }

    @Test
    void passwordParameterAlreadyGoneIsSuccess() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, null), null);
        stubs.deleteInput(INPUT_ID);
        stubs.listInputs();
        stubs.ssm("DeleteParameter", InputStubs.parameterNotFound());

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of()));
        assertEquals(1, ssmBodies("DeleteParameter").size());
    }

    @Test
    void inputAlreadyGoneStillRemovesThePasswordsItsPropertiesHad() {
        wire.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/prod/inputs/" + INPUT_ID)).willReturn(InputStubs.notFound("Input not found")));
        stubs.listGroups();
        stubs.listInputs();
        stubs.ssmAccepts();

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of("Type", "URL_PULL", "PriUrl", "https://a.example.com/x",
                "PriUser", "u", "PriPass", "secret-value")));

        assertEquals(List.of("{\"Name\":\"" + PRIMARY_PARAM + "\"}"), ssmBodies("DeleteParameter"));
    }

    @Test
    void retriedDeleteAfterTheInputIsGoneStillRemovesTheSecurityGroupItLeftBehind() {
        wire.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/prod/inputs/" + INPUT_ID)).willReturn(InputStubs.notFound("Input not found")));
        String leftBehind = InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8");
        String replacements = InputStubs.group("2222222", "IN_USE", "[\"3333333\"]", "10.0.0.0/8");
        String otherResources = InputStubs.group("4444444", "IDLE", "[]", "10.0.0.0/8")
                .replace("\"ResourceMediaLiveInput\"", "\"SomeoneElsesInput\"");
        stubs.listGroups(leftBehind, replacements, otherResources);
        stubs.describeGroupWalking(GROUP_ID, leftBehind, InputStubs.group(GROUP_ID, "IDLE", "[]", "10.0.0.0/8"));
        stubs.deleteGroup(GROUP_ID);

        assertEquals(Outcome.success(INPUT_ID), deleteWith(Map.of("Type", "RTMP_PUSH", "Cidr", "10.0.0.0/8")));

        assertEquals(List.of("MediaLive:DescribeInput", "MediaLive:ListInputSecurityGroups",
                "MediaLive:DescribeInputSecurityGroup", "MediaLive:DescribeInputSecurityGroup",
                "MediaLive:DeleteInputSecurityGroup"), wire.calls());
        wire.server().verify(deleteRequestedFor(urlPathEqualTo("/prod/inputSecurityGroups/" + GROUP_ID)));
    }

    @Test
    void attachedInputThatNeverDetachesTimesOutNamingItsState() {
        stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("ATTACHED"));
        var captured = Requests.invocation(Duration.ofMillis(300));

        OutOfTimeException e = assertThrows(OutOfTimeException.class, () -> manager.delete(
                Requests.delete(KIND, INPUT_ID, Map.of()), captured.invocation()));

        assertEquals("timed out while waiting for input 1234567 to be DETACHED (it is ATTACHED)", e.getMessage());
        assertEquals("waiting for input 1234567 to be DETACHED (it is ATTACHED)", captured.invocation().currentStep());
        assertEquals(0, wire.server().findAll(deleteRequestedFor(urlPathEqualTo("/prod/inputs/" + INPUT_ID))).size());
    }

    @Test
    void securityGroupThatStaysInUseTimesOutNamingItsState() {
        stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"), null);
        stubs.deleteInput(INPUT_ID);
        stubs.describeGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"));

        OutOfTimeException e = assertThrows(OutOfTimeException.class, () -> manager.delete(
                Requests.delete(KIND, INPUT_ID, Map.of()), Requests.invocation(Duration.ofMillis(300)).invocation()));

        assertEquals("timed out while waiting for input security group 7654321 to be IDLE (it is IN_USE)",
                e.getMessage());
    }
}
