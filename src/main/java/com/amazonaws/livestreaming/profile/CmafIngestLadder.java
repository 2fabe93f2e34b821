package com.amazonaws.livestreaming.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.medialive.model.AudioDescription;
import software.amazon.awssdk.services.medialive.model.CmafIngestGroupSettings;
import software.amazon.awssdk.services.medialive.model.CmafIngestOutputSettings;
import software.amazon.awssdk.services.medialive.model.CmafIngestSegmentLengthUnits;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.H264GopSizeUnits;
import software.amazon.awssdk.services.medialive.model.H264LookAheadRateControl;
import software.amazon.awssdk.services.medialive.model.H265GopSizeUnits;
import software.amazon.awssdk.services.medialive.model.H265LookAheadRateControl;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.OutputGroupSettings;
import software.amazon.awssdk.services.medialive.model.OutputSettings;
import software.amazon.awssdk.services.medialive.model.Scte35Type;
import software.amazon.awssdk.services.medialive.model.VideoCodecSettings;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * Renders a profile's ladder, written once with a MediaPackage output group, as the CMAF Ingest output group that
 * sends it to a MediaPackage v2 channel. A profile stays the one source of truth for the renditions; this class
 * changes only what low-latency CMAF ingest needs:
 * <ul>
 *   <li>the output group becomes {@code CmafIngestGroupSettings} with {@value #SEGMENT_SECONDS} s segments, each
 *       of which MediaPackage v2 can publish as a low-latency HLS part;</li>
 *   <li>every rung gets closed {@value #SEGMENT_SECONDS} s GOPs, so each segment starts on an IDR frame on every
 *       rung at the same instant (a segment can only end on the keyframe after its nominal length), and a low
 *       encoder look-ahead, which MediaLive says lowers latency;</li>
 *   <li>CMAF ingest carries one track per output, so each rung becomes a video-only output and each distinct audio
 *       encode one audio-only output (rungs sharing identical audio settings share one audio track); every output
 *       gets a name modifier, which MediaLive requires when a group has several outputs.</li>
 * </ul>
 * A profile with SCTE-35 avails ({@code AvailConfiguration}) passes its markers on in the CMAF segments.
 */
public final class CmafIngestLadder {
    /** CMAF segment length, in seconds, and the GOP every rung gets. */
    public static final int SEGMENT_SECONDS = 1;

    private CmafIngestLadder() {}

    /**
     * @param ladder encoder settings whose output groups are MediaPackage groups (a valid v1 profile)
     * @throws InvalidProfileException when a rung uses a codec whose GOP this renderer cannot set
     */
    public static EncoderSettings render(EncoderSettings ladder) {
        List<ProfileProblem> problems = new ArrayList<>();
        List<VideoDescription> videos = new ArrayList<>();
        for (int i = 0; i < ladder.videoDescriptions().size(); i++) {
            videos.add(lowLatency(ladder.videoDescriptions().get(i), "$.VideoDescriptions[" + i + "]", problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems);
        }
        Map<String, AudioDescription> sharedAudio = sharedAudio(ladder.audioDescriptions());
        List<OutputGroup> groups = new ArrayList<>();
        Set<String> usedAudio = new LinkedHashSet<>();
        for (OutputGroup group : ladder.outputGroups()) {
            groups.add(cmafIngest(group, sharedAudio, usedAudio, ladder.availConfiguration() != null));
        }
        List<AudioDescription> audios = ladder.audioDescriptions().stream()
                .filter(a -> usedAudio.contains(a.name()))
                .toList();
        return ladder.toBuilder()
                .videoDescriptions(videos)
                .audioDescriptions(audios)
                .outputGroups(groups)
                .build();
    }

    /** Each audio description's name mapped to the first description with the same settings (itself if unique). */
    private static Map<String, AudioDescription> sharedAudio(List<AudioDescription> audios) {
        Map<AudioDescription, AudioDescription> firstBySettings = new LinkedHashMap<>();
        Map<String, AudioDescription> shared = new LinkedHashMap<>();
        for (AudioDescription audio : audios) {
            AudioDescription settings = audio.toBuilder().name(null).build();
            shared.put(audio.name(), firstBySettings.computeIfAbsent(settings, s -> audio));
        }
        return shared;
    }

    private static OutputGroup cmafIngest(
            OutputGroup group, Map<String, AudioDescription> sharedAudio, Set<String> usedAudio, boolean scte35) {
        CmafIngestGroupSettings.Builder settings = CmafIngestGroupSettings.builder()
                .destination(
                        group.outputGroupSettings().mediaPackageGroupSettings().destination())
                .segmentLength(SEGMENT_SECONDS)
                .segmentLengthUnits(CmafIngestSegmentLengthUnits.SECONDS);
        if (scte35) {
            settings.scte35Type(Scte35Type.SCTE_35_WITHOUT_SEGMENTATION);
        }
        List<Output> outputs = new ArrayList<>();
        List<String> audioOrder = new ArrayList<>();
        for (Output output : group.outputs()) {
            if (output.videoDescriptionName() != null) {
                outputs.add(output.toBuilder()
                        .audioDescriptionNames((List<String>) null)
                        .outputSettings(nameModifier(output.outputName()))
                        .build());
            }
            for (String audio : output.audioDescriptionNames()) {
                String kept =
                        sharedAudio.containsKey(audio) ? sharedAudio.get(audio).name() : audio;
                if (usedAudio.add(kept)) {
                    audioOrder.add(kept);
                }
            }
        }
        for (String audio : audioOrder) {
            outputs.add(Output.builder()
                    .outputName(audio)
                    .audioDescriptionNames(audio)
                    .outputSettings(nameModifier(audio))
                    .build());
        }
        return group.toBuilder()
                .outputGroupSettings(OutputGroupSettings.builder()
                        .cmafIngestGroupSettings(settings.build())
                        .build())
                .outputs(outputs)
                .build();
    }

    private static OutputSettings nameModifier(String outputName) {
        return OutputSettings.builder()
                .cmafIngestOutputSettings(CmafIngestOutputSettings.builder()
                        .nameModifier("_" + outputName)
                        .build())
                .build();
    }

    private static VideoDescription lowLatency(VideoDescription video, String path, List<ProfileProblem> problems) {
        VideoCodecSettings codec = video.codecSettings();
        if (codec != null && codec.h264Settings() != null) {
            return video.toBuilder()
                    .codecSettings(codec.toBuilder()
                            .h264Settings(codec.h264Settings().toBuilder()
                                    .gopSize((double) SEGMENT_SECONDS)
                                    .gopSizeUnits(H264GopSizeUnits.SECONDS)
                                    .lookAheadRateControl(H264LookAheadRateControl.LOW)
                                    .build())
                            .build())
                    .build();
        }
        if (codec != null && codec.h265Settings() != null) {
            return video.toBuilder()
                    .codecSettings(codec.toBuilder()
                            .h265Settings(codec.h265Settings().toBuilder()
                                    .gopSize((double) SEGMENT_SECONDS)
                                    .gopSizeUnits(H265GopSizeUnits.SECONDS)
                                    .lookAheadRateControl(H265LookAheadRateControl.LOW)
                                    .build())
                            .build())
                    .build();
        }
        String name = ModelValues.chosen(codec).map(ModelValues.Named::name).orElse("no codec");
        problems.add(new ProfileProblem(
                path + ".CodecSettings",
                name + " is not supported with Packager v2;"
                        + " CMAF ingest needs " + SEGMENT_SECONDS + " s GOPs, which it sets on H264Settings and"
                        + " H265Settings rungs"));
        return video;
    }
}
