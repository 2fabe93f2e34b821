package com.amazonaws.livestreaming.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** No AWS call outlives the time its invocation has left, however long the client itself would wait. */
class CallTimeLimitTest {
    private final AwsStandIn aws = new AwsStandIn(new SimulatedClock(), 1);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aCallIsCutOffWhenTheInvocationsTimeIsUp() {
        Invocation invocation =
                Requests.invocation(Duration.ofMillis(1500), aws.clock()).invocation();
        aws.answerLate("MediaLive:ListChannels", Duration.ofSeconds(15));
        long started = System.nanoTime();

        assertThrows(
                ApiCallTimeoutException.class,
                () -> invocation.runAs(() -> aws.clients().mediaLive().listChannels(b -> {})));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the call took " + took);
    }

    @Test
    void noCallStartsOnceTheInvocationsTimeIsUp() {
        Invocation invocation = Requests.invocation(Duration.ZERO, aws.clock()).invocation();

        OutOfTimeException refused = assertThrows(
                OutOfTimeException.class,
                () -> invocation.runAs(() -> aws.clients().mediaLive().listChannels(b -> {})));

        assertTrue(
                refused.getMessage().startsWith("timed out while calling MediaLive ListChannels"),
                refused.getMessage());
        assertTrue(aws.served().isEmpty(), String.valueOf(aws.served()));
    }
}
