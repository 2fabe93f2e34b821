package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.ChannelRequests;
import com.amazonaws.livestreaming.medialive.ChannelSpec;
import com.amazonaws.livestreaming.testing.BotocoreShapes;
import com.amazonaws.livestreaming.testing.PythonTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the shipped profiles against MediaLive's official API model (the one botocore, and so the AWS CLI,
 * carries; here the venv's pinned botocore, see {@link PythonTools}), independently of the Java SDK the converter
 * uses: every member exists in its shape, enum values are allowed, required members are present, numbers and
 * string lengths are within the model's limits. The model states limits in shape names ({@code __integerMin1Max10}) where it has no min/max keys, so both are read.
 */
class BotocoreModelTest {
    private static JsonNode shapes;

    @BeforeAll
    static void loadModel() {
        shapes = PythonTools.serviceModel("medialive").get("shapes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1080p", "720p", "540p"})
    void shippedProfileConformsToTheMediaLiveApiModel(String name) {
        List<String> problems = new ArrayList<>();
        check(Profiles.shipped(name), "EncoderSettings", "$", problems);
        assertEquals(List.of(), problems);
    }

    /**
     * The whole CreateChannel request the stack sends (what {@code render} prints), for either packager: with v2 the
     * CMAF Ingest output group, its one-track outputs and the ingest URL destinations must fit the model too.
     */
    @ParameterizedTest(name = "{0} for Packager {1} on a {2} channel")
    @CsvSource({
        "1080p, v1, STANDARD",
        "720p, v1, SINGLE_PIPELINE",
        "540p, v1, STANDARD",
        "1080p, v2, STANDARD",
        "720p, v2, SINGLE_PIPELINE",
        "540p, v2, STANDARD"
    })
    void createChannelRequestConformsToTheMediaLiveApiModel(String name, String packager, String channelClass) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(Map.of(
                "InputId",
                "2468013",
                "InputType",
                "RTMP_PUSH",
                "EncodingProfile",
                name,
                "ChannelClass",
                channelClass,
                "Packager",
                packager,
                "RoleArn",
                "arn:aws:iam::123456789012:role/demo-MediaLiveRole",
                "LogLevel",
                "ERROR"));
        if (packager.equals("v1")) {
            properties.put("MediaPackageChannelId", "demo-livestream");
        } else {
            properties.put(
                    "CmafIngestUrl1",
                    "https://a1b2c3-1.ingest.d4e5f6.mediapackagev2.us-east-1.amazonaws.com" + "/in/v1/demo/1/live/");
            properties.put(
                    "CmafIngestUrl2",
                    "https://a1b2c3-2.ingest.d4e5f6.mediapackagev2.us-east-1.amazonaws.com" + "/in/v1/demo/1/live/");
        }
        ChannelSpec spec = ChannelSpec.from(Properties.of(properties), "demo");
        EncodingProfile profile = EncodingProfiles.render(
                EncodingProfiles.read(name, Profiles.bytes(Profiles.shipped(name))), spec.packager());
        JsonNode request = ProfileJson.write(ChannelRequests.create(spec, profile, Map.of("Team", "video")));
        List<String> problems = new ArrayList<>();

        check(request, "CreateChannelRequest", "$", problems);

        assertEquals(List.of(), problems);
        JsonNode destination = request.get("Destinations").get(0);
        assertEquals(
                packager.equals("v1") ? 1 : channelClass.equals("STANDARD") ? 2 : 1,
                destination
                        .path(packager.equals("v1") ? "MediaPackageSettings" : "Settings")
                        .size());
        assertEquals(
                packager.equals("v1") ? "MediaPackageGroupSettings" : "CmafIngestGroupSettings",
                request.get("EncoderSettings")
                        .get("OutputGroups")
                        .get(0)
                        .get("OutputGroupSettings")
                        .fieldNames()
                        .next());
    }

    @Test
    void checkerCatchesWhatTheModelForbids() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 0)
                .put("QvbrQualityLevel", 11)
                .put("Profle", "HIGH")
                .put("Level", "H264_LEVEL_9");
        profile.with("TimecodeConfig").remove("Source");
        List<String> problems = new ArrayList<>();

        check(profile, "EncoderSettings", "$", problems);

        assertEquals(
                List.of(
                        "$.TimecodeConfig: required member Source is missing",
                        "$.VideoDescriptions[0].CodecSettings.H264Settings.Level: 'H264_LEVEL_9' is not in the enum",
                        "$.VideoDescriptions[0].CodecSettings.H264Settings.Profle: no such member in H264Settings",
                        "$.VideoDescriptions[0].CodecSettings.H264Settings.QvbrQualityLevel: 11 is above 10"),
                problems.stream().sorted().toList());
    }

    private static void check(JsonNode value, String shapeName, String path, List<String> problems) {
        problems.addAll(BotocoreShapes.problems(shapes, shapeName, value, path));
    }
}
