package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull passwords go to SSM and nowhere else: not in any log line, not in Data, not in the answer. */
class InputSecretsTest {
    private static final String PRI = "Pri-pa55word-91x";
    private static final String SEC = "Sec-pa55word-37q";
    private static final String ROTATED = "Rotated-pa55word-12z";
    private static final Map<String, String> PULL = InputStubs.urlPull(PRI, SEC);

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private InputStubs stubs;

    @BeforeEach
    void start() {
        stubs = new InputStubs(wire.server());
        String pull = InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM);
        stubs.listInputs();
        stubs.ssmAccepts();
        stubs.createdInput(INPUT_ID, pull);
        stubs.updateInput(INPUT_ID, pull);
        stubs.deleteInput(INPUT_ID);
    }

    private static void assertNoPassword(String text) {
        for (String secret : new String[] {PRI, SEC, ROTATED}) {
            assertFalse(text.contains(secret), "a password leaked into: " + text);
        }
    }

    @Test
    void passwordsNeverReachTheLogOrData() {
        InputManager manager = new InputManager(wire.clients(), Duration.ofMillis(10));
        var created = Requests.invocation();
        Outcome made = manager.create(Requests.create(KIND, PULL), created.invocation());
        Map<String, String> rotated = InputStubs.with(PULL, "PriPass", ROTATED);
        var updated = Requests.invocation();
        Outcome changed = manager.update(InputStubs.update(INPUT_ID, rotated, PULL), updated.invocation());
        wire.server().resetAll();
        stubs.describeInputWalking(INPUT_ID, InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM), null);
        stubs.deleteInput(INPUT_ID);
        stubs.listInputs();
        stubs.listGroups();
        stubs.ssmAccepts();
        var deleted = Requests.invocation();
        manager.delete(Requests.delete(KIND, INPUT_ID, rotated), deleted.invocation());

        assertTrue(created.log().contains(PRIMARY_PARAM), created.log());
        assertNoPassword(created.log() + updated.log() + deleted.log());
        assertNoPassword(made.data().toString() + changed.data().toString());
        assertEquals(
                2,
                wire.server()
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/"))
                                .withHeader(
                                        "X-Amz-Target",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "AmazonSSM.DeleteParameter")))
                        .size());
    }

    /** The handler with the standard managers on the wire, logging into {@code logBytes}; the answer PUT succeeds. */
    private Handler handler(ByteArrayOutputStream logBytes) {
        wire.server()
                .stubFor(put(urlPathEqualTo("/cfn-response"))
                        .willReturn(aResponse().withStatus(200)));
        return new Handler(
                Managers.standard(wire.clients()),
                new ResponseSender(1, d -> {}),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(1));
    }

    /** A Create event of this stack's input with {@code properties}, answered to the wire's /cfn-response. */
    private String createEvent(String properties) {
        return """
                {"RequestType": "Create", "ResponseURL": "%s/cfn-response?X-Amz-Signature=abc",
                 "StackId": "%s", "RequestId": "%s", "ResourceType": "Custom::MediaLiveInput",
                 "LogicalResourceId": "ResourceMediaLiveInput",
                 "ResourceProperties": %s}""".formatted(wire.baseUrl(), Requests.STACK_ID, Requests.REQUEST_ID, properties);
    }

    @Test
    void credentialsAndTokensInAPullUrlNeverReachTheLog() {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        Handler handler = handler(logBytes);
        String event = createEvent("""
                {"Type": "URL_PULL", "ChannelClass": "SINGLE_PIPELINE",
                 "PriUrl": "https://puller:%s@origin.example.com/live/main.m3u8?token=%s"}""".formatted(PRI, ROTATED));

        handler.handle(event.getBytes(StandardCharsets.UTF_8), null);

        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("origin.example.com/live/main.m3u8"), log);
        assertNoPassword(log);
    }

    @Test
    void anEventThroughTheHandlerAnswersAndLogsWithoutThePassword() {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        Handler handler = handler(logBytes);
        String event = createEvent("""
                {"ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:cr",
                 "Type": "URL_PULL", "PriUrl": "https://origin.example.com/live/main.m3u8", "PriUser": "puller",
                 "PriPass": "%s", "SecUrl": "https://backup.example.com/live/main.m3u8", "SecUser": "puller",
                 "SecPass": "%s"}""".formatted(PRI, SEC));

        byte[] answer = handler.handle(event.getBytes(StandardCharsets.UTF_8), null);

        String sent = wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/cfn-response")))
                .get(0)
                .getBodyAsString();
        assertTrue(sent.contains("\"Status\":\"SUCCESS\"") && sent.contains("\"EndPoint1\""), sent);
        assertEquals(sent, new String(answer, StandardCharsets.UTF_8));
        assertNoPassword(sent);
        assertNoPassword(logBytes.toString(StandardCharsets.UTF_8));
    }
}
