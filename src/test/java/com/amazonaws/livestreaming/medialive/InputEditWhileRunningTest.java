package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputFixture.TAGS;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.properties;
import static com.amazonaws.livestreaming.medialive.InputStubs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MediaLive edits an attached input only while its channel is IDLE (the stand-in answers 409 otherwise), so a change
 * of sources, credentials, flows or SRT listeners stops the running channel, updates the input and starts the
 * channel again; CIDR rules change while the stream stays on the air.
 */
class InputEditWhileRunningTest {
    private static final String STOP = "MediaLive:StopChannel";
    private static final String START = "MediaLive:StartChannel";
    private static final String UPDATE = "MediaLive:UpdateInput";
    private static final Map<String, String> PULL = InputStubs.urlPull(null, null);

    @AutoClose
    private final InputFixture fixture = new InputFixture();

    private String input;
    private String channel;

    @BeforeEach
    void start() {
        input = fixture.pullInput(TAGS, null, null);
        channel = fixture.channel(input, "RUNNING");
    }

    private Outcome update(String id, Map<String, String> now, Map<String, String> old, Duration budget) {
        Request request = InputStubs.update(id, now, old);
        return MediaLiveStubs.dispatch(
                fixture.manager, request, fixture.invocation(budget).invocation());
    }

    private Outcome update(Map<String, String> now, Map<String, String> old) {
        return update(input, now, old, InputFixture.BUDGET);
    }

    private String channelState() {
        return fixture.aws.mediaLive().channelState(channel);
    }

    @Test
    void newPullUrlStopsTheChannelUpdatesTheInputAndStartsTheChannelAgain() {
        long before = fixture.aws.clock().nanoTime();

        Outcome outcome = update(with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8"), PULL);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(input, outcome.physicalResourceId());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("RUNNING", channelState());
        assertEquals(
                "https://origin2.example.com/live/main.m3u8",
                fixture.aws
                        .mediaLive()
                        .describeInput(input)
                        .path("sources")
                        .get(0)
                        .path("url")
                        .asText());
        assertTrue(
                fixture.aws.clock().since(before).compareTo(Duration.ofSeconds(150)) >= 0,
                "off the air for the 60 s stop and the 90 s start");
    }

    @Test
    void newPasswordRestartsTheChannelSoItReadsIt() {
        String withPassword = fixture.pullInput(TAGS, PRIMARY_PARAM, null);
        fixture.aws.mediaLive().remove(channel);
        channel = fixture.channel(withPassword, "RUNNING");
        fixture.aws.ssm().put(PRIMARY_PARAM, "old-pri");
        Map<String, String> old = with(PULL, "PriPass", "old-pri");

        Outcome outcome = update(withPassword, with(PULL, "PriPass", "new-pri"), old, InputFixture.BUDGET);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of(STOP, "Ssm:PutParameter", START), fixture.actions());
        assertEquals("new-pri", fixture.aws.ssm().value(PRIMARY_PARAM));
        assertEquals("RUNNING", channelState());
    }

    @Test
    void newMediaConnectFlowIsMadeWhileTheChannelIsStopped() {
        String flowA = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-AAAAAAAAAAAAAAAA-1111:a";
        String flowC = "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-CCCCCCCCCCCCCCCC-3333:c";
        String role = "arn:aws:iam::123456789012:role/MediaLiveAccessRole";
        ObjectNode fields = JsonNodeFactory.instance
                .objectNode()
                .put("type", "MEDIACONNECT")
                .put("name", InputStubs.NAME)
                .put("roleArn", role);
        fields.putArray("mediaConnectFlows").addObject().put("flowArn", flowA);
        String flows = fixture.aws.mediaLive().addInput(fields, TAGS);
        fixture.aws.mediaLive().remove(channel);
        channel = fixture.channel(flows, "RUNNING");
        Map<String, String> old =
                properties("MEDIACONNECT", "SINGLE_PIPELINE", "PriMediaConnectArn", flowA, "RoleArn", role);

        Outcome outcome = update(flows, with(old, "PriMediaConnectArn", flowC), old, InputFixture.BUDGET);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals(
                flowC,
                fixture.aws
                        .mediaLive()
                        .describeInput(flows)
                        .path("mediaConnectFlows")
                        .get(0)
                        .path("flowArn")
                        .asText());
    }

    @Test
    void newSrtListenerIsMadeWhileTheChannelIsStopped() {
        ObjectNode fields =
                JsonNodeFactory.instance.objectNode().put("type", "SRT_CALLER").put("name", InputStubs.NAME);
        fields.putObject("srtSettings")
                .putArray("srtCallerSources")
                .addObject()
                .put("srtListenerAddress", "203.0.113.5")
                .put("srtListenerPort", "5000");
        String srt = fixture.aws.mediaLive().addInput(fields, TAGS);
        fixture.aws.mediaLive().remove(channel);
        channel = fixture.channel(srt, "RUNNING");
        Map<String, String> old = properties("SRT_CALLER", "SINGLE_PIPELINE", "PriSrtUrl", "srt://203.0.113.5:5000");

        Outcome outcome = update(srt, with(old, "PriSrtUrl", "srt://203.0.113.9:6000"), old, InputFixture.BUDGET);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("RUNNING", channelState());
    }

    @Test
    void anIdleChannelIsNotStartedByAnInputEdit() {
        fixture.aws.mediaLive().force(channel, "IDLE");

        Outcome outcome = update(with(PULL, "SecUrl", "https://backup2.example.com/live/main.m3u8"), PULL);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of(UPDATE), fixture.actions());
        assertEquals("IDLE", channelState());
    }

    @Test
    void unchangedSourcesLeaveTheChannelRunning() {
        Outcome outcome = update(PULL, PULL);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of(), fixture.actions());
        assertEquals("RUNNING", channelState());
    }

    @Test
    void newCidrRulesChangeWhileTheStreamStaysOnTheAir() {
        String group = fixture.group(TAGS);
        String push = fixture.pushInput(group, TAGS);
        fixture.aws.mediaLive().remove(channel);
        channel = fixture.channel(push, "RUNNING");

        Outcome outcome = update(
                push,
                properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"),
                properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"),
                InputFixture.BUDGET);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(List.of("MediaLive:UpdateInputSecurityGroup"), fixture.actions());
        assertEquals("RUNNING", channelState());
    }

    @Test
    void aBudgetTooShortForAStopAndAStartChangesNothing() {
        Outcome outcome = update(
                input,
                with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8"),
                PULL,
                Duration.ofSeconds(200));

        assertEquals(
                "changing input " + input + " needs channel " + channel + " stopped and started again, which "
                        + "can take 6 minutes, but only 200 s of this invocation are left; nothing was changed and the "
                        + "stream is still on the air",
                outcome.reason());
        assertEquals(List.of(), fixture.actions());
        assertEquals("RUNNING", channelState());
    }

    @Test
    void anEditMediaLiveRefusesStartsTheChannelAgainBeforeFailing() {
        fixture.aws.refuse(UPDATE, 1, 400, "BadRequestException", "Invalid source URL");

        Outcome outcome = update(with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8"), PULL);

        assertEquals(
                "MediaLive UpdateInput failed: 400 BadRequestException: Invalid source URL; channel " + channel
                        + " started again",
                outcome.reason());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("STARTING", channelState());
    }

    @Test
    void aStopThatOutlastsTheBudgetSaysTheChannelCouldNotBeStartedAgain() {
        fixture.aws.mediaLive().timings().channelStop = Duration.ofHours(1);

        Outcome outcome = update(with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8"), PULL);

        assertEquals(
                "timed out while waiting for channel " + channel + " to reach IDLE (last state STOPPING); "
                        + "could not start again " + channel + " (STOPPING): start it once it is IDLE",
                outcome.reason());
        assertEquals(List.of(STOP), fixture.actions(), "the input was not changed");
    }

    @Test
    void aRestartThatOutlastsTheBudgetNamesTheWaitAndLeavesTheChannelStarting() {
        fixture.aws.mediaLive().timings().channelStart = Duration.ofHours(1);

        Outcome outcome = update(with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8"), PULL);

        assertEquals(
                "timed out while waiting for channel " + channel + " to reach RUNNING (last state STARTING)",
                outcome.reason());
        assertEquals(List.of(STOP, UPDATE, START), fixture.actions());
        assertEquals("STARTING", channelState(), "started, so the stream comes back");
    }
}
