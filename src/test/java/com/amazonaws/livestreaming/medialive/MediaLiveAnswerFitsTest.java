package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.HandlerHarness;
import com.amazonaws.livestreaming.testing.LongestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The answers of the MediaLive kinds fit CloudFormation's 4096 bytes with the longest ids it sends and the longest
 * values the properties accept, sent through the real answer path (the handler, ResponseBody, a PUT).
 */
class MediaLiveAnswerFitsTest {
    private static final Set<String> INPUT_DATA = Set.of("Id", "Arn", "EndPoint1", "EndPoint2");
    private static final int LONGEST = PropertyRules.DEFAULT_MAX_LENGTH;

    @AutoClose
    private final HandlerHarness harness = new HandlerHarness(clients -> new Registry(Map.of(
            InputManager.KIND, () -> new InputManager(clients, Duration.ofMillis(10)),
            ChannelManager.KIND,
                    () -> new ChannelManager(clients.mediaLive(), TestProfiles.loader(), Duration.ofMillis(10)))));

    private final InputStubs inputs = new InputStubs(harness.aws().server());

    /** A URL of exactly {@code length} characters, all of it path (a query would not be shown in Data). */
    private static String url(String host, int length) {
        String start = "https://" + host + "/";
        return start + "p".repeat(length - start.length());
    }

    private JsonNode createInput(Map<String, Object> properties, String describedInput) {
        inputs.listInputs();
        inputs.listGroups();
        inputs.createInput(describedInput);
        inputs.describeInput(INPUT_ID, describedInput);
        harness.run(LongestIds.in(Events.create(harness.responseUrl(), InputManager.KIND, properties)));
        return LongestIds.assertAnswerFits(harness, INPUT_DATA);
    }

    @Test
    void aPullInputWithTheLongestUrlsAnswersWithShortenedDescriptions() {
        JsonNode answer = createInput(
                Map.of(
                        "Type",
                        "URL_PULL",
                        "ChannelClass",
                        "STANDARD",
                        "PriUrl",
                        url("origin.example.com", LONGEST),
                        "SecUrl",
                        url("backup.example.com", LONGEST)),
                InputStubs.urlPullInput("DETACHED", null, null));

        String endPoint1 = answer.get("Data").get("EndPoint1").asText();
        assertTrue(endPoint1.startsWith("pulls from https://origin.example.com/ppp"), endPoint1);
        assertTrue(endPoint1.endsWith("... (no push endpoint)"), endPoint1);
        assertEquals(
                "pulls from ".length() + InputEndpoints.MAX_SOURCE_SHOWN + " (no push endpoint)".length(),
                endPoint1.length());
    }

    @Test
    void aPullUrlThatFitsIsShownWhole() {
        String url = url("origin.example.com", InputEndpoints.MAX_SOURCE_SHOWN);
        JsonNode answer = createInput(
                Map.of("Type", "URL_PULL", "ChannelClass", "SINGLE_PIPELINE", "PriUrl", url),
                InputStubs.urlPullInput("DETACHED", null, null));

        assertEquals(
                "pulls from " + url + " (no push endpoint)",
                answer.get("Data").get("EndPoint1").asText());
    }

    @Test
    void aMediaConnectInputWithTheLongestFlowArnsFits() {
        String flow = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:";
        createInput(
                Map.of(
                        "Type",
                        "MEDIACONNECT",
                        "ChannelClass",
                        "STANDARD",
                        "PriMediaConnectArn",
                        flow + "a".repeat(LONGEST - flow.length()),
                        "SecMediaConnectArn",
                        flow + "b".repeat(LONGEST - flow.length()),
                        "RoleArn",
                        "arn:aws:iam::123456789012:role/" + "p".repeat(LONGEST - 31 - 65) + "/" + "r".repeat(64)),
                InputStubs.input(INPUT_ID, "MEDIACONNECT", "DETACHED", "STANDARD", """
                        "securityGroups": [], "destinations": [], "sources": [], "mediaConnectFlows": []"""));
    }

    @Test
    void anSrtCallerInputWithTheLongestListenersFits() {
        String host = "h".repeat(LONGEST - "srt://:5000".length());
        createInput(
                Map.of(
                        "Type",
                        "SRT_CALLER",
                        "ChannelClass",
                        "STANDARD",
                        "PriSrtUrl",
                        "srt://" + host + ":5000",
                        "SecSrtUrl",
                        "srt://" + host + ":5001"),
                InputStubs.input(INPUT_ID, "SRT_CALLER", "DETACHED", "STANDARD", """
                        "securityGroups": [], "destinations": [], "sources": [], "mediaConnectFlows": []"""));
    }

    @Test
    void aPushInputAnswersWithMediaLivesOwnEndpoints() {
        inputs.createGroup("203.0.113.0/24");
        JsonNode answer = createInput(
                Map.of("Type", "RTMP_PUSH", "ChannelClass", "STANDARD", "Cidr", "203.0.113.0/24"),
                InputStubs.rtmpPushInput("DETACHED"));

        assertTrue(answer.get("Data").get("EndPoint1").asText().startsWith("rtmp://"));
    }

    @Test
    void aChannelAnswerFitsWithTheLongestIdsAndName() {
        MediaLiveStubs channels = new MediaLiveStubs(harness.aws());
        channels.noChannels();
        channels.createReturns(MediaLiveStubs.CHANNEL_ID);
        channels.describeWalks(MediaLiveStubs.CHANNEL_ID, "IDLE");

        harness.run(LongestIds.in(Events.create(
                harness.responseUrl(),
                ChannelManager.KIND,
                MediaLiveStubs.properties("Name", "n".repeat(MediaLiveRules.MAX_CHANNEL_NAME)))));

        LongestIds.assertAnswerFits(harness, Set.of("ChannelId", "Arn", "State"));
    }
}
