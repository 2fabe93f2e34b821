package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.medialive.model.CreateChannelRequest;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.H264Profile;
import software.amazon.awssdk.services.medialive.model.HlsAdMarkers;
import software.amazon.awssdk.services.medialive.model.HlsGroupSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;

class ProfileJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"1080p", "720p", "540p"})
    void shippedProfileSurvivesJsonToSdkToJsonUnchanged(String name) {
        ObjectNode file = Profiles.shipped(name);

        EncoderSettings settings = ProfileJson.readEncoderSettings(file);

        assertEquals(file, ProfileJson.write(settings));
    }

    @Test
    void jsonMembersLandInTheSdkModelWithTheirTypes() {
        EncoderSettings settings = ProfileJson.readEncoderSettings(Profiles.shipped("1080p"));

        assertEquals(1920, settings.videoDescriptions().get(0).width());
        assertEquals(
                H264Profile.HIGH,
                settings.videoDescriptions()
                        .get(0)
                        .codecSettings()
                        .h264Settings()
                        .profile());
        assertEquals(
                2.0,
                settings.videoDescriptions()
                        .get(0)
                        .codecSettings()
                        .h264Settings()
                        .gopSize());
        assertEquals(
                128000.0,
                settings.audioDescriptions()
                        .get(0)
                        .codecSettings()
                        .aacSettings()
                        .bitrate());
        assertEquals("destination1", Profiles.mediaPackageDestination(settings));
    }

    @Test
    void unknownFieldIsNamedByItsPathWithASuggestion() {
        ObjectNode profile = Profiles.shipped("1080p");
        ObjectNode h264 = Profiles.h264(profile, 2);
        h264.set("Profle", h264.remove("Profile"));

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[2].CodecSettings.H264Settings.Profle",
                        "unknown field; did you mean Profile?")),
                e.problems());
    }

    @Test
    void unknownFieldWithoutALikelyMeaningNamesItsStructure() {
        ObjectNode profile = Profiles.shipped("540p");
        profile.with("TimecodeConfig").put("Wibble", 1);

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                "$.TimecodeConfig.Wibble: unknown field in TimecodeConfig",
                e.problems().get(0).toString());
    }

    @Test
    void camelCaseWireNameIsAnUnknownFieldSuggestingThePascalCaseName() {
        ObjectNode profile = Profiles.shipped("540p");
        profile.set("timecodeConfig", profile.remove("TimecodeConfig"));

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                "$.timecodeConfig: unknown field; did you mean TimecodeConfig?",
                e.problems().get(0).toString());
    }

    @Test
    void wrongJsonTypeIsNamedByItsPath() {
        ObjectNode profile = Profiles.shipped("720p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(1)).put("Width", "1280");
        Profiles.h264(profile, 0).put("MaxBitrate", 5.5e6);

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.VideoDescriptions[0].CodecSettings.H264Settings.MaxBitrate",
                                "expected an integer, got a decimal number"),
                        new ProfileProblem("$.VideoDescriptions[1].Width", "expected an integer, got a string")),
                e.problems());
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 4).put("RateControlMode", "QVRB");

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[4].CodecSettings.H264Settings.RateControlMode",
                        "unknown value 'QVRB'; did you mean QVBR?; allowed values: CBR, MULTIPLEX, QVBR, VBR")),
                e.problems());
    }

    @Test
    void unknownEnumValueInAListIsNamedByItsIndex() {
        ObjectNode group = Profiles.JSON.createObjectNode();
        group.putArray("AdMarkers").add("ELEMENTAL_SCTE35").add("SCTE35");

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.read(group, HlsGroupSettings.class));

        assertEquals("$.AdMarkers[1]", e.problems().get(0).path());
        assertTrue(
                e.problems().get(0).message().startsWith("unknown value 'SCTE35'"),
                e.problems().get(0).message());
        assertTrue(
                e.problems().get(0).message().contains("ELEMENTAL_SCTE35"),
                e.problems().get(0).message());
    }

    @Test
    void listOfEnumsIsReadAsTheModelsEnums() {
        ObjectNode group = Profiles.JSON.createObjectNode();
        group.putArray("AdMarkers").add("ELEMENTAL_SCTE35");

        HlsGroupSettings settings = ProfileJson.read(group, HlsGroupSettings.class);

        assertEquals(List.of(HlsAdMarkers.ELEMENTAL_SCTE35), settings.adMarkers());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        ObjectNode profile = Profiles.shipped("1080p");
        Profiles.h264(profile, 0).put("Level", "H264_LEVEL_9");
        Profiles.h264(profile, 7).put("GopSizeUnit", "SECONDS");
        profile.with("TimecodeConfig").put("Source", 3);

        InvalidProfileException e =
                assertThrows(InvalidProfileException.class, () -> ProfileJson.readEncoderSettings(profile));

        assertEquals(
                List.of(
                        "$.TimecodeConfig.Source",
                        "$.VideoDescriptions[0].CodecSettings.H264Settings.Level",
                        "$.VideoDescriptions[7].CodecSettings.H264Settings.GopSizeUnit"),
                e.problems().stream().map(ProfileProblem::path).sorted().toList());
    }

    @Test
    void textThatIsNotJsonIsAProblemWithLineAndColumn() {
        InvalidProfileException e = assertThrows(
                InvalidProfileException.class,
                () -> ProfileJson.parse("{\n  \"TimecodeConfig\": {,}\n}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("$", e.problems().get(0).path());
        assertTrue(
                e.problems().get(0).message().startsWith("not valid JSON at line 2, column "),
                e.problems().get(0).message());
    }

    @Test
    void repeatedKeyIsAProblemRatherThanSilentlyLastOneWins() {
        InvalidProfileException e = assertThrows(
                InvalidProfileException.class,
                () -> ProfileJson.parse(
                        "{\"TimecodeConfig\": {}, \"TimecodeConfig\": {}}".getBytes(StandardCharsets.UTF_8)));

        assertTrue(
                e.problems().get(0).message().contains("Duplicate field 'TimecodeConfig'"),
                e.problems().get(0).message());
    }

    @Test
    void writingARequestGivesTheCliFormWithOnlyTheMembersSet() {
        CreateChannelRequest request = CreateChannelRequest.builder()
                .name("demo-stack-livestream")
                .inputSpecification(InputSpecification.builder()
                        .codec("AVC")
                        .resolution("HD")
                        .maximumBitrate("MAX_20_MBPS")
                        .build())
                .encoderSettings(ProfileJson.readEncoderSettings(Profiles.shipped("540p")))
                .build();

        ObjectNode json = ProfileJson.write(request);

        assertEquals("demo-stack-livestream", json.get("Name").textValue());
        assertEquals(
                "MAX_20_MBPS",
                json.get("InputSpecification").get("MaximumBitrate").textValue());
        assertEquals(Profiles.shipped("540p"), json.get("EncoderSettings"));
        assertFalse(json.has("RequestId"), "an unset idempotency token is not invented: " + json.fieldNames());
        assertFalse(json.has("Tags"), "an unset map is left out");
    }
}
