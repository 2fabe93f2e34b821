package com.amazonaws.livestreaming.cfn;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The random source of every backoff jitter. With SnapStart every container of a version resumes from one memory
 * snapshot, so a generator seeded before it (ThreadLocalRandom's seeder included) would hand every container the
 * same "random" delays, and retries that should spread out would collide. {@link #reseed} draws a new seed from
 * {@link SecureRandom}, which the runtime makes unique after a restore; SnapStart priming calls it in
 * {@code afterRestore}.
 */
public final class Jitter {
    private static volatile Random random = new Random(new SecureRandom().nextLong());

    private Jitter() {}

    /** A value from 0 (inclusive) to {@code bound} (exclusive). */
    static long below(long bound) {
        return bound <= 0 ? 0 : (long) (random.nextDouble() * bound);
    }

    /** A fresh seed, unique to this container. */
    public static void reseed() {
        random = new Random(new SecureRandom().nextLong());
    }

    /** The current generator; a test tells by it that a restore replaced it. */
    public static Random current() {
        return random;
    }
}
