package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static software.amazon.awssdk.core.protocol.MarshallingKnownType.LIST;
import static software.amazon.awssdk.core.protocol.MarshallingKnownType.MAP;
import static software.amazon.awssdk.core.protocol.MarshallingKnownType.SDK_POJO;

import com.amazonaws.livestreaming.testing.PythonTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;

/**
 * {@code validate} tells a MediaLive field that is too new for the bundled SDK from a typo. The list it reads is
 * made here: every structure reachable from {@code EncoderSettings}, botocore's MediaLive model (the venv's, see
 * {@link PythonTools}) against the SDK's model metadata. When botocore or the SDK changes, rewrite it with
 * {@code mvn -o test -Dtest=ApiOnlyFieldsTest -Dlivestreaming.writeApiOnlyFields=true}.
 */
class ApiOnlyFieldsTest {
    private static final Path COMMITTED = Path.of("src/main/resources" + ApiOnlyFields.RESOURCE);
    private static final String REWRITE = "livestreaming.writeApiOnlyFields";

    /** What botocore's model has and the SDK lacks, and a JSON path to each structure that has such members. */
    private record Gaps(Map<String, Set<String>> missing, Map<String, List<String>> pathTo) {}

    @Test
    void committedListIsWhatBotocoresModelHasAndTheBundledSdkLacks() throws IOException {
        String expected = render(gaps());
        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(COMMITTED, expected);
        }

        assertEquals(
                expected,
                Files.readString(COMMITTED),
                COMMITTED + " is out of date with botocore "
                        + PythonTools.botocoreVersion() + " and the AWS SDK " + VersionInfo.SDK_VERSION
                        + "; rewrite it with"
                        + " mvn -o test -Dtest=ApiOnlyFieldsTest -D" + REWRITE + "=true");
    }

    @Test
    void aFieldTheApiHasButTheSdkLacksIsNamedAsSuch() {
        Gaps gaps = gaps();
        assertFalse(
                gaps.missing().isEmpty(),
                "botocore's MediaLive model has nothing the SDK lacks, so this test"
                        + " has no field to try; write one into a structure by hand if that ever happens");
        String structure = gaps.missing().keySet().iterator().next();
        String member = gaps.missing().get(structure).iterator().next();
        List<String> path = gaps.pathTo().get(structure);
        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        ObjectNode target = profile;
        for (String step : path) {
            target = step.endsWith("[0]")
                    ? target.withArray(step.substring(0, step.length() - 3)).addObject()
                    : target.putObject(step);
        }
        target.put(member, true);

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        String jsonPath =
                "$" + String.join("", path.stream().map(step -> "." + step).toList()) + "." + member;
        assertEquals(
                List.of(new ProfileProblem(
                        jsonPath,
                        member + " is a MediaLive API field the bundled AWS SDK " + VersionInfo.SDK_VERSION
                                + " does not support yet")),
                e.problems());
    }

    @Test
    void aTypoIsStillAnUnknownFieldWithASuggestion() {
        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        profile.putObject("TimecodeConfig").put("Sorce", "SYSTEMCLOCK");

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                List.of(new ProfileProblem("$.TimecodeConfig.Sorce", "unknown field; did you mean Source?")),
                e.problems());
    }

    @Test
    void listNamesTheSdkVersionOfThisBuild() {
        assertEquals(VersionInfo.SDK_VERSION, ApiOnlyFields.bundled().sdkVersion());
    }

    @Test
    void parsedListAnswersOnlyForItsOwnMembers() {
        ApiOnlyFields list = ApiOnlyFields.parse("# comment\nsdk 9.9.9\nH264Settings NewThing OtherThing\n");

        assertEquals(
                "NewThing is a MediaLive API field the bundled AWS SDK 9.9.9 does not support yet",
                list.reason("H264Settings", "NewThing").orElseThrow());
        assertFalse(list.reason("H264Settings", "Profle").isPresent());
        assertFalse(list.reason("H265Settings", "NewThing").isPresent());
    }

    private static Gaps gaps() {
        JsonNode shapes = PythonTools.serviceModel("medialive").get("shapes");
        Gaps gaps = new Gaps(new TreeMap<>(), new HashMap<>());
        walk(
                (SdkPojo) EncoderSettings.builder(),
                shapes.get("EncoderSettings"),
                shapes,
                List.of(),
                gaps,
                new HashSet<>());
        return gaps;
    }

    private static void walk(
            SdkPojo builder, JsonNode shape, JsonNode shapes, List<String> path, Gaps gaps, Set<String> seen) {
        String structure = ModelEnums.structureName(builder.getClass());
        if (!seen.add(structure)) {
            return;
        }
        Map<String, SdkField<?>> fields = new HashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            fields.put(field.memberName(), field);
        }
        shape.get("members").fields().forEachRemaining(member -> {
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                gaps.missing().computeIfAbsent(structure, s -> new TreeSet<>()).add(member.getKey());
                gaps.pathTo().putIfAbsent(structure, path);
                return;
            }
            JsonNode target = shapes.get(member.getValue().get("shape").asText());
            List<String> steps = new ArrayList<>(path);
            steps.add(member.getKey());
            while (field.marshallingType().getKnownType() != SDK_POJO) {
                if (field.marshallingType().getKnownType() == LIST) {
                    field = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                    target = shapes.get(target.get("member").get("shape").asText());
                    steps.set(steps.size() - 1, steps.get(steps.size() - 1) + "[0]");
                } else if (field.marshallingType().getKnownType() == MAP) {
                    field = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                    target = shapes.get(target.get("value").get("shape").asText());
                    steps.add("key");
                } else {
                    return;
                }
            }
            walk((SdkPojo) field.constructor().get(), target, shapes, List.copyOf(steps), gaps, seen);
        });
    }

    private static String render(Gaps gaps) {
        StringBuilder text = new StringBuilder()
                .append("# MediaLive API fields (by structure, from EncoderSettings down) that the bundled AWS SDK\n")
                .append("# lacks: botocore ")
                .append(PythonTools.botocoreVersion())
                .append("'s MediaLive model against the SDK's model metadata.\n")
                .append("# Written by ApiOnlyFieldsTest (-Dlivestreaming.writeApiOnlyFields=true); do not edit.\n")
                .append("sdk ")
                .append(VersionInfo.SDK_VERSION)
                .append('\n');
        gaps.missing()
                .forEach((structure, members) -> text.append(structure)
                        .append(' ')
                        .append(String.join(" ", members))
                        .append('\n'));
        return text.toString();
    }
}
