package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.cfn.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when someone sleeps on it (or a test advances it): the project's waits sleep on it
 * through their {@link com.amazonaws.livestreaming.cfn.TimeBudget}, and the AWS stand-ins read it to move their
 * resources through MediaLive's states. A 90-second channel start is then as real as on AWS (the waits see STARTING
 * for 90 simulated seconds and poll 18 times at 5 s) and costs a test no real time, so no test is timing-sensitive.
 */
public final class SimulatedClock implements Ticker {
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Advances the clock by {@code wait} at once; an interrupted thread is refused, as a real sleep would be. */
    @Override
    public void sleep(Duration wait) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        advance(wait);
    }

    public void advance(Duration by) {
        nanos.addAndGet(Math.max(0, by.toNanos()));
    }

    /** Time passed since {@code startNanos}, a value of {@link #nanoTime()}. */
    public Duration since(long startNanos) {
        return Duration.ofNanos(nanos.get() - startNanos);
    }
}
