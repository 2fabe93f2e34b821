package com.amazonaws.livestreaming.cfn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects the problems of independent reads, so that a parse function reports all of them at once instead of the
 * first: read each part through {@link #read}, then {@link #throwIfAny} before using what was read.
 */
public final class Problems {
    private final List<InvalidPropertyException> found = new ArrayList<>();

    /** What {@code read} returns, or empty when it found a problem (which is kept). */
    public <T> Optional<T> read(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (InvalidPropertyException e) {
            found.add(e);
            return Optional.empty();
        }
    }

    public boolean any() {
        return !found.isEmpty();
    }

    /** Throws one exception carrying every problem kept so far; returns when there is none. */
    public void throwIfAny() {
        if (any()) {
            throw InvalidPropertyException.all(found);
        }
    }
}
