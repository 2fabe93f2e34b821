package com.amazonaws.livestreaming.cfn;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed, validated access to ResourceProperties. CloudFormation sends every scalar as a string ("8", "true"),
 * so each accessor converts and validates in one place and names the property in its error, which becomes the
 * one-line FAILED reason. Blank strings count as absent: templates pass {@code ""} for unused parameters.
 */
public final class Properties {
    private static final Properties EMPTY = new Properties(Map.of());
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private final Map<String, Object> values;

    public Properties(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Properties empty() {
        return EMPTY;
    }

    public static Properties of(Map<String, ?> values) {
        return new Properties(values);
    }

    /** Every property as given, for change detection; never log this map unredacted. */
    public Map<String, Object> asMap() {
        return values;
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** A scalar as a trimmed string; empty when absent or blank. Non-string scalars are stringified. */
    public Optional<String> optional(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof Collection) {
            throw new InvalidPropertyException(
                    name, name + " must be a single value, not " + (value instanceof Map ? "an object" : "a list"));
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String optional(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidPropertyException(name, name + " is required"));
    }

    /** A value from a closed set, compared exactly; the error lists the allowed values. */
    public String oneOf(String name, Collection<String> allowed) {
        String value = optional(name)
                .orElseThrow(() -> new InvalidPropertyException(
                        name, name + " is required; allowed values: " + String.join(", ", allowed)));
        return checkOneOf(name, value, allowed);
    }

    public String oneOf(String name, Collection<String> allowed, String defaultValue) {
        return optional(name).map(v -> checkOneOf(name, v, allowed)).orElse(defaultValue);
    }

    private static String checkOneOf(String name, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + Redaction.shorten(value, 64) + "'; allowed values: " + String.join(", ", allowed));
        }
        return value;
    }

    /** An enum constant named by the property value (exact, case-sensitive). */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
        }
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            if (defaultValue == null) {
                throw new InvalidPropertyException(
                        name, name + " is required; allowed values: " + String.join(", ", allowed));
            }
            return defaultValue;
        }
        return Enum.valueOf(type, checkOneOf(name, value.get(), allowed));
    }

    /**
     * A whole number within [min, max]; "6" and 6 are both accepted, "6.5", 6.0 and "six" are not (CloudFormation
     * sends what the template says as a string, and a JSON event's number is read the same way).
     */
    public int intInRange(String name, int min, int max, int defaultValue) {
        Optional<String> value = optional(name);
        return value.isEmpty() ? defaultValue : parseInRange(name, value.get(), min, max);
    }

    public Optional<Integer> optionalIntInRange(String name, int min, int max) {
        return optional(name).map(v -> parseInRange(name, v, min, max));
    }

    private static int parseInRange(String name, String text, int min, int max) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + Redaction.shorten(text, 32) + "'; it must be a whole number from " + min + " to "
                            + max);
        }
        BigInteger parsed = new BigInteger(text);
        if (parsed.compareTo(BigInteger.valueOf(min)) < 0 || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidPropertyException(
                    name,
                    name + " is " + Redaction.shorten(parsed.toString(), 32) + "; it must be from " + min + " to "
                            + max);
        }
        return parsed.intValueExact();
    }

    /** Yes/No (also true/false), as CloudFormation parameters usually carry flags. */
    public boolean yesNo(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true" -> {
                return true;
            }
            case "no", "false" -> {
                return false;
            }
            default ->
                throw new InvalidPropertyException(
                        name, name + " is '" + Redaction.shorten(value.get(), 32) + "'; allowed values: Yes, No");
        }
    }

    /** A value that must match a pattern; {@code describe} says in words what is expected. */
    public String matching(String name, Pattern pattern, String describe) {
        String value = required(name);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidPropertyException(name, name + " is '" + Redaction.shorten(value, 64) + "'; " + describe);
        }
        return value;
    }

    /** A comma-separated list (or a JSON list), trimmed, blanks dropped. */
    public List<String> list(String name) {
        Object value = values.get(name);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                String text = String.valueOf(item).trim();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        } else if (value != null) {
            for (String part : String.valueOf(value).split(",")) {
                if (!part.trim().isEmpty()) {
                    out.add(part.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    /** Names whose values differ between this and {@code other}, for deciding update paths. */
    public Set<String> changedFrom(Properties other) {
        Set<String> changed = new TreeSet<>();
        Set<String> all = new TreeSet<>(values.keySet());
        all.addAll(other.values.keySet());
        for (String name : all) {
            if (!Objects.equals(normalise(values.get(name)), normalise(other.values.get(name)))) {
                changed.add(name);
            }
        }
        changed.remove("ServiceToken");
        changed.remove("ServiceTimeout");
        return changed;
    }

    private static Object normalise(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String s ? s.trim() : value;
    }

    @Override
    public String toString() {
        return Redaction.properties(values).toString();
    }
}
