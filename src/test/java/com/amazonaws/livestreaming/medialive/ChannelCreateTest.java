package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelCreateTest {
    private WireMockAws wire;
    private MediaLiveStubs stubs;
    private ChannelManager manager;

    @BeforeEach
    void start() {
        wire = new WireMockAws();
        stubs = new MediaLiveStubs(wire);
        manager = new ChannelManager(wire.clients().mediaLive(), TestProfiles.loader(), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    private static Request create(String... overrides) {
        return Requests.create(ChannelManager.KIND, properties(overrides));
    }

    @Test
    void createWithoutStartWaitsUntilTheChannelIsIdle() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "CREATING", "CREATING", "IDLE");
        var invocation = Requests.invocation();

        Outcome outcome = manager.create(create(), invocation.invocation());

        assertTrue(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(Map.of("ChannelId", CHANNEL_ID, "Arn", MediaLiveStubs.arn(CHANNEL_ID), "State", "IDLE"),
                outcome.data());
        assertEquals(List.of("MediaLive:ListChannels", "MediaLive:CreateChannel", "MediaLive:DescribeChannel",
                "MediaLive:DescribeChannel", "MediaLive:DescribeChannel"), wire.calls());
    }

    @Test
    void createWithStartAnswersOnlyOnceTheChannelIsRunning() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.startReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "CREATING", "IDLE", "STARTING", "STARTING", "RUNNING");

        Outcome outcome = manager.create(create("Start", "Yes"), Requests.invocation().invocation());

        assertEquals("RUNNING", outcome.data().get("State"));
        assertEquals(List.of("MediaLive:ListChannels", "MediaLive:CreateChannel", "MediaLive:DescribeChannel",
                "MediaLive:DescribeChannel", "MediaLive:StartChannel", "MediaLive:DescribeChannel",
                "MediaLive:DescribeChannel", "MediaLive:DescribeChannel"), wire.calls());
    }

    @Test
    void createRecordsTheChannelIdAsSoonAsTheChannelExists() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "CREATE_FAILED");
        var invocation = Requests.invocation();

        Outcome outcome = MediaLiveStubs.dispatch(manager, create(), invocation.invocation());

        assertFalse(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId(), "the rollback Delete must find the failed channel");
        assertEquals("MediaLive could not create channel 1234567 (CREATE_FAILED); its alerts in the MediaLive "
                + "console say why", outcome.reason());
    }

    @Test
    void createThatFailsGivesMediaLivesOwnAlertsAsTheReason() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "CREATE_FAILED");
        wire.server().stubFor(get(urlPathEqualTo("/prod/channels/" + CHANNEL_ID + "/alerts"))
                .withQueryParam("stateFilter", equalTo("SET"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"alerts": [
                          {"id": "a1", "alertType": "Resource Allocation Failure", "state": "SET",
                           "message": "Not enough capacity in us-east-1a", "pipelineId": "0",
                           "setTimestamp": "2026-11-24T18:00:01Z"},
                          {"id": "a2", "alertType": "Role Permissions", "state": "SET",
                           "message": "MediaLive cannot assume the role", "pipelineId": "1",
                           "setTimestamp": "2026-11-24T18:00:05Z"}
                        ]}""")));

        Outcome outcome = MediaLiveStubs.dispatch(manager, create(), Requests.invocation().invocation());

        assertEquals("MediaLive could not create channel 1234567 (CREATE_FAILED); MediaLive says: Role Permissions:"
                + " MediaLive cannot assume the role; Resource Allocation Failure: Not enough capacity in us-east-1a",
                outcome.reason());
    }

    @Test
    void createRefusedByMediaLiveNamesEachValidationError() {
        stubs.noChannels();
        wire.server().stubFor(post(urlPathEqualTo("/prod/channels")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "UnprocessableEntityException")
                .withBody("""
                        {"message":"Failed to create channel: Validation errors",
                         "validationErrors":[{"elementPath":"/roleArn",
                           "errorMessage":"Role arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole cannot be assumed"}]}
                        """)));
        var invocation = Requests.invocation();
        Request request = create();

        Outcome outcome = MediaLiveStubs.dispatch(manager, request, invocation.invocation());

        assertEquals("MediaLive refused the channel: Failed to create channel: Validation errors (/roleArn: Role "
                + "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole cannot be assumed)", outcome.reason());
        assertEquals(PhysicalIds.nothingCreated(request), outcome.physicalResourceId());
    }

    @Test
    void startThatFallsBackToIdleFailsWithTheChannelId() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.startReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "IDLE", "STARTING", "IDLE");

        Outcome outcome = MediaLiveStubs.dispatch(manager, create("Start", "Yes"), Requests.invocation().invocation());

        assertFalse(outcome.succeeded());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertTrue(outcome.reason().startsWith("MediaLive could not start channel 1234567: it went back to IDLE"),
                outcome.reason());
    }

    @Test
    void repeatedCreateReusesTheChannelTheFirstAttemptMade() {
        Map<String, String> otherRequest = new LinkedHashMap<>(MediaLiveStubs.ourTags());
        otherRequest.put("LiveStreaming:RequestId", "another-request");
        stubs.listChannels(
                List.of(MediaLiveStubs.channel("1111111", "RUNNING", "STANDARD", Map.of("Owner", "someone-else")),
                        MediaLiveStubs.channel("2222222", "IDLE", "STANDARD", otherRequest)),
                List.of(MediaLiveStubs.channel(CHANNEL_ID, "CREATING", "STANDARD", MediaLiveStubs.ourTags())));
        stubs.describeWalks(CHANNEL_ID, "CREATING", "IDLE");
        var invocation = Requests.invocation();

        Outcome outcome = manager.create(create(), invocation.invocation());

        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
        assertEquals(CHANNEL_ID, invocation.invocation().madePhysicalId());
        assertEquals(List.of("MediaLive:ListChannels", "MediaLive:ListChannels", "MediaLive:DescribeChannel",
                "MediaLive:DescribeChannel"), wire.calls(), "no second CreateChannel");
    }

    @Test
    void timeoutNamesTheStateTheChannelIsStuckIn() {
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.startReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "IDLE", "STARTING");
        var invocation = Requests.invocation(Duration.ofMillis(1500));

        Outcome outcome = MediaLiveStubs.dispatch(manager, create("Start", "Yes"), invocation.invocation());

        assertEquals("timed out while waiting for channel 1234567 to be RUNNING (it is STARTING)", outcome.reason());
        assertEquals(CHANNEL_ID, outcome.physicalResourceId());
    }

    @Test
    void throttledDescribeIsRetriedBySdk() {
        try (WireMockAws patient = new WireMockAws(4)) {
            MediaLiveStubs throttled = new MediaLiveStubs(patient);
            throttled.noChannels();
            throttled.createReturns(CHANNEL_ID);
            patient.server().stubFor(get(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                    .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                    .willReturn(MediaLiveStubs.error(429, "TooManyRequestsException", "Too many requests")));
            patient.server().stubFor(get(urlPathEqualTo("/prod/channels/" + CHANNEL_ID))
                    .inScenario("throttled").whenScenarioStateIs("answered")
                    .willReturn(MediaLiveStubs.json(200,
                            MediaLiveStubs.channel(CHANNEL_ID, "IDLE", "STANDARD", MediaLiveStubs.ourTags()))));
            ChannelManager patientManager = new ChannelManager(patient.clients().mediaLive(), TestProfiles.loader(),
                    Duration.ofMillis(10));

            Outcome outcome = patientManager.create(create(), Requests.invocation().invocation());

            assertEquals("IDLE", outcome.data().get("State"));
            assertEquals(1, patient.calls().stream().filter("MediaLive:DescribeChannel"::equals).count());
            patient.server().verify(2, getRequestedFor(urlPathEqualTo("/prod/channels/" + CHANNEL_ID)));
        }
    }

    @Test
    void unknownProfileFailsBeforeAnyCallToMediaLive() {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class,
                () -> manager.create(create("EncodingProfile", "4k"), Requests.invocation().invocation()));

        assertEquals("EncodingProfile", e.property());
        assertEquals(List.of(), wire.calls());
    }
}
