package com.amazonaws.livestreaming.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a bad-input matrix: the properties of an otherwise valid event with one thing wrong, and the one-line
 * reason the FAILED answer must give.
 *
 * @param property   the property the row is about (the reason must name it)
 * @param how        what is wrong with it, for the test's name
 * @param properties the whole ResourceProperties to send (ServiceToken and ServiceTimeout are added)
 * @param reason     the expected Reason, exactly, or its beginning when {@code exact} is false
 * @param exact      whether {@code reason} is the whole Reason
 */
public record BadInput(String property, String how, Map<String, Object> properties, String reason, boolean exact) {
    public BadInput {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code property} removed from {@code base}. */
    public static BadInput missing(Map<String, ?> base, String property, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.remove(property);
        return new BadInput(property, "missing", properties, reason, true);
    }

    /** {@code property} set to the empty string, as a template passes an unused parameter. */
    public static BadInput empty(Map<String, ?> base, String property, String reason) {
        return value(base, property, "empty", "", reason);
    }

    /** {@code property} set to {@code value} (a string, or a JSON number, boolean, list or object). */
    public static BadInput value(Map<String, ?> base, String property, String how, Object value, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.put(property, value);
        return new BadInput(property, how, properties, reason, true);
    }

    /** As {@link #value}, but only the beginning of the reason is fixed (the rest lists what may change). */
    public static BadInput valueWithReasonStarting(Map<String, ?> base, String property, String how, Object value,
                                                   String reasonStart) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.put(property, value);
        return new BadInput(property, how, properties, reasonStart, false);
    }

    /** {@code base} with several properties changed at once (a null value removes one). */
    public static BadInput values(Map<String, ?> base, String property, String how, Map<String, ?> changes,
                                  String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        changes.forEach((name, value) -> {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
        });
        return new BadInput(property, how, properties, reason, true);
    }

    @Override
    public String toString() {
        return property + ": " + how;
    }
}
