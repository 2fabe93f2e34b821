package com.amazonaws.livestreaming.aws;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once, thread-safely: what is not needed by an invocation is not built on a cold
 * start. A factory that throws leaves nothing behind, so the next call tries again.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
