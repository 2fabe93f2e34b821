package com.amazonaws.livestreaming.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The one bounded poll, on a simulated clock: what it waits for, how long, and what it says when it gives up. */
class PollerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final SimulatedClock clock = new SimulatedClock();

    private Invocation invocation(Duration budget) {
        return Requests.invocation(budget, clock).invocation();
    }

    /** Answers the given states in turn (the last one forever); null throws the next queued error instead. */
    private static Supplier<String> answers(Deque<RuntimeException> errors, String... states) {
        Deque<String> queue = new ArrayDeque<>(List.of(states));
        return () -> {
            String state = queue.size() > 1 ? queue.poll() : queue.peek();
            if ("!".equals(state)) {
                throw errors.poll();
            }
            return state;
        };
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .serviceName("MediaLive")
                        .errorCode(code)
                        .errorMessage("no")
                        .build())
                .build();
    }

    private String await(Invocation invocation, Supplier<String> probe) {
        return Poller.await(invocation, "channel 1234567", "reach RUNNING", INTERVAL, probe, s -> s, "RUNNING"::equals);
    }

    @Test
    void pollsAtTheIntervalUntilTheGoalIsReached() {
        long start = clock.nanoTime();

        String state = await(invocation(Duration.ofMinutes(5)), answers(null, "STARTING", "STARTING", "RUNNING"));

        assertEquals("RUNNING", state);
        assertEquals(Duration.ofSeconds(10), clock.since(start));
    }

    @Test
    void theStepIsNamedBeforeTheFirstCall() {
        Invocation invocation = invocation(Duration.ofMinutes(5));

        await(invocation, () -> {
            assertEquals("waiting for channel 1234567 to reach RUNNING", invocation.currentStep());
            return "RUNNING";
        });
    }

    @Test
    void runningOutOfTimeNamesTheGoalAndTheLastState() {
        OutOfTimeException e = assertThrows(
                OutOfTimeException.class, () -> await(invocation(Duration.ofSeconds(30)), answers(null, "STARTING")));

        assertEquals(
                "timed out while waiting for channel 1234567 to reach RUNNING (last state STARTING)", e.getMessage());
    }

    @Test
    void throttlingAndServerErrorsKeepItPollingWithBackoff() {
        Deque<RuntimeException> errors =
                new ArrayDeque<>(List.of(error(429, "TooManyRequestsException"), error(503, "ServiceUnavailable")));
        long start = clock.nanoTime();

        String state = await(invocation(Duration.ofMinutes(5)), answers(errors, "STARTING", "!", "!", "RUNNING"));

        assertEquals("RUNNING", state);
        assertEquals(Duration.ofSeconds(5 + 10 + 20), clock.since(start), "5 s, then 10 s and 20 s of backoff");
    }

    @Test
    void anyOtherRefusalEndsTheWaitAtOnce() {
        Deque<RuntimeException> errors = new ArrayDeque<>(List.of(error(403, "ForbiddenException")));

        AwsServiceException e = assertThrows(
                AwsServiceException.class, () -> await(invocation(Duration.ofMinutes(5)), answers(errors, "!")));

        assertEquals(403, e.statusCode());
    }

    @Test
    void aDeadEndTheProbeReportsEndsTheWaitAtOnce() {
        ResourceFailure e = assertThrows(
                ResourceFailure.class,
                () -> await(invocation(Duration.ofMinutes(5)), () -> {
                    throw new ResourceFailure("channel 1234567 went back to IDLE");
                }));

        assertEquals("channel 1234567 went back to IDLE", e.getMessage());
    }
}
