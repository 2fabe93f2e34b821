package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link Poller} wait that remembers the last state it saw, so running out of time says where things were
 * stuck ("timed out while waiting for input 1234567 to be DETACHED (it is ATTACHED)"), both in the manager's
 * own failure and in the watchdog's, which reads the invocation's current step.
 */
final class StateWait {
    private StateWait() {
    }

    /**
     * @param what   e.g. {@code input 1234567}
     * @param target e.g. {@code DETACHED}
     * @param state  names the state of a probed value, e.g. {@code ATTACHED} or {@code gone}
     */
    static <T> T await(Invocation invocation, String what, String target, Duration interval, Supplier<T> probe,
                       Function<T, String> state, Predicate<T> done) {
        String base = "waiting for " + what + " to be " + target;
        String[] last = {null};
        try {
            return Poller.await(invocation, base, interval, () -> {
                T value = probe.get();
                String now = state.apply(value);
                if (!now.equals(last[0]) && !done.test(value)) {
                    invocation.step(base + " (it is " + now + ")");
                }
                last[0] = now;
                return value;
            }, done);
        } catch (OutOfTimeException timedOut) {
            throw new OutOfTimeException(last[0] == null ? base : base + " (it is " + last[0] + ")",
                    timedOut.physicalResourceId());
        }
    }
}
