package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.cfn.Ticker;
import java.time.Duration;

/**
 * The state of one stand-in resource on the simulated clock: a state, and optionally the state it moves to by
 * itself once a duration has passed (CREATING becomes IDLE after 5 s, STARTING becomes RUNNING after 90 s...).
 */
final class Lifecycle {
    private final Ticker clock;
    private String state;
    private String next;
    private long at = -1;
    private long enteredAt;

    Lifecycle(Ticker clock, String state) {
        this.clock = clock;
        this.state = state;
        this.enteredAt = clock.nanoTime();
    }

    /** The state now, after any transition that is due. */
    String state() {
        long now = clock.nanoTime();
        if (at >= 0 && now >= at) {
            state = next;
            enteredAt = at;
            next = null;
            at = -1;
        }
        return state;
    }

    /** Enters {@code now} at once and {@code after} once {@code takes} has passed. */
    void move(String now, Duration takes, String after) {
        state = now;
        enteredAt = clock.nanoTime();
        next = after;
        at = enteredAt + takes.toNanos();
    }

    /** Enters {@code now} and stays there. */
    void set(String now) {
        state = now;
        enteredAt = clock.nanoTime();
        next = null;
        at = -1;
    }

    /** How long the resource has been in its current state. */
    Duration inState() {
        state();
        return Duration.ofNanos(clock.nanoTime() - enteredAt);
    }
}
