package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Create against the MediaLive stand-in: CREATING for 5 s, and with Start: Yes, STARTING for 90 s. */
class ChannelCreateTest {
    private static final String CHANNEL_ID = "1234567";

    @AutoClose
    private final ChannelFixture fixture = new ChannelFixture();

    private static Request create(String... overrides) {
        return Requests.create(ChannelManager.KIND, properties(overrides));
    }

    @Test
    void createWithoutStartWaitsUntilTheChannelIsIdle() {
        Outcome outcome = fixture.manager.create(create(), fixture.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(
                Map.of("ChannelId", CHANNEL_ID, "Arn", MediaLiveStubs.arn(CHANNEL_ID), "State", "IDLE"),
                outcome.data());
        assertEquals(List.of("MediaLive:ListChannels", "MediaLive:CreateChannel"), fixture.actions());
        assertEquals("IDLE", fixture.aws.mediaLive().channelState(CHANNEL_ID));
        assertEquals(
                MediaLiveStubs.ourTags(),
                MediaLiveStubs.tagsOf(fixture.aws.mediaLive().describeChannel(CHANNEL_ID)));
    }

    @Test
    void createWithStartAnswersOnlyOnceTheChannelIsRunning() {
        Outcome outcome = fixture.manager.create(
                create("Start", "Yes"), fixture.invocation().invocation());

        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(
                List.of("MediaLive:ListChannels", "MediaLive:CreateChannel", "MediaLive:StartChannel"),
                fixture.actions());
        assertEquals("RUNNING", fixture.aws.mediaLive().channelState(CHANNEL_ID));
    }

    @Test
    void createRecordsTheChannelIdAsSoonAsTheChannelExists() {
        fixture.aws.mediaLive().createFails("Resource Allocation Failure", "Not enough capacity");

        Outcome outcome = fixture.dispatch(create());

        assertFalse(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId(), "the rollback Delete must find the failed channel");
    }

    @Test
    void createThatFailsGivesMediaLivesOwnAlertsAsTheReason() {
        fixture.aws.mediaLive().createFails("Role Permissions", "MediaLive cannot assume the role");

        Outcome outcome = fixture.dispatch(create());

        assertEquals(
                "MediaLive could not create channel 1234567 (CREATE_FAILED); MediaLive says: Role Permissions:"
                        + " MediaLive cannot assume the role",
                outcome.reason());
    }

    @Test
    void createRefusedByMediaLiveNamesEachValidationError() {
        fixture.aws
                .server()
                .stubFor(post(urlPathEqualTo("/prod/channels"))
                        .willReturn(aResponse()
                                .withStatus(422)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("x-amzn-ErrorType", "UnprocessableEntityException")
                                .withBody("""
                        {"message":"Failed to create channel: Validation errors",
                         "validationErrors":[{"elementPath":"/roleArn",
                           "errorMessage":"Role arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole cannot be assumed"}]}
                        """)));
        Request request = create();

        Outcome outcome = fixture.dispatch(request);

        assertEquals(
                "MediaLive refused the channel: Failed to create channel: Validation errors (/roleArn: Role "
                        + "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole cannot be assumed)",
                outcome.reason());
        assertEquals(PhysicalIds.nothingCreated(request), outcome.physicalResourceId());
    }

    @Test
    void createOfAChannelWhoseInputIsMissingIsRefusedWithMediaLivesReason() {
        Outcome outcome = fixture.dispatch(create("InputId", "9999999"));

        assertEquals(
                "MediaLive refused the channel: Validation errors (/inputAttachments/0/inputId: Input 9999999 "
                        + "does not exist)",
                outcome.reason());
        assertEquals(List.of(), fixture.aws.mediaLive().channelIds());
    }

    @Test
    void startThatFallsBackToIdleFailsWithTheChannelId() {
        fixture.aws.mediaLive().startFails("Input Failure", "No input");

        Outcome outcome = fixture.dispatch(create("Start", "Yes"));

        assertFalse(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(
                "MediaLive could not start channel 1234567: it went back to IDLE; MediaLive says: Input "
                        + "Failure: No input",
                outcome.reason());
    }

    @Test
    void repeatedCreateReusesTheChannelTheFirstAttemptMade() {
        Map<String, String> otherRequest = new LinkedHashMap<>(MediaLiveStubs.ourTags());
        otherRequest.put("LiveStreaming:RequestId", "another-request");
        String otherInput = fixture.input();
        fixture.aws.mediaLive().addChannel("STANDARD", "RUNNING", fixture.input(), Map.of("Owner", "someone-else"));
        fixture.aws.mediaLive().addChannel("STANDARD", "IDLE", otherInput, otherRequest);
        String first =
                fixture.aws.mediaLive().addChannel("STANDARD", "CREATING", fixture.inputId, MediaLiveStubs.ourTags());
        fixture.aws.mediaLive().pageSize(2);
        var invocation = fixture.invocation();

        Outcome outcome = fixture.manager.create(create(), invocation.invocation());

        assertEquals(first, outcome.physicalResourceId());
        assertEquals(first, invocation.invocation().madePhysicalId());
        assertEquals(
                List.of("MediaLive:ListChannels", "MediaLive:ListChannels"),
                fixture.actions(),
                "both pages read, and no second CreateChannel");
    }

    @Test
    void timeoutNamesTheStateTheChannelIsStuckIn() {
        fixture.aws.mediaLive().timings().channelStart = Duration.ofHours(1);

        Outcome outcome = MediaLiveStubs.dispatch(
                fixture.manager,
                create("Start", "Yes"),
                fixture.invocation(Duration.ofSeconds(300)).invocation());

        assertEquals(
                "timed out while waiting for channel 1234567 to reach RUNNING (last state STARTING)", outcome.reason());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
    }

    @Test
    void throttledDescribeIsRetriedBySdk() {
        fixture.aws.refuse("MediaLive:DescribeChannel", 1, 429, "TooManyRequestsException", "Too many requests");

        Outcome outcome = fixture.manager.create(create(), fixture.invocation().invocation());

        assertEquals("IDLE", outcome.data().get("State"));
        assertEquals(
                fixture.count("MediaLive:DescribeChannel") + 1,
                fixture.aws.served().stream()
                        .filter("MediaLive:DescribeChannel"::equals)
                        .count(),
                "one call answered on its second attempt");
    }

    @Test
    void unknownProfileFailsBeforeAnyCallToMediaLive() {
        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class,
                () -> fixture.manager.create(
                        create("EncodingProfile", "4k"), fixture.invocation().invocation()));

        assertEquals("EncodingProfile", e.property());
        assertEquals(List.of(), fixture.calls());
    }
}
