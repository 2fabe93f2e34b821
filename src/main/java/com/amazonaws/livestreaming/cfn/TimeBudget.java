package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.Objects;

/**
 * How long waiting code may still wait. It ends a safety margin before the Lambda dies, so there is always time
 * left to send the answer. Every wait in the project sleeps through {@link #sleep}, which refuses to sleep past
 * the end and turns an interrupt (the watchdog giving up) into the same {@link OutOfTimeException}.
 */
public final class TimeBudget {
    private final Ticker ticker;
    private final long deadlineNanos;

    private TimeBudget(Ticker ticker, long deadlineNanos) {
        this.ticker = ticker;
        this.deadlineNanos = deadlineNanos;
    }

    public TimeBudget(Duration available, Ticker ticker) {
        this(
                Objects.requireNonNull(ticker, "ticker"),
                ticker.nanoTime()
                        + Math.max(
                                0,
                                Objects.requireNonNull(available, "available").toNanos()));
    }

    public static TimeBudget of(Duration available) {
        return new TimeBudget(available, Ticker.SYSTEM);
    }

    public Ticker ticker() {
        return ticker;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - ticker.nanoTime()));
    }

    public boolean isExhausted() {
        return remaining().isZero();
    }

    /** True when a wait of {@code wait} still ends before the deadline. */
    public boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }

    /**
     * The same clock with a deadline {@code reserve} earlier: for a step that must leave time for another one after
     * it (stopping a channel must leave the time to start it again). Never earlier than now.
     */
    public TimeBudget holdingBack(Duration reserve) {
        long now = ticker.nanoTime();
        return new TimeBudget(ticker, Math.max(now, deadlineNanos - Math.max(0, reserve.toNanos())));
    }

    /**
     * Sleeps for {@code wait}, or throws when that would end past the deadline or the thread is interrupted.
     *
     * @param step what is being waited on, for the reason ("waiting for input 123 to reach DETACHED")
     */
    public void sleep(Duration wait, String step) {
        if (!allows(wait)) {
            throw new OutOfTimeException(step, null);
        }
        try {
            ticker.sleep(wait);
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
