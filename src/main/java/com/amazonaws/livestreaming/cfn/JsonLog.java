package com.amazonaws.livestreaming.cfn;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Structured log: one JSON object a line, so CloudWatch Logs Insights can filter by request, kind and outcome.
 * Every line starts with its UTC timestamp; context fields (the Lambda request id, request type, kind, logical id,
 * CloudFormation request id, physical id) are attached to every line of an invocation; any field whose name says
 * pass/secret/token is masked whatever the caller passed (see {@link Redaction#isSecretName}).
 *
 * <p>The log of the invocation in progress is also the {@linkplain #active() active} log, where the AWS SDK's own
 * warnings (through the project's SLF4J provider) are written, so they carry the same request fields.
 */
public final class JsonLog {
    private static volatile JsonLog active = new JsonLog(System.out).with(Map.of("lambdaRequestId", "none"));

    private final PrintStream out;
    private final Map<String, Object> context;
    private final LongSupplier clock;

    public JsonLog(PrintStream out) {
        this(out, Map.of(), System::currentTimeMillis);
    }

    /** A log whose timestamps come from {@code clock} (epoch milliseconds), for tests. */
    public JsonLog(PrintStream out, LongSupplier clock) {
        this(out, Map.of(), clock);
    }

    private JsonLog(PrintStream out, Map<String, Object> context, LongSupplier clock) {
        this.out = out;
        this.context = context;
        this.clock = clock;
    }

    /** A log whose every line also carries {@code fields}. */
    public JsonLog with(Map<String, ?> fields) {
        Map<String, Object> merged = new LinkedHashMap<>(context);
        merged.putAll(fields);
        return new JsonLog(out, merged, clock);
    }

    /** The log lines of code that has no invocation at hand (the SDK's, through SLF4J) are written to. */
    public static JsonLog active() {
        return active;
    }

    /** Makes {@code log} the {@link #active()} one; returns the one it replaces, to put back afterwards. */
    public static JsonLog activate(JsonLog log) {
        JsonLog previous = active;
        active = log;
        return previous;
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

    /** A line at any level, e.g. {@code DEBUG} for a library's message that is worth keeping. */
    public void write(String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", timestamp(clock.getAsLong()));
        line.put("level", level);
        line.put("message", message);
        line.putAll(context);
        line.putAll(fields);
        String text = JsonText.write(Redaction.properties(line));
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2024-05-01T12:00:00.042Z}, without a formatter's start-up. */
    static String timestamp(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(24);
        s.append(t.getYear()).append('-');
        pad(s, t.getMonthValue(), 2).append('-');
        pad(s, t.getDayOfMonth(), 2).append('T');
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2).append('.');
        return pad(s, (int) Math.floorMod(epochMillis, 1000), 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }
}
