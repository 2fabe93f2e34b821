package com.amazonaws.livestreaming.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the properties of one kind may hold, declared next to the code that reads them, so that {@link PropertyCheck}
 * can report every problem of an event at once, before any AWS call. A property without a declared {@link Limit}
 * still gets the default one, so a property added to a kind's {@link ResourceSpec} is checked from its first day.
 *
 * @param limits what each named property may hold as text
 * @param checks typed checks through {@link Properties}; each reports its own problems (throwing
 *               {@link InvalidPropertyException}), independently of the others, so one event's problems are all
 *               found. A check that depends on another property (a URL whose scheme depends on {@code Type}) runs
 *               only when that one is valid: see {@link #ifValid}
 */
public record PropertyRules(Map<String, Limit> limits, List<Consumer<Properties>> checks) {
    /** The longest value any property takes unless it says otherwise; no property here needs more. */
    public static final int DEFAULT_MAX_LENGTH = 2048;
    /** No typed checks; every property gets the default limit. */
    public static final PropertyRules NONE = builder().build();

    /**
     * What a property may hold as text, whatever it means.
     *
     * @param maxLength the longest value, in characters (in UTF-8 bytes when it has non-ASCII characters)
     * @param asciiOnly whether only ASCII is allowed (URLs and ids without a pattern of their own)
     * @param list      whether a JSON list is allowed as well as a single value
     */
    public record Limit(int maxLength, boolean asciiOnly, boolean list) {
        public static final Limit DEFAULT = new Limit(DEFAULT_MAX_LENGTH, false, false);
    }

    public PropertyRules {
        limits = Map.copyOf(limits);
        checks = List.copyOf(checks);
    }

    public Limit limit(String property) {
        return limits.getOrDefault(property, Limit.DEFAULT);
    }

    /** What {@code read} returns, or empty when it finds a problem: for checks that depend on another property. */
    public static <T> Optional<T> ifValid(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (InvalidPropertyException e) {
            return Optional.empty();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects limits and checks in the order a reader expects them. */
    public static final class Builder {
        private final Map<String, Limit> limits = new LinkedHashMap<>();
        private final List<Consumer<Properties>> checks = new ArrayList<>();

        private Builder() {}

        /** Only ASCII characters: URLs and ids that no pattern of their own checks. */
        public Builder ascii(String... properties) {
            for (String property : properties) {
                Limit limit = limit(property);
                limits.put(property, new Limit(limit.maxLength(), true, limit.list()));
            }
            return this;
        }

        public Builder maxLength(int maxLength, String... properties) {
            for (String property : properties) {
                Limit limit = limit(property);
                limits.put(property, new Limit(maxLength, limit.asciiOnly(), limit.list()));
            }
            return this;
        }

        /** A JSON list is allowed too (the reader takes a comma-separated string or a list). */
        public Builder list(String... properties) {
            for (String property : properties) {
                Limit limit = limit(property);
                limits.put(property, new Limit(limit.maxLength(), limit.asciiOnly(), true));
            }
            return this;
        }

        public Builder check(Consumer<Properties> check) {
            checks.add(check);
            return this;
        }

        public PropertyRules build() {
            return new PropertyRules(limits, checks);
        }

        private Limit limit(String property) {
            return limits.getOrDefault(property, Limit.DEFAULT);
        }
    }
}
