package com.amazonaws.livestreaming.aws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How long one attempt of an AWS call may go unanswered before the SDK gives up on it and tries again, and how long
 * the SDK waits between attempts. Without an attempt timeout a call whose answer is slow would wait for the socket
 * timeout and then count against the whole call's timeout, so one slow answer could fail a stack; with it, a slow
 * attempt is retried like a throttled one (every call the managers make is safe to repeat: see RELIABILITY.md).
 *
 * @param attemptTimeout    the longest one attempt may take
 * @param backoff           the wait before retrying a 5xx, a broken connection or a timed-out attempt
 * @param throttlingBackoff the wait before retrying a throttled call
 * @param timers            the executor whose timers end attempts (and calls) that run too long; null for the SDK's
 *                          own (tests pass one they can fast-forward, so a slow answer costs them no real time)
 */
public record CallTiming(
        Duration attemptTimeout,
        BackoffStrategy backoff,
        BackoffStrategy throttlingBackoff,
        ScheduledExecutorService timers) {
    /**
     * Twenty seconds an attempt (AWS answers these calls in well under a second; the call as a whole still has the
     * client's call timeout), and the SDK's standard backoff: exponential with full jitter from 100 ms (1 s when
     * throttled) up to 20 s.
     */
    public static final CallTiming PRODUCTION = new CallTiming(
            Duration.ofSeconds(20),
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)),
            BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)),
            null);

    public CallTiming {
        if (attemptTimeout == null || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive: " + attemptTimeout);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(throttlingBackoff, "throttlingBackoff");
    }
}
