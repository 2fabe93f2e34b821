package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The one bounded poll of the project: asks {@code probe} until {@code done} holds, sleeping {@code interval}
 * between asks, never past the invocation's time budget. The step is named before the first call, and every
 * change of state renames it, so whoever gives up (this loop or the watchdog) says what was awaited and where it
 * stood: "timed out while waiting for channel 1234567 to reach RUNNING (last state STARTING)".
 *
 * <p>Throttling and 5xx answers, which the SDK has already retried, do not end the wait: it keeps polling with a
 * growing pause (up to {@link #MAX_BACKOFF}) inside the same budget. Any other error ends it at once, and so does a
 * probe that throws a {@link com.amazonaws.livestreaming.cfn.ResourceFailure} on a dead end (e.g. CREATE_FAILED).
 */
public final class Poller {
    /** The longest pause between polls while AWS throttles or fails. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private Poller() {}

    /**
     * @param subject  what is awaited, e.g. {@code channel 1234567}
     * @param goal     what it should do, completing "waiting for SUBJECT to ...", e.g. {@code reach RUNNING}
     * @param probe    reads the current value; may throw ResourceFailure on a dead end to stop at once
     * @param stateOf  names the state of a value for the step and the timeout reason, e.g. {@code STARTING}
     * @return the first value that satisfied {@code done}
     */
    public static <T> T await(
            Invocation invocation,
            String subject,
            String goal,
            Duration interval,
            Supplier<T> probe,
            Function<T, String> stateOf,
            Predicate<T> done) {
        return await(invocation, subject, goal, interval, probe, stateOf, done, e -> false);
    }

    /**
     * The same, with more refusals that are only for now: {@code refusedForNow} answers that are polled again with
     * the growing pause, as throttling is (e.g. a 409 ConflictException while the resource is in a transition).
     */
    public static <T> T await(
            Invocation invocation,
            String subject,
            String goal,
            Duration interval,
            Supplier<T> probe,
            Function<T, String> stateOf,
            Predicate<T> done,
            Predicate<AwsServiceException> refusedForNow) {
        String base = "waiting for " + subject + " to " + goal;
        String last = null;
        String trouble = null;
        int troubled = 0;
        invocation.step(base);
        try {
            while (true) {
                invocation.budget().check(invocation.currentStep());
                T value;
                try {
                    value = probe.get();
                } catch (AwsServiceException e) {
                    if (!AwsErrors.isTransient(e) && !refusedForNow.test(e)) {
                        throw e;
                    }
                    troubled++;
                    trouble = AwsErrors.describe(e);
                    Duration pause = backoff(interval, troubled);
                    invocation
                            .log()
                            .warn(
                                    "poll refused for now; polling again later",
                                    Map.of("step", base, "error", trouble, "pauseMillis", pause.toMillis()));
                    invocation.sleep(pause);
                    continue;
                }
                troubled = 0;
                trouble = null;
                if (done.test(value)) {
                    return value;
                }
                String state = stateOf.apply(value);
                if (!state.equals(last)) {
                    invocation.step(base + " (last state " + state + ")");
                }
                last = state;
                invocation.sleep(interval);
            }
        } catch (OutOfTimeException timedOut) {
            throw new OutOfTimeException(base + detail(last, trouble, troubled), timedOut.physicalResourceId());
        }
    }

    private static String detail(String last, String trouble, int troubled) {
        if (trouble == null) {
            return last == null ? "" : " (last state " + last + ")";
        }
        String failures =
                troubled == 1 ? "the last poll was refused: " : "the last " + troubled + " polls were refused: ";
        return last == null
                ? " (no answer yet; " + failures + trouble + ")"
                : " (last state " + last + "; " + failures + trouble + ")";
    }

    private static Duration backoff(Duration interval, int troubled) {
        Duration pause = interval.multipliedBy(1L << Math.min(troubled, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }
}
