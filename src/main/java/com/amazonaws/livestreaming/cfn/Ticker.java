package com.amazonaws.livestreaming.cfn;

import java.time.Duration;

/**
 * The clock every wait reads and sleeps on. Production uses the system's; the tests use a simulated one, so a
 * channel start that takes MediaLive 90 seconds costs a test no real time and cannot turn flaky under load.
 */
public interface Ticker {
    /** The system's monotonic clock and {@link Thread#sleep}. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration wait) throws InterruptedException {
            Thread.sleep(Math.max(0, wait.toMillis()));
        }
    };

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Sleeps for {@code wait}; an interrupt ends the sleep early with {@link InterruptedException}. */
    void sleep(Duration wait) throws InterruptedException;
}
