package com.amazonaws.livestreaming.cfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured log: one JSON object a line, so CloudWatch Logs Insights can filter by request, kind and outcome.
 * Context fields (request type, kind, logical id, request id, physical id) are attached to every line of an
 * invocation; any field whose name says pass/secret/token is masked whatever the caller passed.
 */
public final class JsonLog {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private final PrintStream out;
    private final Map<String, Object> context;

    public JsonLog(PrintStream out) {
        this(out, Map.of());
    }

    private JsonLog(PrintStream out, Map<String, Object> context) {
        this.out = out;
        this.context = context;
    }

    /** A log whose every line also carries {@code fields}. */
    public JsonLog with(Map<String, ?> fields) {
        Map<String, Object> merged = new LinkedHashMap<>(context);
        merged.putAll(fields);
        return new JsonLog(out, merged);
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public void info(String message) {
        write("INFO", message, Map.of());
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    private void write(String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        line.putAll(context);
        line.putAll(fields);
        String text;
        try {
            text = MAPPER.writeValueAsString(Redaction.properties(line));
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"" + level + "\",\"message\":\"unloggable fields\"}";
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
