package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Invocation;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded poll: asks {@code probe} until {@code done} holds, sleeping {@code interval} between asks, never past
 * the invocation's time budget (then {@link com.amazonaws.livestreaming.cfn.OutOfTimeException} names the step).
 * MediaLive's describe calls are rate-limited, so intervals are seconds, not milliseconds; throttled calls are
 * retried inside the SDK.
 */
public final class Poller {
    private Poller() {
    }

    /**
     * @param step  what is awaited, in words that complete "timed out while ..."
     * @param probe reads the current state; may throw {@link com.amazonaws.livestreaming.cfn.ResourceFailure} on a
     *              dead end (e.g. CREATE_FAILED) to stop at once
     * @return the first value that satisfied {@code done}
     */
    public static <T> T await(Invocation invocation, String step, Duration interval, Supplier<T> probe,
                              Predicate<T> done) {
        invocation.step(step);
        while (true) {
            invocation.budget().check(step);
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            invocation.sleep(interval);
        }
    }
}
