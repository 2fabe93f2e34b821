package com.amazonaws.livestreaming;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delete never decides from the form of an id: whatever it looks like, AWS is asked, and only AWS's "no such
 * thing" (404, or MediaLive's 400 for an id it never issues) makes it a success. Only the project's own NotCreated
 * marker skips the direct call, and even then what its Create made is searched for.
 */
class DeleteAsksAwsTest {
    @AutoClose
    private final AwsStandIn aws = new AwsStandIn();

    private Registry registry;

    @BeforeEach
    void start() {
        registry = Managers.standard(aws.clients());
    }

    private Outcome delete(String kind, String physicalId) {
        Request request = Requests.delete(kind, physicalId, Map.of());
        return new Dispatcher(() -> registry)
                .dispatch(
                        request,
                        Requests.invocation(Duration.ofSeconds(890), aws.clock())
                                .invocation());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "MediaLiveChannel, my-channel, MediaLive:DescribeChannel",
        "MediaLiveInput, arn:aws:medialive:us-east-1:1:input:1, MediaLive:DescribeInput",
        "MediaPackageChannel, demo stack/livestream, MediaPackage:ListOriginEndpoints",
        "MediaPackageEndpoint, demo-stack-livestream-hls?x, MediaPackage:DeleteOriginEndpoint"
    })
    void anIdOfAnyFormIsSentToAwsAndItsNotFoundIsSuccess(String kind, String physicalId, String firstCall) {
        Outcome outcome = delete(kind, physicalId);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(physicalId, outcome.physicalResourceId());
        assertEquals(firstCall, aws.calls().get(0));
    }

    @Test
    void mediaLivesBadRequestForAnIdItNeverIssuesMeansTheIdNamesNothing() {
        aws.refuse("MediaLive:DescribeChannel", 1, 400, "BadRequestException", "Invalid channel id: my/channel");

        Outcome outcome = delete("MediaLiveChannel", "my/channel");

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MediaLiveChannel, MediaLive:DescribeChannel",
        "MediaLiveInput, MediaLive:DescribeInput",
        "MediaPackageChannel, MediaPackage:ListOriginEndpoints",
        "MediaPackageEndpoint, MediaPackage:DeleteOriginEndpoint"
    })
    void anyOtherAnswerFailsTheDeleteWithTheServicesWords(String kind, String call) {
        aws.refuse(call, 1, 403, "ForbiddenException", "User is not authorized to perform this action");

        Outcome outcome = delete(kind, "1234567");

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                call.replace(':', ' ') + " failed: 403 ForbiddenException: User is not "
                        + "authorized to perform this action",
                outcome.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MediaLiveChannel", "MediaLiveInput", "MediaPackageChannel", "MediaPackageEndpoint", "DemoConsole"})
    void theMarkerOfAFailedCreateIsNeverSentToAws(String kind) {
        String marker = PhysicalIds.nothingCreated(Requests.create(kind, Map.of()));

        Outcome outcome = delete(kind, marker);

        assertEquals(Outcome.Status.SUCCESS, outcome.status(), outcome.reason());
        assertEquals(marker, outcome.physicalResourceId());
        assertEquals(
                0,
                aws.server()
                        .findAll(anyRequestedFor(urlMatching(".*NotCreated.*")))
                        .size());
        assertEquals(List.of(), aws.leftovers());
    }
}
