package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;

class ProfileValidatorTest {
    private static final InputSpecification MAX_10 = InputSpecification.builder()
            .codec("AVC")
            .resolution("HD")
            .maximumBitrate("MAX_10_MBPS")
            .build();

    private static List<ProfileProblem> check(ObjectNode profile, InputSpecification input) {
        return ProfileValidator.check(ProfileJson.readEncoderSettings(profile), input);
    }

    private static List<ProfileProblem> check(ObjectNode profile) {
        EncoderSettings settings = ProfileJson.readEncoderSettings(profile);
        return ProfileValidator.check(settings, InputSpecifications.forLadder(settings));
    }

    private static ObjectNode output(ObjectNode profile, int index) {
        return (ObjectNode)
                profile.withArray("OutputGroups").get(0).get("Outputs").get(index);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1080p", "720p", "540p"})
    void shippedProfileHasNoProblems(String name) {
        assertEquals(List.of(), check(Profiles.shipped(name)));
    }

    @Test
    void audioDescriptionNoOutputUsesIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        ((ArrayNode) output(profile, 3).get("AudioDescriptionNames")).set(0, "audio_540p");

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.AudioDescriptions[3].Name",
                                "AudioDescription 'audio_270p' is not used by any output; MediaLive rejects unused descriptions")),
                check(profile));
    }

    @Test
    void outputNamingAMissingVideoDescriptionIsAProblemWithASuggestion() {
        ObjectNode profile = Profiles.shipped("540p");
        output(profile, 1).put("VideoDescriptionName", "video_423p");

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.OutputGroups[0].Outputs[1].VideoDescriptionName",
                                "no VideoDescription named 'video_423p'; did you mean video_432p?"),
                        new ProfileProblem(
                                "$.VideoDescriptions[1].Name",
                                "VideoDescription 'video_432p' is not used by any output; MediaLive rejects unused "
                                        + "descriptions")),
                check(profile));
    }

    @Test
    void outputNamingAMissingAudioDescriptionIsAProblemAtItsIndex() {
        ObjectNode profile = Profiles.shipped("540p");
        ((ArrayNode) output(profile, 0).get("AudioDescriptionNames")).add("audio_stereo");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.OutputGroups[0].Outputs[0].AudioDescriptionNames[1]",
                        "no AudioDescription named 'audio_stereo'")),
                check(profile));
    }

    @Test
    void duplicateDescriptionNameIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(2)).put("Name", "video_540p");

        List<ProfileProblem> problems = check(profile);

        assertEquals(
                new ProfileProblem(
                        "$.VideoDescriptions[2].Name",
                        "duplicate VideoDescription name 'video_540p' (also VideoDescriptions[0])"),
                problems.get(0));
    }

    @Test
    void oddWidthIsAProblem() {
        ObjectNode profile = Profiles.shipped("720p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(3)).put("Width", 767);

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[3].Width", "767 is odd; H.264 with 4:2:0 chroma needs even dimensions")),
                check(profile));
    }

    @Test
    void heightBeyondWhatMediaLiveEncodesIsAProblem() {
        ObjectNode profile = Profiles.shipped("720p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(0)).put("Height", 4320);

        assertEquals(
                new ProfileProblem("$.VideoDescriptions[0].Height", "4320 is out of range 32..2160"),
                check(profile).get(0));
    }

    @Test
    void rungThatFollowsTheSourceSizeIsAProblemBecauseMediaPackageOutputsNeedOne() {
        ObjectNode profile = Profiles.shipped("540p");
        ObjectNode video = (ObjectNode) profile.withArray("VideoDescriptions").get(2);
        video.remove("Width");
        video.remove("Height");

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.VideoDescriptions[2].Width",
                                "missing; a MediaPackage output group needs "
                                        + "Width and Height on every rung (it cannot follow the source's size)"),
                        new ProfileProblem(
                                "$.VideoDescriptions[2].Height",
                                "missing; a MediaPackage output group needs "
                                        + "Width and Height on every rung (it cannot follow the source's size)")),
                check(profile));
    }

    @Test
    void frameRateFollowingTheSourceIsAProblemBecauseMediaPackageOutputsNeedOne() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 1).put("FramerateControl", "INITIALIZE_FROM_SOURCE");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[1].CodecSettings.H264Settings.FramerateControl",
                        "is INITIALIZE_FROM_SOURCE; "
                                + "a MediaPackage output group needs SPECIFIED, with FramerateNumerator and "
                                + "FramerateDenominator")),
                check(profile));
    }

    @Test
    void missingPixelAspectRatioIsAProblemBecauseMediaPackageOutputsNeedOne() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 0).remove("ParControl");
        Profiles.h264(profile, 3).remove("ParDenominator");

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.VideoDescriptions[0].CodecSettings.H264Settings.ParControl",
                                "missing; "
                                        + "a MediaPackage output group needs SPECIFIED, with ParNumerator and ParDenominator"),
                        new ProfileProblem(
                                "$.VideoDescriptions[3].CodecSettings.H264Settings.ParDenominator",
                                "missing; ParControl SPECIFIED needs ParNumerator and ParDenominator")),
                check(profile));
    }

    @Test
    void gopOfADifferentDurationOnOneRungIsAProblem() {
        ObjectNode profile = Profiles.shipped("1080p");
        Profiles.h264(profile, 5).put("GopSize", 3.0);

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[5].CodecSettings.H264Settings.GopSize",
                        "GOP is 3.000 s but 2.000 s on VideoDescriptions[0]; every rung needs the same GOP duration so "
                                + "segments align for ABR switching")),
                check(profile));
    }

    @Test
    void gopInFramesIsComparedInSecondsThroughTheFrameRate() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 2).put("GopSize", 60.0).put("GopSizeUnits", "FRAMES");
        Profiles.h264(profile, 3).put("GopSize", 30.0).put("GopSizeUnits", "FRAMES");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[3].CodecSettings.H264Settings.GopSize",
                        "GOP is 1.001 s but 2.000 s on VideoDescriptions[0]; every rung needs the same GOP duration so "
                                + "segments align for ABR switching")),
                check(profile));
    }

    @Test
    void destinationOtherThanTheChannelsIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        ((ObjectNode) profile.withArray("OutputGroups")
                        .get(0)
                        .get("OutputGroupSettings")
                        .get("MediaPackageGroupSettings")
                        .get("Destination"))
                .put("DestinationRefId", "mediapackage");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.OutputGroups[0].OutputGroupSettings.MediaPackageGroupSettings.Destination.DestinationRefId",
                        "is 'mediapackage'; the channel's destination is 'destination1' (its MediaPackage channel)")),
                check(profile));
    }

    @Test
    void outputGroupOtherThanMediaPackageIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        ObjectNode settings =
                (ObjectNode) profile.withArray("OutputGroups").get(0).get("OutputGroupSettings");
        settings.set("HlsGroupSettings", settings.remove("MediaPackageGroupSettings"));

        assertEquals(
                new ProfileProblem(
                        "$.OutputGroups[0].OutputGroupSettings.HlsGroupSettings",
                        "not supported; the channel's only destination, destination1, is a MediaPackage channel: use "
                                + "MediaPackageGroupSettings (Packager v2 renders CMAF ingest from it)"),
                check(profile).get(0));
    }

    @Test
    void rungOverTheInputsMaximumBitrateIsAProblem() {
        ObjectNode profile = Profiles.shipped("1080p");
        Profiles.h264(profile, 0).put("MaxBitrate", 12_000_000);

        assertEquals(
                List.of(
                        new ProfileProblem(
                                "$.VideoDescriptions[0].CodecSettings.H264Settings.MaxBitrate",
                                "12000000 b/s is over the input's maximum MAX_10_MBPS; a rung cannot carry more than its source")),
                check(profile, MAX_10));
    }

    @Test
    void qvbrWithoutMaxBitrateIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        Profiles.h264(profile, 1).remove("MaxBitrate");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[1].CodecSettings.H264Settings.MaxBitrate",
                        "missing; QVBR needs MaxBitrate")),
                check(profile));
    }

    @Test
    void missingTimecodeConfigIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        profile.remove("TimecodeConfig");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.TimecodeConfig.Source", "missing; allowed values: EMBEDDED, SYSTEMCLOCK, ZEROBASED")),
                check(profile));
    }

    @Test
    void missingDescriptionListsAreProblems() {
        ObjectNode profile = Profiles.shipped("540p");
        profile.remove("AudioDescriptions");
        ((ObjectNode) profile.withArray("OutputGroups").get(0))
                .withArray("Outputs")
                .forEach(output -> ((ObjectNode) output).remove("AudioDescriptionNames"));

        assertEquals(
                List.of(new ProfileProblem("$.AudioDescriptions", "missing; MediaLive requires the list")),
                check(profile));
    }

    @Test
    void duplicateOutputNameIsAProblem() {
        ObjectNode profile = Profiles.shipped("540p");
        output(profile, 4).put("OutputName", "540p");

        assertEquals(
                List.of(new ProfileProblem(
                        "$.OutputGroups[0].Outputs[4].OutputName",
                        "duplicate output name '540p' (also OutputGroups[0].Outputs[0])")),
                check(profile));
    }
}
