package com.amazonaws.livestreaming.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.FailureReason;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.SimulatedBackoff;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** How the clients retry: what is retried, how often, and what a call that still fails says. */
class ClientRetriesTest {
    private static final String LIST = "MediaLive:ListChannels";
    private final SimulatedClock clock = new SimulatedClock();
    private final AwsStandIn aws =
            new AwsStandIn(clock, 3, Duration.ofSeconds(5), SimulatedBackoff.on(clock, Duration.ofSeconds(2)));

    @BeforeEach
    void start() {
        aws.warmUp();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private void listChannels() {
        aws.clients().mediaLive().listChannels(b -> {});
    }

    @Test
    void anAttemptWhoseAnswerIsSlowerThanTheAttemptTimeoutIsRetried() {
        aws.answerLate(LIST, Duration.ofSeconds(3));

        listChannels();

        assertEquals(2, aws.served().size(), "the slow attempt, then one that was answered: " + aws.served());
    }

    @Test
    void aThrottledCallIsStillRetriedAfterAStormOfFailedRetries() {
        aws.refuseFrom(LIST, 0, AwsStandIn.refusal(LIST, 429, "TooManyRequestsException", "Too Many Requests"));
        for (int i = 0; i < 60; i++) {
            assertThrows(SdkException.class, this::listChannels); // 120 failed retries: the SDK's breaker trips at 100
        }
        aws.clearFaults();
        aws.forgetCalls();
        aws.refuse(LIST, 2, 429, "TooManyRequestsException", "Too Many Requests");

        listChannels();

        assertEquals(3, aws.served().size(), "two throttled attempts, then the one answered: " + aws.served());
    }

    @Test
    void theBackoffBetweenThrottledAttemptsCountsOnTheClock() {
        aws.refuse(LIST, 2, 429, "TooManyRequestsException", "Too Many Requests");
        long before = clock.nanoTime();

        listChannels();

        assertTrue(clock.since(before).compareTo(Duration.ZERO) > 0, "waited " + clock.since(before));
    }

    @Test
    void aCallThatStillFailsIsNamedWithTheServicesAnswer() {
        aws.refuseFrom(LIST, 0, AwsStandIn.refusal(LIST, 500, "InternalServerErrorException", "Internal failure"));

        SdkException failure = assertThrows(SdkException.class, this::listChannels);

        assertEquals(
                "MediaLive ListChannels failed: 500 InternalServerErrorException: Internal failure",
                FailureReason.of(failure));
        assertEquals(3, aws.served().size());
    }
}
