package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSM Parameter Store as the wire tests meet it (JSON 1.1 over {@code POST /}, the operation in
 * {@code X-Amz-Target}): PutParameter (ParameterAlreadyExists without Overwrite), GetParameter and DeleteParameter
 * (ParameterNotFound for a name it does not hold). Values are kept so tests can check them.
 */
public final class SsmStandIn implements StandInService {
    private final Map<String, ObjectNode> parameters = new LinkedHashMap<>();

    public synchronized List<String> names() {
        return List.copyOf(parameters.keySet());
    }

    /** Stores a SecureString directly (no API call). */
    public synchronized void put(String name, String value) {
        parameters.put(
                name,
                StandInCall.JSON
                        .createObjectNode()
                        .put("Name", name)
                        .put("Value", value)
                        .put("Type", "SecureString")
                        .put("Version", 1));
    }

    public synchronized String value(String name) {
        ObjectNode parameter = parameters.get(name);
        return parameter == null ? null : parameter.path("Value").asText();
    }

    @Override
    public String operation(StandInCall call) {
        String target = call.header("X-Amz-Target");
        return call.is("POST") && target != null && target.startsWith("AmazonSSM.")
                ? "Ssm:" + target.substring("AmazonSSM.".length())
                : null;
    }

    @Override
    public synchronized StandInAnswer handle(String operation, StandInCall call) {
        String name = call.text("Name");
        ObjectNode body = StandInCall.JSON.createObjectNode();
        switch (operation) {
            case "Ssm:PutParameter" -> {
                ObjectNode existing = parameters.get(name);
                if (existing != null && !call.body().path("Overwrite").asBoolean(false)) {
                    return StandInAnswer.jsonError(400, "ParameterAlreadyExists", "The parameter already exists.");
                }
                ObjectNode parameter = call.object().deepCopy();
                long version = existing == null ? 1 : existing.path("Version").asLong() + 1;
                parameter.put("Version", version);
                parameters.put(name, parameter);
                return StandInAnswer.ok(200, body.put("Version", version).put("Tier", "Standard"));
            }
            case "Ssm:GetParameter" -> {
                ObjectNode parameter = parameters.get(name);
                if (parameter == null) {
                    return StandInAnswer.jsonError(400, "ParameterNotFound", "Parameter " + name + " not found.");
                }
                body.putObject("Parameter")
                        .put("Name", name)
                        .put("Type", parameter.path("Type").asText())
                        .put("Value", parameter.path("Value").asText())
                        .put("Version", parameter.path("Version").asLong());
                return StandInAnswer.ok(200, body);
            }
            case "Ssm:DeleteParameter" -> {
                if (parameters.remove(name) == null) {
                    return StandInAnswer.jsonError(400, "ParameterNotFound", "Parameter " + name + " not found.");
                }
                return StandInAnswer.ok(200, body);
            }
            default -> {
                return StandInAnswer.jsonError(400, "InvalidAction", "stand-in: " + operation);
            }
        }
    }

    @Override
    public synchronized List<String> leftovers() {
        List<String> left = new ArrayList<>();
        parameters.keySet().forEach(name -> left.add("SSM parameter " + name));
        return left;
    }
}
