package com.amazonaws.livestreaming.cfn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the event bytes into a {@link Request}. A malformed event still gets an answer when its ResponseURL can
 * be found at all, so parsing never throws: it returns the best Request it could build and, if the event is not
 * usable, the one-line problem to answer FAILED with.
 */
public final class EventParser {
    /** The parse result: the request (possibly partial) and the problem, if any. */
    public record Parsed(Request request, Optional<String> problem) {}

    private EventParser() {}

    public static Parsed parse(byte[] bytes) {
        Object parsed;
        try {
            parsed = JsonTree.parse(bytes);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            return new Parsed(
                    salvage(new String(bytes, StandardCharsets.UTF_8)), Optional.of("the event is not a JSON object"));
        }
        String typeText = text(root, "RequestType");
        Optional<RequestType> type = RequestType.fromWire(typeText);
        Properties properties;
        Properties old;
        String problem = null;
        try {
            properties = properties(root, "ResourceProperties");
            old = properties(root, "OldResourceProperties");
        } catch (IllegalArgumentException e) {
            properties = Properties.empty();
            old = Properties.empty();
            problem = e.getMessage();
        }
        Request request = new Request(
                type.orElse(null),
                text(root, "ResponseURL"),
                text(root, "StackId"),
                text(root, "RequestId"),
                text(root, "ResourceType"),
                text(root, "LogicalResourceId"),
                text(root, "PhysicalResourceId"),
                properties,
                old);
        if (problem == null) {
            problem = missing(request, typeText);
        }
        return new Parsed(request, Optional.ofNullable(problem));
    }

    private static String missing(Request r, String typeText) {
        if (r.requestType() == null) {
            return typeText == null
                    ? "the event has no RequestType"
                    : "RequestType '" + Redaction.shorten(typeText, 32) + "' is not one of Create, Update, Delete";
        }
        for (Map.Entry<String, String> field : Map.of(
                        "StackId",
                        nz(r.stackId()),
                        "RequestId",
                        nz(r.requestId()),
                        "LogicalResourceId",
                        nz(r.logicalResourceId()),
                        "ResourceType",
                        nz(r.resourceType()))
                .entrySet()) {
            if (field.getValue().isEmpty()) {
                return "the event has no " + field.getKey();
            }
        }
        if (r.requestType() != RequestType.CREATE && nz(r.physicalResourceId()).isEmpty()) {
            return "the " + r.requestType().wireName() + " event has no PhysicalResourceId";
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Properties properties(Map<?, ?> root, String field) {
        Object node = root.get(field);
        if (node == null) {
            return Properties.empty();
        }
        if (!(node instanceof Map<?, ?> values)) {
            throw new IllegalArgumentException(field + " is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> properties = (Map<String, ?>) values;
        return Properties.of(properties);
    }

    private static String text(Map<?, ?> root, String field) {
        Object node = root.get(field);
        if (node == null) {
            return null;
        }
        return node instanceof Map || node instanceof List ? JsonText.write(node) : String.valueOf(node);
    }

    /** Pulls the answer fields out of text that is not JSON, so even a broken event gets its FAILED answer. */
    private static Request salvage(String text) {
        return new Request(
                null,
                find(text, "ResponseURL"),
                find(text, "StackId"),
                find(text, "RequestId"),
                find(text, "ResourceType"),
                find(text, "LogicalResourceId"),
                find(text, "PhysicalResourceId"),
                Properties.empty(),
                Properties.empty());
    }

    private static String find(String text, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(text);
        return m.find() ? m.group(1).replace("\\/", "/").replace("\\\"", "\"") : null;
    }
}
