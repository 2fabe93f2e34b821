package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a shape of an official AWS API model ({@link PythonTools#serviceModel}), independently
 * of the Java SDK: every member exists in its shape, enum values are allowed, required members are present, numbers
 * and string lengths are within the model's limits. The model states limits in shape names
 * ({@code __integerMin1Max10}) where it has no min/max keys, so both are read.
 */
public final class BotocoreShapes {
    private static final Pattern LIMITS_IN_NAME = Pattern.compile(
            "__(?:integer|long|double|float|string)(?:Min(Negative)?(\\d+))?(?:Max(Negative)?(\\d+))?(?:Pattern\\w*)?");

    private BotocoreShapes() {}

    /** What is wrong with {@code value} as a {@code shapeName} of {@code shapes}, each problem prefixed by its path. */
    public static List<String> problems(JsonNode shapes, String shapeName, JsonNode value, String path) {
        List<String> problems = new ArrayList<>();
        check(shapes, value, shapeName, path, problems);
        return problems;
    }

    private static void check(JsonNode shapes, JsonNode value, String shapeName, String path, List<String> problems) {
        JsonNode shape = shapes.get(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object");
                    return;
                }
                for (JsonNode required : shape.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(path + ": required member " + required.asText() + " is missing");
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode member = shape.get("members").get(field.getKey());
                    if (member == null) {
                        problems.add(path + "." + field.getKey() + ": no such member in " + shapeName);
                    } else {
                        check(
                                shapes,
                                field.getValue(),
                                member.get("shape").asText(),
                                path + "." + field.getKey(),
                                problems);
                    }
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(
                            shapes,
                            value.get(i),
                            shape.get("member").get("shape").asText(),
                            path + "[" + i + "]",
                            problems);
                }
            }
            case "map" -> {
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    check(
                            shapes,
                            entry.getValue(),
                            shape.get("value").get("shape").asText(),
                            path + "." + entry.getKey(),
                            problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected a string");
                    return;
                }
                if (shape.has("enum")) {
                    boolean allowed = false;
                    for (JsonNode option : shape.get("enum")) {
                        allowed |= option.asText().equals(value.textValue());
                    }
                    if (!allowed) {
                        problems.add(path + ": '" + value.textValue() + "' is not in the enum");
                    }
                }
                limits(value.textValue().length(), shapeName, shape, path + " (length)", problems);
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": expected an integer");
                    return;
                }
                limits(value.doubleValue(), shapeName, shape, path, problems);
            }
            case "double", "float" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": expected a number");
                    return;
                }
                limits(value.doubleValue(), shapeName, shape, path, problems);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected a boolean");
                }
            }
            default -> problems.add(path + ": shape type " + shape.get("type").asText() + " is not checked here");
        }
    }

    private static void limits(double value, String shapeName, JsonNode shape, String path, List<String> problems) {
        Double min = shape.has("min") ? shape.get("min").asDouble() : null;
        Double max = shape.has("max") ? shape.get("max").asDouble() : null;
        Matcher named = LIMITS_IN_NAME.matcher(shapeName);
        if (named.matches()) {
            if (min == null && named.group(2) != null) {
                min = (named.group(1) != null ? -1 : 1) * Double.parseDouble(named.group(2));
            }
            if (max == null && named.group(4) != null) {
                max = (named.group(3) != null ? -1 : 1) * Double.parseDouble(named.group(4));
            }
        }
        String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        if (min != null && value < min) {
            problems.add(path + ": " + shown + " is below " + min.longValue());
        }
        if (max != null && value > max) {
            problems.add(path + ": " + shown + " is above " + max.longValue());
        }
    }
}
