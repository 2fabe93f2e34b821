package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.medialive.model.AudioDescription;
import software.amazon.awssdk.services.medialive.model.CmafIngestGroupSettings;
import software.amazon.awssdk.services.medialive.model.CmafIngestSegmentLengthUnits;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.H264GopSizeUnits;
import software.amazon.awssdk.services.medialive.model.H264LookAheadRateControl;
import software.amazon.awssdk.services.medialive.model.H264Settings;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.Scte35Type;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/** The ladder of a profile as MediaPackage v2 receives it: CMAF ingest, one track per output, 1 s GOPs. */
class CmafIngestLadderTest {
    private static EncodingProfile shipped(String name) {
        return EncodingProfiles.read(name, Profiles.bytes(Profiles.shipped(name)));
    }

    private static EncoderSettings v2(String name) {
        return EncodingProfiles.render(shipped(name), Packager.V2).encoderSettings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1080p", "720p", "540p"})
    void shippedProfilesRenderForPackagerV2WithoutProblems(String name) {
        EncodingProfile profile = shipped(name);
        EncoderSettings rendered = CmafIngestLadder.render(profile.encoderSettings());

        assertEquals(List.of(), ProfileValidator.check(rendered, profile.inputSpecification(), Packager.V2));
    }

    @Test
    void packagerV1KeepsTheProfileAsWritten() {
        EncodingProfile profile = shipped("720p");

        assertSame(profile, EncodingProfiles.render(profile, Packager.V1));
    }

    @Test
    void theOutputGroupBecomesCmafIngestWithOneSecondSegmentsToTheSameDestination() {
        List<OutputGroup> groups = v2("720p").outputGroups();

        assertEquals(1, groups.size());
        CmafIngestGroupSettings cmaf = groups.get(0).outputGroupSettings().cmafIngestGroupSettings();
        assertEquals(1, cmaf.segmentLength());
        assertEquals(CmafIngestSegmentLengthUnits.SECONDS, cmaf.segmentLengthUnits());
        assertEquals("destination1", cmaf.destination().destinationRefId());
        assertNull(groups.get(0).outputGroupSettings().mediaPackageGroupSettings());
    }

    @Test
    void everyRungKeepsItsSizeAndBitrateAndGetsOneSecondClosedGopsAndLowLookAhead() {
        EncoderSettings source = shipped("1080p").encoderSettings();
        List<VideoDescription> rendered = v2("1080p").videoDescriptions();

        assertEquals(source.videoDescriptions().size(), rendered.size());
        for (int i = 0; i < rendered.size(); i++) {
            H264Settings before =
                    source.videoDescriptions().get(i).codecSettings().h264Settings();
            H264Settings after = rendered.get(i).codecSettings().h264Settings();
            assertEquals(
                    source.videoDescriptions().get(i).width(), rendered.get(i).width());
            assertEquals(
                    source.videoDescriptions().get(i).height(), rendered.get(i).height());
            assertEquals(before.maxBitrate(), after.maxBitrate());
            assertEquals(1.0, after.gopSize());
            assertEquals(H264GopSizeUnits.SECONDS, after.gopSizeUnits());
            assertEquals(before.gopClosedCadence(), after.gopClosedCadence());
            assertEquals(H264LookAheadRateControl.LOW, after.lookAheadRateControl());
            assertEquals(
                    before.toBuilder()
                            .gopSize(1.0)
                            .lookAheadRateControl(H264LookAheadRateControl.LOW)
                            .build(),
                    after,
                    "nothing else of the rung changes");
        }
    }

    @Test
    void eachRungBecomesAVideoOnlyOutputAndEachDistinctAudioEncodeOneAudioOutput() {
        List<Output> outputs = v2("720p").outputGroups().get(0).outputs();

        assertEquals(
                List.of(
                        "720p",
                        "720p_3300k",
                        "540p",
                        "432p",
                        "360p",
                        "270p",
                        "234p",
                        "audio_720p",
                        "audio_540p",
                        "audio_360p"),
                outputs.stream().map(Output::outputName).toList());
        for (Output output : outputs) {
            int tracks = (output.videoDescriptionName() == null ? 0 : 1)
                    + output.audioDescriptionNames().size();
            assertEquals(1, tracks, output.outputName() + " carries one track");
            assertEquals(
                    "_" + output.outputName(),
                    output.outputSettings().cmafIngestOutputSettings().nameModifier());
        }
    }

    @Test
    void audioEncodesWithIdenticalSettingsAreSentOnceAndTheRestDropped() {
        EncoderSettings rendered = v2("720p");

        assertEquals(
                List.of("audio_720p 128000", "audio_540p 96000", "audio_360p 64000"),
                rendered.audioDescriptions().stream()
                        .map(a -> a.name() + " "
                                + a.codecSettings().aacSettings().bitrate().longValue())
                        .toList());
        assertEquals(
                3,
                rendered.audioDescriptions().stream()
                        .map(a -> a.toBuilder().name(null).build())
                        .distinct()
                        .count(),
                "the three kept encodes differ");
    }

    @Test
    void profileWithAvailsPassesScte35OnInTheCmafSegments() {
        EncoderSettings rendered = v2("540p");

        assertTrue(shipped("540p").encoderSettings().availConfiguration() != null, "the shipped profiles mark avails");
        assertEquals(
                Scte35Type.SCTE_35_WITHOUT_SEGMENTATION,
                rendered.outputGroups()
                        .get(0)
                        .outputGroupSettings()
                        .cmafIngestGroupSettings()
                        .scte35Type());
    }

    @Test
    void profileWithoutAvailsSendsNoScte35Track() {
        ObjectNode profile = Profiles.shipped("540p");
        profile.remove("AvailConfiguration");

        EncoderSettings rendered = EncodingProfiles.render(
                        EncodingProfiles.read("no-avails", Profiles.bytes(profile)), Packager.V2)
                .encoderSettings();

        assertNull(rendered.outputGroups()
                .get(0)
                .outputGroupSettings()
                .cmafIngestGroupSettings()
                .scte35Type());
    }

    @Test
    void rungWithACodecWhoseGopCannotBeSetIsAProblemNamingIt() {
        EncoderSettings settings = shipped("540p").encoderSettings();
        VideoDescription mpeg2 = settings.videoDescriptions().get(1).toBuilder()
                .codecSettings(c -> c.mpeg2Settings(m -> m.gopSize(2.0)))
                .build();
        List<VideoDescription> videos = new java.util.ArrayList<>(settings.videoDescriptions());
        videos.set(1, mpeg2);

        InvalidProfileException e = assertThrows(
                InvalidProfileException.class,
                () -> CmafIngestLadder.render(
                        settings.toBuilder().videoDescriptions(videos).build()));

        assertEquals(
                List.of(new ProfileProblem(
                        "$.VideoDescriptions[1].CodecSettings",
                        "Mpeg2Settings is not "
                                + "supported with Packager v2; CMAF ingest needs 1 s GOPs, which it sets on H264Settings and "
                                + "H265Settings rungs")),
                e.problems());
    }

    @Test
    void cmafOutputWithVideoAndAudioIsAProblemForPackagerV2() {
        EncodingProfile profile = shipped("540p");
        EncoderSettings rendered = CmafIngestLadder.render(profile.encoderSettings());
        OutputGroup group = rendered.outputGroups().get(0);
        List<Output> outputs = new java.util.ArrayList<>(group.outputs());
        outputs.set(
                0,
                outputs.get(0).toBuilder().audioDescriptionNames("audio_540p").build());
        EncoderSettings both = rendered.toBuilder()
                .outputGroups(group.toBuilder().outputs(outputs).build())
                .build();

        assertEquals(
                List.of(new ProfileProblem(
                        "$.OutputGroups[0].Outputs[0]",
                        "a CMAF Ingest output carries one "
                                + "track: a VideoDescriptionName or one AudioDescriptionName, not both")),
                ProfileValidator.check(both, profile.inputSpecification(), Packager.V2));
    }

    @Test
    void segmentLengthThatIsNotAWholeNumberOfGopsIsAProblem() {
        EncodingProfile profile = shipped("540p");
        EncoderSettings rendered = CmafIngestLadder.render(profile.encoderSettings());
        OutputGroup group = rendered.outputGroups().get(0);
        EncoderSettings uneven = rendered.toBuilder()
                .outputGroups(group.toBuilder()
                        .outputGroupSettings(s -> s.cmafIngestGroupSettings(
                                group.outputGroupSettings().cmafIngestGroupSettings().toBuilder()
                                        .segmentLength(1500)
                                        .segmentLengthUnits(CmafIngestSegmentLengthUnits.MILLISECONDS)
                                        .build()))
                        .build())
                .build();

        assertEquals(
                List.of(new ProfileProblem(
                        "$.OutputGroups[0].OutputGroupSettings.CmafIngestGroupSettings.SegmentLength",
                        "1.500 s is not a whole number of 1.000 s GOPs")),
                ProfileValidator.check(uneven, profile.inputSpecification(), Packager.V2));
    }

    @Test
    void mediaPackageGroupIsAProblemForPackagerV2AndCmafIngestForV1() {
        EncodingProfile profile = shipped("540p");
        EncoderSettings rendered = CmafIngestLadder.render(profile.encoderSettings());

        assertEquals(
                "not supported; Packager v2 sends to a MediaPackage v2 channel's CMAF ingest endpoints: use "
                        + "CmafIngestGroupSettings",
                ProfileValidator.check(profile.encoderSettings(), profile.inputSpecification(), Packager.V2)
                        .get(0)
                        .message());
        assertTrue(ProfileValidator.check(rendered, profile.inputSpecification(), Packager.V1)
                .get(0)
                .message()
                .startsWith("not supported; the channel's only destination"));
    }

    @Test
    void renderForAChannelFailsNamingTheProfileAndThePackager() {
        EncodingProfile profile = shipped("540p");
        EncoderSettings settings = profile.encoderSettings();
        List<VideoDescription> videos = new java.util.ArrayList<>(settings.videoDescriptions());
        videos.set(
                0,
                videos.get(0).toBuilder()
                        .codecSettings(c -> c.mpeg2Settings(m -> m.gopSize(2.0)))
                        .build());
        EncodingProfile mpeg2 = new EncodingProfile(
                "s3://bucket/mpeg2.json",
                settings.toBuilder().videoDescriptions(videos).build(),
                profile.inputSpecification());

        String reason = assertThrows(
                        com.amazonaws.livestreaming.cfn.InvalidPropertyException.class,
                        () -> EncodingProfiles.renderFor(mpeg2, Packager.V2))
                .getMessage();

        assertTrue(
                reason.startsWith("EncodingProfile s3://bucket/mpeg2.json (Packager v2) is not a valid profile: "
                        + "$.VideoDescriptions[0].CodecSettings: Mpeg2Settings is not supported"),
                reason);
    }

    @Test
    void theFirstRungOfEachAudioEncodeNamesItsTrack() {
        List<AudioDescription> audios = v2("1080p").audioDescriptions();

        assertEquals(
                List.of("audio_1080p", "audio_540p", "audio_360p"),
                audios.stream().map(AudioDescription::name).toList());
    }
}
