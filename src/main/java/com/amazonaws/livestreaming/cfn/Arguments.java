package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.Objects;

/**
 * Range checks for what crosses a package's boundary into a constructor, so a wrong wiring fails where it is made,
 * naming the argument, instead of deep inside a request (a zero poll interval would spin; zero attempts would never
 * answer CloudFormation). Nulls are refused with {@link Objects#requireNonNull(Object, String)}, naming the argument.
 */
public final class Arguments {
    private Arguments() {}

    /** {@code value}, which must be present and longer than zero. */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
        }
        return value;
    }

    /** {@code value}, which must be present and not negative. */
    public static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }

    /** {@code value}, which must be at least {@code minimum}. */
    public static int atLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
