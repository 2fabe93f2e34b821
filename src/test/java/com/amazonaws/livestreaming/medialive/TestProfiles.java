package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.profile.EncodingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.medialive.model.AacCodingMode;
import software.amazon.awssdk.services.medialive.model.AacSettings;
import software.amazon.awssdk.services.medialive.model.AudioCodecSettings;
import software.amazon.awssdk.services.medialive.model.AudioDescription;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.H264GopSizeUnits;
import software.amazon.awssdk.services.medialive.model.H264RateControlMode;
import software.amazon.awssdk.services.medialive.model.H264Settings;
import software.amazon.awssdk.services.medialive.model.InputCodec;
import software.amazon.awssdk.services.medialive.model.InputMaximumBitrate;
import software.amazon.awssdk.services.medialive.model.InputResolution;
import software.amazon.awssdk.services.medialive.model.InputSpecification;
import software.amazon.awssdk.services.medialive.model.MediaPackageGroupSettings;
import software.amazon.awssdk.services.medialive.model.MediaPackageOutputSettings;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.OutputGroupSettings;
import software.amazon.awssdk.services.medialive.model.OutputLocationRef;
import software.amazon.awssdk.services.medialive.model.OutputSettings;
import software.amazon.awssdk.services.medialive.model.TimecodeConfig;
import software.amazon.awssdk.services.medialive.model.TimecodeConfigSource;
import software.amazon.awssdk.services.medialive.model.VideoCodecSettings;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * Small but valid encoding profiles built with the SDK's builders, standing in for the profile package: "720p" has
 * two H.264 rungs, "1080p" three, both with one AAC track and a MediaPackage output group sending to
 * {@code destination1}. Any other reference is refused as the real loader would.
 */
final class TestProfiles {
    private TestProfiles() {}

    /** The loader the tests give the manager. */
    static Function<String, EncodingProfile> loader() {
        return ref -> switch (ref) {
            case "720p" ->
                profile("720p", InputResolution.HD, List.of(rung(1280, 720, 3_000_000), rung(640, 360, 800_000)));
            case "1080p" ->
                profile(
                        "1080p",
                        InputResolution.HD,
                        List.of(rung(1920, 1080, 6_000_000), rung(1280, 720, 3_000_000), rung(640, 360, 800_000)));
            default ->
                throw new InvalidPropertyException(
                        "EncodingProfile",
                        "EncodingProfile '" + ref
                                + "' is not a known profile; allowed values: 1080p, 720p, 540p, s3://bucket/key.json");
        };
    }

    private record Rung(int width, int height, int bitrate) {
        String name() {
            return "video_" + height + "p30";
        }
    }

    private static Rung rung(int width, int height, int bitrate) {
        return new Rung(width, height, bitrate);
    }

    private static EncodingProfile profile(String name, InputResolution resolution, List<Rung> rungs) {
        List<VideoDescription> videos = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        for (Rung rung : rungs) {
            videos.add(VideoDescription.builder()
                    .name(rung.name())
                    .width(rung.width())
                    .height(rung.height())
                    .codecSettings(VideoCodecSettings.builder()
                            .h264Settings(H264Settings.builder()
                                    .bitrate(rung.bitrate())
                                    .rateControlMode(H264RateControlMode.CBR)
                                    .framerateNumerator(30)
                                    .framerateDenominator(1)
                                    .gopSize(2.0)
                                    .gopSizeUnits(H264GopSizeUnits.SECONDS)
                                    .build())
                            .build())
                    .build());
            outputs.add(Output.builder()
                    .outputName(rung.height() + "p30")
                    .videoDescriptionName(rung.name())
                    .audioDescriptionNames("audio_aac")
                    .outputSettings(OutputSettings.builder()
                            .mediaPackageOutputSettings(
                                    MediaPackageOutputSettings.builder().build())
                            .build())
                    .build());
        }
        EncoderSettings settings = EncoderSettings.builder()
                .timecodeConfig(TimecodeConfig.builder()
                        .source(TimecodeConfigSource.SYSTEMCLOCK)
                        .build())
                .audioDescriptions(AudioDescription.builder()
                        .name("audio_aac")
                        .audioSelectorName("default")
                        .codecSettings(AudioCodecSettings.builder()
                                .aacSettings(AacSettings.builder()
                                        .bitrate(96000.0)
                                        .codingMode(AacCodingMode.CODING_MODE_2_0)
                                        .sampleRate(48000.0)
                                        .build())
                                .build())
                        .build())
                .videoDescriptions(videos)
                .outputGroups(OutputGroup.builder()
                        .name("mediapackage")
                        .outputGroupSettings(OutputGroupSettings.builder()
                                .mediaPackageGroupSettings(MediaPackageGroupSettings.builder()
                                        .destination(OutputLocationRef.builder()
                                                .destinationRefId(ChannelRequests.DESTINATION_ID)
                                                .build())
                                        .build())
                                .build())
                        .outputs(outputs)
                        .build())
                .build();
        InputSpecification input = InputSpecification.builder()
                .codec(InputCodec.AVC)
                .resolution(resolution)
                .maximumBitrate(InputMaximumBitrate.MAX_20_MBPS)
                .build();
        return new EncodingProfile(name, settings, input);
    }
}
