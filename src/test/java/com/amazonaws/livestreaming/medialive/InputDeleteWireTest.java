package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputFixture.OTHER_TAGS;
import static com.amazonaws.livestreaming.medialive.InputFixture.TAGS;
import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Delete against the MediaLive and SSM stand-ins: wait for DETACHED, delete, wait until gone, wait for the group to
 * be IDLE, delete it, drop the passwords; and when the id names nothing, what this stack resource left instead.
 */
class InputDeleteWireTest {
    private static final Map<String, String> PULL = InputStubs.primaryPull("secret-value");

    @AutoClose
    private final InputFixture fixture = new InputFixture();

    private Outcome delete(String id, Map<String, ?> properties) {
        return fixture.manager.delete(
                Requests.delete(KIND, id, properties), fixture.invocation().invocation());
    }

    private List<String> left() {
        return fixture.aws.leftovers();
    }

    @Test
    void deleteWaitsForTheChannelToLetGoThenRemovesInputThenIdleGroup() {
        String group = fixture.group(TAGS);
        String input = fixture.pushInput(group, TAGS);
        String channel = fixture.channel(input, "IDLE");
        fixture.aws.clients().mediaLive().deleteChannel(b -> b.channelId(channel));

        Outcome outcome = delete(input, properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"));

        assertEquals(Outcome.success(input), outcome);
        assertEquals(
                List.of("MediaLive:DeleteChannel", "MediaLive:DeleteInput", "MediaLive:DeleteInputSecurityGroup"),
                fixture.actions());
        assertEquals(List.of(), left());
    }

    @Test
    void deleteOfMissingInputAnswersSuccessAfterAskingMediaLive() {
        assertEquals(
                Outcome.success("1234567"),
                delete("1234567", properties("RTP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8")));
        assertEquals(
                List.of(
                        "MediaLive:DescribeInput",
                        "MediaLive:ListInputs",
                        "MediaLive:ListInputSecurityGroups",
                        "MediaLive:ListInputs",
                        "MediaLive:ListInputSecurityGroups"),
                fixture.aws.calls(),
                "leftovers, then what an earlier update gave up on");
    }

    @Test
    void deleteOfInputInDeletedStateAnswersSuccess() {
        String input = fixture.pullInput(TAGS, null, null);
        fixture.aws.clients().mediaLive().deleteInput(b -> b.inputId(input));
        fixture.aws.clock().advance(Duration.ofSeconds(10));

        assertEquals(Outcome.success(input), delete(input, Map.of()));
        assertEquals("DELETED", fixture.aws.mediaLive().inputState(input));
        assertEquals(List.of("MediaLive:DeleteInput"), fixture.actions());
    }

    @Test
    void inputThatVanishesBeforeDeleteInputIsStillSuccess() {
        String group = fixture.group(TAGS);
        String input = fixture.pushInput(group, TAGS);
        fixture.aws.onNext(
                "MediaLive:DeleteInput", () -> fixture.aws.mediaLive().remove(input));

        assertEquals(Outcome.success(input), delete(input, Map.of()));
        assertEquals(List.of(), left());
    }

    @Test
    void securityGroupAlreadyDeletedIsSuccess() {
        String group = fixture.group(TAGS);
        String input = fixture.pushInput(group, TAGS);
        fixture.aws.onNext(
                "MediaLive:DeleteInputSecurityGroup",
                () -> fixture.aws.mediaLive().remove(group));

        assertEquals(Outcome.success(input), delete(input, Map.of()));
        assertEquals(List.of(), left());
    }

    @Test
    void securityGroupMadeForAnotherResourceIsLeftAlone() {
        String group = fixture.group(InputFixture.withTag(TAGS, Ownership.LOGICAL_ID, "SomeoneElsesInput"));
        String input = fixture.pushInput(group, TAGS);

        assertEquals(Outcome.success(input), delete(input, Map.of()));
        assertEquals(List.of("MediaLive input security group " + group + " (IDLE)"), left());
    }

    @Test
    void deleteOfPullInputRemovesBothPasswordParameters() {
        fixture.aws.ssm().put(PRIMARY_PARAM, "p1");
        fixture.aws.ssm().put(SECONDARY_PARAM, "p2");
        String input = fixture.pullInput(TAGS, PRIMARY_PARAM, SECONDARY_PARAM);

        assertEquals(Outcome.success(input), delete(input, Map.of()));

        assertEquals(List.of("MediaLive:DeleteInput", "Ssm:DeleteParameter", "Ssm:DeleteParameter"), fixture.actions());
        assertEquals(List.of(), left());
    }

    @Test
    void passwordsTheReplacementInputReadsAreKept() {
        fixture.aws.ssm().put(PRIMARY_PARAM, "p1");
        fixture.aws.ssm().put(SECONDARY_PARAM, "p2");
        String input = fixture.pullInput(TAGS, PRIMARY_PARAM, SECONDARY_PARAM);
        String replacement = fixture.pullInput(OTHER_TAGS, PRIMARY_PARAM, null);

        assertEquals(Outcome.success(input), delete(input, Map.of()));

        assertEquals(
                List.of("MediaLive input " + replacement + " (DETACHED)", "SSM parameter " + PRIMARY_PARAM), left());
    }

    @Test
    void passwordParameterAlreadyGoneIsSuccess() {
        String input = fixture.pullInput(TAGS, PRIMARY_PARAM, null);

        assertEquals(Outcome.success(input), delete(input, Map.of()));
        assertEquals(List.of("MediaLive:DeleteInput", "Ssm:DeleteParameter"), fixture.actions());
    }

    @Test
    void inputAlreadyGoneStillRemovesThePasswordsItsPropertiesHad() {
        fixture.aws.ssm().put(PRIMARY_PARAM, "p1");

        assertEquals(Outcome.success("1234567"), delete("1234567", PULL));

        assertEquals(List.of(), left());
    }

    @Test
    void retriedDeleteAfterTheInputIsGoneStillRemovesTheSecurityGroupItLeftBehind() {
        String leftBehind = fixture.group(OTHER_TAGS);
        String input = fixture.pushInput(leftBehind, TAGS);
        fixture.aws.clients().mediaLive().deleteInput(b -> b.inputId(input));
        fixture.aws.clock().advance(Duration.ofSeconds(10));
        String replacements = fixture.group(OTHER_TAGS);
        String replacement = fixture.pushInput(replacements, OTHER_TAGS);
        String channel = fixture.channel(replacement, "RUNNING");
        String otherResources = fixture.group(InputFixture.withTag(TAGS, Ownership.LOGICAL_ID, "SomeoneElsesInput"));

        assertEquals(Outcome.success(input), delete(input, properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8")));

        assertEquals(
                List.of(
                        "MediaLive channel " + channel + " (RUNNING)",
                        "MediaLive input " + replacement + " (ATTACHED)",
                        "MediaLive input security group " + replacements + " (IN_USE)",
                        "MediaLive input security group " + otherResources + " (IDLE)"),
                left());
    }

    @Test
    void attachedInputThatNeverDetachesTimesOutNamingItsState() {
        String input = fixture.pullInput(TAGS, null, null);
        fixture.channel(input, "RUNNING");
        var captured = fixture.invocation(Duration.ofSeconds(60));

        OutOfTimeException e = assertThrows(
                OutOfTimeException.class,
                () -> fixture.manager.delete(Requests.delete(KIND, input, Map.of()), captured.invocation()));

        assertEquals(
                "timed out while waiting for input " + input + " to reach DETACHED (last state ATTACHED)",
                e.getMessage());
        assertEquals(
                "waiting for input " + input + " to reach DETACHED (last state ATTACHED)",
                captured.invocation().currentStep());
        assertEquals(List.of(), fixture.actions());
    }

    @Test
    void securityGroupThatStaysInUseTimesOutNamingItsState() {
        String group = fixture.group(TAGS);
        String input = fixture.pushInput(group, TAGS);
        fixture.pushInput(group, Map.of());

        OutOfTimeException e = assertThrows(
                OutOfTimeException.class,
                () -> fixture.manager.delete(
                        Requests.delete(KIND, input, Map.of()),
                        fixture.invocation(Duration.ofSeconds(60)).invocation()));

        assertEquals(
                "timed out while waiting for input security group " + group + " to reach IDLE (last state " + "IN_USE)",
                e.getMessage());
    }

    // ---- ids that name nothing: what this stack resource left ----

    @Test
    void deleteOfAnIdCloudFormationMadeUpRemovesTheInputGroupAndPasswordsThisResourceLeft() {
        fixture.aws.ssm().put(PRIMARY_PARAM, "p1");
        String orphan = fixture.pullInput(TAGS, PRIMARY_PARAM, null);

        Outcome outcome = delete("demo-stack-ResourceMediaLiveInput-ABCDEFGHIJKL", PULL);

        assertEquals(Outcome.success("demo-stack-ResourceMediaLiveInput-ABCDEFGHIJKL"), outcome);
        assertEquals("DELETED", fixture.aws.mediaLive().inputState(orphan));
        assertEquals(List.of(), left());
    }

    @Test
    void leftoverSearchKeepsAnInputOfAnotherTypeAndOneAChannelUses() {
        String replacement = fixture.pushInput(fixture.group(OTHER_TAGS), OTHER_TAGS);
        String inUse = fixture.pullInput(OTHER_TAGS, null, null);
        String channel = fixture.channel(inUse, "RUNNING");

        assertEquals(Outcome.success("1234567"), delete("1234567", PULL));

        assertEquals(
                List.of(
                        "MediaLive channel " + channel + " (RUNNING)",
                        "MediaLive input " + replacement + " (DETACHED)",
                        "MediaLive input " + inUse + " (ATTACHED)",
                        "MediaLive input security group 7654321 (IN_USE)"),
                left());
    }

    @Test
    void markerDeleteRemovesOnlyWhatItsCreateRequestMade() {
        String made = fixture.pushInput(fixture.group(TAGS), TAGS);
        String other = fixture.pullInput(OTHER_TAGS, null, null);
        Request create = Requests.create(KIND, Map.of());
        String marker = PhysicalIds.nothingCreated(create);

        Outcome outcome = delete(marker, properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8"));

        assertEquals(Outcome.success(marker), outcome);
        assertEquals("DELETED", fixture.aws.mediaLive().inputState(made));
        assertEquals(List.of("MediaLive input " + other + " (DETACHED)"), left());
        assertEquals(
                0,
                fixture.aws
                        .server()
                        .findAll(anyRequestedFor(urlMatching(".*NotCreated.*")))
                        .size(),
                "the marker itself is never sent to MediaLive");
    }
}
