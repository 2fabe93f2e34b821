package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long waiting code may still wait. It ends a safety margin before the Lambda dies, so there is always time
 * left to send the answer. Every wait in the project sleeps through {@link #sleep}, which refuses to sleep past
 * the end and turns an interrupt (the watchdog giving up) into the same {@link OutOfTimeException}.
 */
public final class TimeBudget {
    private final LongSupplier nanoClock;
    private final long deadlineNanos;

    public TimeBudget(Duration available, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + Math.max(0, available.toNanos());
    }

    public static TimeBudget of(Duration available) {
        return new TimeBudget(available, System::nanoTime);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nanoClock.getAsLong()));
    }

    public boolean isExhausted() {
        return remaining().isZero();
    }

    /** True when a wait of {@code wait} still ends before the deadline. */
    public boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }

    /**
     * Sleeps for {@code wait}, or throws when that would end past the deadline or the thread is interrupted.
     *
     * @param step what is being waited on, for the reason ("waiting for input 123 to be DETACHED")
     */
    public void sleep(Duration wait, String step) {
        if (!allows(wait)) {
            throw new OutOfTimeException(step, null);
        }
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutOfTimeException(step, null);
        }
    }

    /** Throws when the budget is spent or the thread was interrupted; for loops that do not sleep. */
    public void check(String step) {
        if (isExhausted() || Thread.currentThread().isInterrupted()) {
            throw new OutOfTimeException(step, null);
        }
    }
}
