package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a stand-in sees it: method, the path split into URL-decoded segments (so an id holding
 * {@code /} or {@code :} arrives whole, as the SDK encoded it), query parameters, the JSON body (empty when the body
 * is not JSON), the body as text (unwrapped from aws-chunked framing) and the headers.
 */
public record StandInCall(
        String method,
        List<String> path,
        Map<String, List<String>> query,
        JsonNode body,
        Map<String, String> headers,
        String text) {
    static final ObjectMapper JSON = new ObjectMapper();

    static StandInCall of(LoggedRequest request) {
        URI uri = URI.create(request.getUrl());
        List<String> segments = new ArrayList<>();
        for (String raw : uri.getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getAllHeaderKeys()) {
            headers.put(name.toLowerCase(), request.getHeader(name));
        }
        String text = AwsChunked.payload(request.getBodyAsString(), headers.get("content-encoding"));
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        return new StandInCall(
                request.getMethod().getName(), List.copyOf(segments), query, body, headers, text == null ? "" : text);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** True when the path is exactly these segments; {@code *} matches any one segment. */
    boolean is(String method, String... segments) {
        if (!this.method.equals(method) || path.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!"*".equals(segments[i]) && !segments[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    String segment(int index) {
        return path.get(index);
    }

    String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    /** The body as an object (empty when there is none). */
    ObjectNode object() {
        return body instanceof ObjectNode o ? o : JSON.createObjectNode();
    }

    String text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
