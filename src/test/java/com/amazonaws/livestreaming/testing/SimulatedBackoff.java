package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.aws.CallTiming;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The clients' production backoff, on a {@link SimulatedClock}: before each retry the clock moves by the wait
 * production would make, and the SDK retries at once. A throttled call then costs the invocation's budget what it
 * would cost on AWS, and a test no real time.
 */
public final class SimulatedBackoff {
    private SimulatedBackoff() {}

    /** Production backoff on {@code clock}, with attempts given up after {@code attemptTimeout} (real time). */
    public static CallTiming on(SimulatedClock clock, Duration attemptTimeout) {
        return new CallTiming(
                attemptTimeout,
                advancing(clock, CallTiming.PRODUCTION.backoff()),
                advancing(clock, CallTiming.PRODUCTION.throttlingBackoff()),
                null);
    }

    private static BackoffStrategy advancing(SimulatedClock clock, BackoffStrategy production) {
        return attempt -> {
            clock.advance(production.computeDelay(attempt));
            return Duration.ZERO;
        };
    }
}
