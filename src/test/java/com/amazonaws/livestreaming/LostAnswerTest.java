package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.ChannelProperties;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Create succeeded but its answer never reached CloudFormation (the ResponseURL refused it). CloudFormation fails
 * the resource after ServiceTimeout and sends a Delete whose PhysicalResourceId it made up itself. That Delete must
 * still remove what the Create made, found by this stack resource's tags, in the right order, so nothing is left:
 * no running channel holding its input, no MediaPackage channel blocking the next stack of the same name, no input
 * security group or password parameter.
 */
@Timeout(120)
class LostAnswerTest {
    private static final Map<String, String> MP_CHANNEL = Map.of();
    private static final Map<String, String> HLS = Map.of("ChannelId", "demo-stack-livestream", "EndPoint", "HLS");
    private static final Map<String, String> PUSH =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.7/32");
    private static final Map<String, String> PULL = Map.of(
            "Type",
            "URL_PULL",
            "ChannelClass",
            "SINGLE_PIPELINE",
            "PriUrl",
            "https://origin.example.com/live/main.m3u8",
            "PriUser",
            "puller",
            "PriPass",
            "pull-secret");

    @AutoClose
    private final StackEvents stack = new StackEvents();

    private final AwsStandIn aws = stack.aws();

    /** The id CloudFormation gives a resource it never heard from. */
    private static String madeUp(String logicalId) {
        return "demo-stack-" + logicalId + "-ABCDEFGHIJKL";
    }

    private static void assertSuccess(JsonNode answer) {
        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
    }

    private static Map<String, String> channel(String inputId) {
        return ChannelProperties.of(inputId, "RTMP_PUSH", "540p", "SINGLE_PIPELINE", "Yes");
    }

    @Test
    void aRunningChannelWhoseAnswerWasLostIsStoppedAndDeletedSoTheRollbackLeavesNothing() {
        String mpChannel = stack.create("MediaPackageChannel", "MediaPackageChannel", MP_CHANNEL)
                .path("PhysicalResourceId")
                .asText();
        String hls = stack.create("MediaPackageEndpoint", "HlsEndpoint", HLS)
                .path("PhysicalResourceId")
                .asText();
        String input = stack.create("MediaLiveInput", "Input", PUSH)
                .path("PhysicalResourceId")
                .asText();
        stack.loseAnswers();
        stack.create("MediaLiveChannel", "Channel", channel(input));
        assertEquals("RUNNING", aws.mediaLive().channelState("1234567"));

        assertSuccess(stack.delete("MediaLiveChannel", "Channel", madeUp("Channel"), channel(input)));
        assertSuccess(stack.delete("MediaLiveInput", "Input", input, PUSH));
        assertSuccess(stack.delete("MediaPackageEndpoint", "HlsEndpoint", hls, HLS));
        assertSuccess(stack.delete("MediaPackageChannel", "MediaPackageChannel", mpChannel, MP_CHANNEL));

        assertEquals("DELETED", aws.mediaLive().channelState("1234567"));
        assertEquals(List.of(), aws.leftovers());
    }

    @Test
    void aMediaPackageChannelWhoseAnswerWasLostIsDeletedSoANewStackCanTakeItsId() {
        stack.loseAnswers();
        stack.create("MediaPackageChannel", "MediaPackageChannel", MP_CHANNEL);

        assertSuccess(
                stack.delete("MediaPackageChannel", "MediaPackageChannel", madeUp("MediaPackageChannel"), MP_CHANNEL));

        assertEquals(List.of(), aws.leftovers());
    }

    @Test
    void anEndpointWhoseAnswerWasLostIsDeleted() {
        String mpChannel = stack.create("MediaPackageChannel", "MediaPackageChannel", MP_CHANNEL)
                .path("PhysicalResourceId")
                .asText();
        stack.loseAnswers();
        stack.create("MediaPackageEndpoint", "HlsEndpoint", HLS);

        assertSuccess(stack.delete("MediaPackageEndpoint", "HlsEndpoint", madeUp("HlsEndpoint"), HLS));

        assertEquals(List.of("MediaPackage channel " + mpChannel), aws.leftovers());
    }

    @Test
    void aPushInputWhoseAnswerWasLostIsDeletedWithItsSecurityGroup() {
        stack.loseAnswers();
        stack.create("MediaLiveInput", "Input", PUSH);

        assertSuccess(stack.delete("MediaLiveInput", "Input", madeUp("Input"), PUSH));

        assertEquals(List.of(), aws.leftovers());
    }

    @Test
    void aPullInputWhoseAnswerWasLostIsDeletedWithItsPasswordParameter() {
        stack.loseAnswers();
        stack.create("MediaLiveInput", "Input", PULL);
        assertEquals(List.of("/demo-stack/medialive/Input/primary"), aws.ssm().names());

        assertSuccess(stack.delete("MediaLiveInput", "Input", madeUp("Input"), PULL));

        assertEquals(List.of(), aws.leftovers());
    }

    @Test
    void theDeleteOfAGoneIdKeepsTheChannelThatReplacedIt() {
        String pushInput = stack.create("MediaLiveInput", "Input", PUSH)
                .path("PhysicalResourceId")
                .asText();
        Map<String, String> single = channel(pushInput);
        String old = stack.create("MediaLiveChannel", "Channel", single)
                .path("PhysicalResourceId")
                .asText();
        String pullInput = stack.create(
                        "MediaLiveInput",
                        "PullInput",
                        Map.of(
                                "Type",
                                "URL_PULL",
                                "ChannelClass",
                                "STANDARD",
                                "PriUrl",
                                "https://origin.example.com/a.m3u8",
                                "SecUrl",
                                "https://origin.example.com/b.m3u8"))
                .path("PhysicalResourceId")
                .asText();
        // an earlier version of the function replaced the channel when its class changed
        Map<String, String> tags = new java.util.LinkedHashMap<>(Map.of(
                Ownership.STACK_ID,
                Requests.STACK_ID,
                Ownership.LOGICAL_ID,
                "Channel",
                Ownership.REQUEST_ID,
                "update-request"));
        String replacement = aws.mediaLive().addChannel("STANDARD", "RUNNING", pullInput, tags);
        aws.mediaLive().remove(old);

        assertSuccess(stack.delete("MediaLiveChannel", "Channel", old, single));

        assertEquals("RUNNING", aws.mediaLive().channelState(replacement), "the replacement has another class");
    }
}
