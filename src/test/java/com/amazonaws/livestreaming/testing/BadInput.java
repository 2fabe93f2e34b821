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
 * @param reason     the expected Reason, or the part of it that {@code match} says
 * @param match      how {@code reason} is compared with the Reason
 */
public record BadInput(String property, String how, Map<String, Object> properties, String reason, Match match) {
    /** How a row's reason is compared with the answer's Reason. */
    public enum Match {
        /** the whole Reason */
        EXACT,
        /** its beginning, where the rest lists what may change (the kind's property names) */
        STARTS_WITH,
        /** one of the problems in it: other properties' problems may come with it */
        CONTAINS
    }

    public BadInput {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code property} removed from {@code base}. */
    public static BadInput missing(Map<String, ?> base, String property, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.remove(property);
        return new BadInput(property, "missing", properties, reason, Match.EXACT);
    }

    /** {@code property} set to the empty string, as a template passes an unused parameter. */
    public static BadInput empty(Map<String, ?> base, String property, String reason) {
        return value(base, property, "empty", "", reason);
    }

    /** {@code property} set to {@code value} (a string, or a JSON number, boolean, list or object). */
    public static BadInput value(Map<String, ?> base, String property, String how, Object value, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.put(property, value);
        return new BadInput(property, how, properties, reason, Match.EXACT);
    }

    /** As {@link #value}, but only the beginning of the reason is fixed (the rest lists what may change). */
    public static BadInput valueWithReasonStarting(
            Map<String, ?> base, String property, String how, Object value, String reasonStart) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.put(property, value);
        return new BadInput(property, how, properties, reasonStart, Match.STARTS_WITH);
    }

    /** {@code base} with several properties changed at once (a null value removes one). */
    public static BadInput values(
            Map<String, ?> base, String property, String how, Map<String, ?> changes, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        changes.forEach((name, value) -> {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
        });
        return new BadInput(property, how, properties, reason, Match.EXACT);
    }

    @Override
    public String toString() {
        return property + ": " + how;
    }
}
