package com.amazonaws.livestreaming.snapstart;

import com.amazonaws.livestreaming.cfn.JsonText;
import com.amazonaws.livestreaming.cfn.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the in-process stand-in for AWS answers, from {@code snapstart/answers.json}: for each call
 * ({@code Service:Operation}, optionally {@code @text} that the request's path or body contains) one answer, or a
 * list of answers given in turn (the last one repeats) that starts again with every new CloudFormation request, so
 * a wait sees a resource move from state to state. An answer may echo the body of an earlier request (a
 * describe call returns the channel that was created, with its whole encoder settings), so the SDK unmarshals
 * as much as it will from AWS. A call without an answer gets an empty one.
 */
final class CannedAnswers {
    /** One HTTP answer. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}

    private static final String RESOURCE = "/snapstart/answers.json";
    private final Map<String, List<Map<String, Object>>> answers;
    private final Map<String, Integer> turns = new HashMap<>();
    private final Map<String, Object> lastBodies = new HashMap<>();

    private CannedAnswers(Map<String, List<Map<String, Object>>> answers) {
        this.answers = answers;
    }

    /** The answers packaged in the jar. */
    static CannedAnswers packaged() {
        try (InputStream in = CannedAnswers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @SuppressWarnings("unchecked")
    static CannedAnswers of(byte[] json) {
        Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
        ((Map<String, Object>) JsonTree.parse(json))
                .forEach((key, value) -> answers.put(
                        key,
                        value instanceof List<?> list
                                ? (List<Map<String, Object>>) list
                                : List.of((Map<String, Object>) value)));
        return new CannedAnswers(answers);
    }

    /** The answer to {@code operation}, asked for {@code target} (path and query) with {@code body}. */
    synchronized Answer next(String operation, String target, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("{")) {
            try {
                lastBodies.put(operation, JsonTree.parse(body));
            } catch (IllegalArgumentException notJson) {
                lastBodies.remove(operation);
            }
        }
        String key = null;
        for (String candidate : answers.keySet()) {
            int at = candidate.indexOf('@');
            if (at > 0 && candidate.substring(0, at).equals(operation)) {
                String needle = candidate.substring(at + 1);
                if (target.contains(needle) || text.contains(needle)) {
                    key = candidate;
                    break;
                }
            }
        }
        if (key == null && answers.containsKey(operation)) {
            key = operation;
        }
        if (key == null) {
            return operation.startsWith("S3:")
                    ? new Answer(200, "application/xml", new byte[0], Map.of())
                    : new Answer(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        List<Map<String, Object>> sequence = answers.get(key);
        int turn = turns.merge(key, 1, Integer::sum) - 1;
        return render(sequence.get(Math.min(turn, sequence.size() - 1)));
    }

    /** A new CloudFormation request begins: every list of answers starts from its first again. */
    synchronized void restart() {
        turns.clear();
    }

    @SuppressWarnings("unchecked")
    private Answer render(Map<String, Object> answer) {
        int status = answer.get("status") instanceof Number n ? n.intValue() : 200;
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.get("headers") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        if (answer.get("error") instanceof String code) {
            headers.put("x-amzn-ErrorType", code);
        }
        if (answer.get("xml") instanceof String xml) {
            return new Answer(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), headers);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (answer.get("echo") instanceof String earlier && lastBodies.get(earlier) instanceof Map<?, ?> base) {
            body.putAll((Map<String, Object>) base);
        }
        if (answer.get("body") instanceof Map<?, ?> fields) {
            body.putAll((Map<String, Object>) fields);
        }
        Object wrapped = answer.get("wrap") instanceof String key ? Map.of(key, body) : body;
        return new Answer(
                status, "application/json", JsonText.write(wrapped).getBytes(StandardCharsets.UTF_8), headers);
    }
}
