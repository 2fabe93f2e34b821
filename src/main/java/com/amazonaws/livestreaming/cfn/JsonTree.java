package com.amazonaws.livestreaming.cfn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Reads JSON into plain Java values with the AWS SDK's own parser, which every request loads anyway for its AWS
 * calls, rather than a general-purpose data-binding library that would add hundreds of classes to a cold start.
 */
public final class JsonTree {
    private static final JsonNodeParser PARSER = JsonNode.parser();

    private JsonTree() {}

    /**
     * The value of the JSON text: maps (in document order), lists, strings, booleans, null and numbers (Integer or
     * Long for whole numbers, Double when written with a fraction or exponent).
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Object parse(byte[] json) {
        JsonNode root;
        try {
            root = PARSER.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException("not JSON: no value");
        }
        return plain(root);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((key, value) -> map.put(key, plain(value)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNumber() ? number(node.asNumber()) : null;
    }

    private static Object number(String text) {
        try {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                long value = Long.parseLong(text);
                if (value == (int) value) {
                    return (int) value;
                }
                return value;
            }
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return new BigDecimal(text);
        }
    }
}
