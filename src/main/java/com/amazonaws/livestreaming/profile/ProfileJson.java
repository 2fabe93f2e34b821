package com.amazonaws.livestreaming.profile;

import com.amazonaws.livestreaming.cfn.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.thirdparty.jackson.core.JacksonException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonLocation;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between SDK model objects and the PascalCase JSON that the AWS CLI prints and accepts (the form of
 * {@code aws medialive describe-channel}), so users can paste settings straight into a profile. Both directions
 * are driven by the SDK's own model metadata ({@link SdkPojo#sdkFields()}): every member the SDK knows is
 * supported without per-field code, and anything it does not know is an error naming its JSON path.
 */
public final class ProfileJson {
    /**
     * Read with the streaming parser into a tree made here, not through an ObjectMapper: the mapper's set-up alone
     * loads about 600 classes more on the cold start of a channel request, for the same tree. The parser is the AWS
     * SDK's copy of jackson-core, which every request loads anyway for its AWS calls: about 70 classes fewer than
     * Jackson's own.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Object INVALID = new Object();

    private ProfileJson() {}

    /** Parses JSON text; a syntax error (or a repeated key) is a problem at {@code $} with line and column. */
    public static JsonNode parse(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new InvalidProfileException(List.of(new ProfileProblem("$", "the file is empty")));
            }
            return tree(parser);
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidProfileException(
                    List.of(new ProfileProblem("$", "not valid JSON" + at + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidProfileException(List.of(new ProfileProblem("$", "cannot read JSON: " + e.getMessage())));
        }
    }

    /** The value at the parser's current token, as ObjectMapper.readTree would build it. */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.currentToken() == JsonToken.VALUE_TRUE);
            }
            default -> {
                return nodes.nullNode();
            }
        }
    }

    /** The MediaLive {@code EncoderSettings} that a profile's JSON describes. */
    public static EncoderSettings readEncoderSettings(JsonNode json) {
        return read(json, EncoderSettings.class);
    }

    /**
     * Builds a model object of {@code type} from PascalCase JSON. Every unknown member, wrong JSON type and
     * unknown enum value is collected before failing, each with its JSON path.
     *
     * @throws InvalidProfileException listing every problem found
     */
    public static <T extends SdkPojo> T read(JsonNode json, Class<T> type) {
        SdkPojo builder = newBuilder(type);
        List<ProfileProblem> problems = new ArrayList<>();
        readStructure(builder, json, "$", problems);
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems);
        }
        return type.cast(((SdkBuilder<?, ?>) builder).build());
    }

    /** The PascalCase JSON form of a model object: the members that are set, as the AWS CLI would print them. */
    public static ObjectNode write(SdkPojo pojo) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = valueOf(field, pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            node.set(field.memberName(), writeValue(field, value));
        }
        return node;
    }

    private static JsonNode writeValue(SdkField<?> field, Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> f.textNode((String) value);
            case INTEGER -> f.numberNode((Integer) value);
            case LONG -> f.numberNode((Long) value);
            case SHORT -> f.numberNode((Short) value);
            case BYTE -> f.numberNode((Byte) value);
            case DOUBLE -> f.numberNode((Double) value);
            case FLOAT -> f.numberNode((Float) value);
            case BIG_DECIMAL -> f.numberNode((java.math.BigDecimal) value);
            case BOOLEAN -> f.booleanNode((Boolean) value);
            case INSTANT -> f.textNode(value.toString());
            case SDK_BYTES -> f.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
            case SDK_POJO -> write((SdkPojo) value);
            case LIST -> {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                ArrayNode array = f.arrayNode();
                for (Object element : (List<?>) value) {
                    array.add(element == null ? f.nullNode() : writeValue(member, element));
                }
                yield array;
            }
            case MAP -> {
                SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                ObjectNode object = f.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(
                            String.valueOf(entry.getKey()),
                            entry.getValue() == null ? f.nullNode() : writeValue(member, entry.getValue()));
                }
                yield object;
            }
            default ->
                throw new IllegalArgumentException(field.memberName() + ": cannot write a "
                        + field.marshallingType().getKnownType() + " member as JSON");
        };
    }

    /**
     * The member's value as set. {@link SdkField#getValueOrDefault} would invent a value for members with a
     * default (such as a fresh idempotency token), so for those the model's own getter is read instead.
     */
    private static Object valueOf(SdkField<?> field, SdkPojo pojo) {
        if (!field.containsTrait(DefaultValueTrait.class)) {
            return field.getValueOrDefault(pojo);
        }
        for (Method method : pojo.getClass().getMethods()) {
            if (method.getParameterCount() == 0 && method.getName().equalsIgnoreCase(field.memberName())) {
                try {
                    return method.invoke(pojo);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + field.memberName(), e);
                }
            }
        }
        return field.getValueOrDefault(pojo);
    }

    private static void readStructure(SdkPojo builder, JsonNode node, String path, List<ProfileProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ProfileProblem(path, "expected an object, got " + describe(node)));
            return;
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            fields.put(field.memberName(), field);
        }
        Map<String, Class<?>> enums = ModelEnums.of(builder.getClass());
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String memberPath = path + "." + member.getKey();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                String structure = ModelEnums.structureName(builder.getClass());
                problems.add(new ProfileProblem(
                        memberPath,
                        ApiOnlyFields.bundled()
                                .reason(structure, member.getKey())
                                .orElseGet(() -> "unknown field"
                                        + Suggestions.closest(member.getKey(), fields.keySet())
                                                .map(s -> "; did you mean " + s + "?")
                                                .orElse(" in " + structure))));
                continue;
            }
            Object value = readValue(
                    field,
                    enums.get(field.memberName().toLowerCase(Locale.ROOT)),
                    member.getValue(),
                    memberPath,
                    problems);
            if (value != INVALID) {
                field.set(builder, value);
            }
        }
    }

    private static Object readValue(
            SdkField<?> field, Class<?> enumType, JsonNode node, String path, List<ProfileProblem> problems) {
        switch (field.marshallingType().getKnownType()) {
            case STRING:
                if (!node.isTextual()) {
                    return wrongType(path, "a string", node, problems);
                }
                if (enumType != null && !ModelEnums.isKnown(enumType, node.textValue())) {
                    List<String> allowed = ModelEnums.knownValues(enumType);
                    problems.add(new ProfileProblem(
                            path,
                            "unknown value '" + node.textValue() + "'"
                                    + Suggestions.closest(node.textValue(), allowed)
                                            .map(s -> "; did you mean " + s + "?")
                                            .orElse("")
                                    + "; allowed values: " + String.join(", ", allowed)));
                    return INVALID;
                }
                return node.textValue();
            case INTEGER:
                return node.isIntegralNumber() && node.canConvertToInt()
                        ? (Object) node.intValue()
                        : wrongType(path, "an integer", node, problems);
            case LONG:
                return node.isIntegralNumber() && node.canConvertToLong()
                        ? (Object) node.longValue()
                        : wrongType(path, "an integer", node, problems);
            case SHORT:
                return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() == (short) node.intValue()
                        ? (Object) (short) node.intValue()
                        : wrongType(path, "a short integer", node, problems);
            case BYTE:
                return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() == (byte) node.intValue()
                        ? (Object) (byte) node.intValue()
                        : wrongType(path, "a byte", node, problems);
            case DOUBLE:
                return node.isNumber() ? (Object) node.doubleValue() : wrongType(path, "a number", node, problems);
            case FLOAT:
                return node.isNumber() ? (Object) node.floatValue() : wrongType(path, "a number", node, problems);
            case BIG_DECIMAL:
                return node.isNumber() ? node.decimalValue() : wrongType(path, "a number", node, problems);
            case BOOLEAN:
                return node.isBoolean()
                        ? (Object) node.booleanValue()
                        : wrongType(path, "true or false", node, problems);
            case INSTANT:
                if (node.isNumber()) {
                    return Instant.ofEpochMilli(Math.round(node.doubleValue() * 1000));
                }
                try {
                    return node.isTextual()
                            ? Instant.parse(node.textValue())
                            : wrongType(path, "a timestamp", node, problems);
                } catch (DateTimeParseException e) {
                    problems.add(
                            new ProfileProblem(path, "expected an ISO-8601 timestamp, got '" + node.textValue() + "'"));
                    return INVALID;
                }
            case SDK_BYTES:
                try {
                    return node.isTextual()
                            ? SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()))
                            : wrongType(path, "a base64 string", node, problems);
                } catch (IllegalArgumentException e) {
                    problems.add(new ProfileProblem(path, "expected a base64 string"));
                    return INVALID;
                }
            case SDK_POJO: {
                SdkPojo builder = field.constructor().get();
                int before = problems.size();
                readStructure(builder, node, path, problems);
                return problems.size() == before ? ((SdkBuilder<?, ?>) builder).build() : INVALID;
            }
            case LIST: {
                if (!node.isArray()) {
                    return wrongType(path, "an array", node, problems);
                }
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>();
                boolean valid = true;
                for (int i = 0; i < node.size(); i++) {
                    Object element = readValue(member, enumType, node.get(i), path + "[" + i + "]", problems);
                    valid &= element != INVALID;
                    list.add(element);
                }
                return valid ? list : INVALID;
            }
            case MAP: {
                if (!node.isObject()) {
                    return wrongType(path, "an object", node, problems);
                }
                SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                boolean valid = true;
                Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    Object value = readValue(member, null, entry.getValue(), path + keyPath(entry.getKey()), problems);
                    valid &= value != INVALID;
                    map.put(entry.getKey(), value);
                }
                return valid ? map : INVALID;
            }
            default:
                problems.add(new ProfileProblem(
                        path, "a " + field.marshallingType().getKnownType() + " member cannot be given in a profile"));
                return INVALID;
        }
    }

    private static Object wrongType(String path, String expected, JsonNode node, List<ProfileProblem> problems) {
        problems.add(new ProfileProblem(path, "expected " + expected + ", got " + describe(node)));
        return INVALID;
    }

    private static String keyPath(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    private static SdkPojo newBuilder(Class<? extends SdkPojo> type) {
        try {
            Object builder = type.getMethod("builder").invoke(null);
            if (builder instanceof SdkPojo pojo && builder instanceof SdkBuilder<?, ?>) {
                return pojo;
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " is not an SDK model class", e);
        }
        throw new IllegalArgumentException(type.getName() + " is not an SDK model class");
    }
}
