package com.amazonaws.livestreaming.profile;

import com.amazonaws.livestreaming.cfn.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.services.medialive.model.AudioDescription;
import software.amazon.awssdk.services.medialive.model.CmafIngestGroupSettings;
import software.amazon.awssdk.services.medialive.model.CmafIngestSegmentLengthUnits;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.OutputGroupSettings;
import software.amazon.awssdk.services.medialive.model.OutputLocationRef;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * Finds, before any API call, what MediaLive would reject in a profile (or accept and then stream badly): a
 * failed CreateChannel deep inside a stack costs a rollback and a long wait, and its message does not point into
 * the user's file. Each problem carries the JSON path of the offending member.
 */
final class ProfileValidator {
    /** The id of the channel's one destination, the MediaPackage channel the channel manager supplies. */
    public static final String DESTINATION_ID = "destination1";

    static final int MIN_DIMENSION = 32;
    static final int MAX_WIDTH = 4096;
    static final int MAX_HEIGHT = 2160;
    /** GOP durations closer than this (seconds) are the same GOP: whole frames never divide time exactly. */
    private static final double GOP_TOLERANCE_SECONDS = 0.01;

    private ProfileValidator() {}

    public static List<ProfileProblem> check(EncoderSettings settings, InputSpecification input) {
        return check(settings, input, Packager.V1);
    }

    /**
     * Checks encoder settings as the given packager receives them: a profile as written (v1, MediaPackage output
     * groups), or its rendering for v2 (CMAF Ingest output groups, one track per output).
     */
    public static List<ProfileProblem> check(EncoderSettings settings, InputSpecification input, Packager packager) {
        List<ProfileProblem> problems = new ArrayList<>();
        requiredMembers(settings, problems);
        List<VideoDescription> videos = settings.videoDescriptions();
        List<AudioDescription> audios = settings.audioDescriptions();
        Map<String, Integer> videoNames =
                uniqueNames(videos, VideoDescription::name, "$.VideoDescriptions", "VideoDescription", problems);
        Map<String, Integer> audioNames =
                uniqueNames(audios, AudioDescription::name, "$.AudioDescriptions", "AudioDescription", problems);
        uniqueNames(settings.outputGroups(), OutputGroup::name, "$.OutputGroups", "output group", problems);
        References references =
                outputs(settings.outputGroups(), videoNames, audioNames, GroupKind.of(packager), problems);
        unreferenced(
                videos,
                VideoDescription::name,
                references.videos(),
                "$.VideoDescriptions",
                "VideoDescription",
                problems);
        unreferenced(
                audios,
                AudioDescription::name,
                references.audios(),
                "$.AudioDescriptions",
                "AudioDescription",
                problems);
        for (int i = 0; i < videos.size(); i++) {
            // What a MediaPackage (v1) output group demands of every rung; a v2 rendering keeps the rungs as they are.
            dimensions(videos.get(i), "$.VideoDescriptions[" + i + "]", packager == Packager.V1, problems);
            rateControl(videos.get(i), "$.VideoDescriptions[" + i + "]", input, problems);
            if (packager == Packager.V1) {
                specifiedControls(videos.get(i), "$.VideoDescriptions[" + i + "]", problems);
            }
        }
        Optional<Gop> gop = gops(videos, problems);
        if (packager == Packager.V2) {
            segmentsHoldWholeGops(settings.outputGroups(), gop, problems);
        }
        return problems;
    }

    /** The output group and output settings a packager takes, and how to say so. */
    private record GroupKind(String label, String group, String output, String outputHint, String hint) {
        static GroupKind of(Packager packager) {
            return packager == Packager.V1
                    ? new GroupKind(
                            "MediaPackage",
                            "MediaPackageGroupSettings",
                            "MediaPackageOutputSettings",
                            "MediaPackageOutputSettings: {}",
                            "the channel's only destination, " + DESTINATION_ID
                                    + ", is a MediaPackage channel: use MediaPackageGroupSettings (Packager v2 renders CMAF ingest"
                                    + " from it)")
                    : new GroupKind(
                            "CMAF Ingest",
                            "CmafIngestGroupSettings",
                            "CmafIngestOutputSettings",
                            "CmafIngestOutputSettings with a NameModifier",
                            "Packager v2 sends to a MediaPackage v2"
                                    + " channel's CMAF ingest endpoints: use CmafIngestGroupSettings");
        }

        boolean cmaf() {
            return group.equals("CmafIngestGroupSettings");
        }
    }

    /**
     * A CMAF segment can end only on a keyframe: a segment length that is not a whole number of GOPs gives segments
     * of uneven length, which MediaPackage v2 cannot turn into evenly timed low-latency parts.
     */
    private static void segmentsHoldWholeGops(
            List<OutputGroup> groups, Optional<Gop> gop, List<ProfileProblem> problems) {
        if (gop.isEmpty() || !gop.get().seconds() || gop.get().amount() <= 0) {
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            OutputGroupSettings settings = groups.get(g).outputGroupSettings();
            CmafIngestGroupSettings cmaf = settings == null ? null : settings.cmafIngestGroupSettings();
            if (cmaf == null || cmaf.segmentLength() == null) {
                continue;
            }
            double seconds = cmaf.segmentLengthUnits() == CmafIngestSegmentLengthUnits.MILLISECONDS
                    ? cmaf.segmentLength() / 1000.0
                    : cmaf.segmentLength();
            double gops = seconds / gop.get().amount();
            if (Math.abs(gops - Math.rint(gops)) > GOP_TOLERANCE_SECONDS || Math.rint(gops) < 1) {
                problems.add(new ProfileProblem(
                        "$.OutputGroups[" + g + "].OutputGroupSettings.CmafIngestGroupSettings" + ".SegmentLength",
                        String.format(
                                Locale.ROOT,
                                "%.3f s is not a whole number of %s GOPs",
                                seconds,
                                gop.get().describe())));
            }
        }
    }

    private static void requiredMembers(EncoderSettings settings, List<ProfileProblem> problems) {
        if (settings.videoDescriptions() instanceof SdkAutoConstructList) {
            problems.add(new ProfileProblem("$.VideoDescriptions", "missing; MediaLive requires the list"));
        }
        if (settings.audioDescriptions() instanceof SdkAutoConstructList) {
            problems.add(new ProfileProblem("$.AudioDescriptions", "missing; MediaLive requires the list"));
        }
        if (settings.outputGroups().isEmpty()) {
            problems.add(
                    new ProfileProblem("$.OutputGroups", "missing; a profile needs one MediaPackage output group"));
        }
        if (settings.timecodeConfig() == null || settings.timecodeConfig().source() == null) {
            problems.add(new ProfileProblem(
                    "$.TimecodeConfig.Source", "missing; allowed values: EMBEDDED, SYSTEMCLOCK, ZEROBASED"));
        }
    }

    private static <T> Map<String, Integer> uniqueNames(
            List<T> items, Function<T, String> name, String listPath, String what, List<ProfileProblem> problems) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = name.apply(items.get(i));
            if (value == null) {
                problems.add(
                        new ProfileProblem(listPath + "[" + i + "].Name", "missing; every " + what + " needs a name"));
                continue;
            }
            Integer earlier = first.putIfAbsent(value, i);
            if (earlier != null) {
                problems.add(new ProfileProblem(
                        listPath + "[" + i + "].Name",
                        "duplicate " + what + " name '" + value + "' (also " + listPath.substring(2) + "[" + earlier
                                + "])"));
            }
        }
        return first;
    }

    private record References(Set<String> videos, Set<String> audios) {}

    private static References outputs(
            List<OutputGroup> groups,
            Map<String, Integer> videoNames,
            Map<String, Integer> audioNames,
            GroupKind expected,
            List<ProfileProblem> problems) {
        Set<String> videos = new java.util.HashSet<>();
        Set<String> audios = new java.util.HashSet<>();
        Map<String, String> outputNames = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            OutputGroup group = groups.get(g);
            String groupPath = "$.OutputGroups[" + g + "]";
            Optional<ModelValues.Named> kind = ModelValues.chosen(group.outputGroupSettings());
            if (kind.isEmpty()) {
                problems.add(
                        new ProfileProblem(groupPath + ".OutputGroupSettings", "missing; set " + expected.group()));
            } else if (!kind.get().name().equals(expected.group())) {
                problems.add(new ProfileProblem(
                        groupPath + ".OutputGroupSettings." + kind.get().name(), "not supported; " + expected.hint()));
            }
            destinations(group, groupPath, problems);
            if (group.outputs().isEmpty()) {
                problems.add(new ProfileProblem(groupPath + ".Outputs", "missing; an output group needs outputs"));
            }
            for (int o = 0; o < group.outputs().size(); o++) {
                Output output = group.outputs().get(o);
                String path = groupPath + ".Outputs[" + o + "]";
                if (output.outputName() != null) {
                    String earlier = outputNames.putIfAbsent(output.outputName(), path);
                    if (earlier != null) {
                        problems.add(new ProfileProblem(
                                path + ".OutputName",
                                "duplicate output name '" + output.outputName() + "' (also " + earlier.substring(2)
                                        + ")"));
                    }
                }
                Optional<ModelValues.Named> settings = ModelValues.chosen(output.outputSettings());
                if (settings.isEmpty()) {
                    problems.add(new ProfileProblem(path + ".OutputSettings", "missing; set " + expected.outputHint()));
                } else if (kind.map(k -> k.name().equals(expected.group())).orElse(false)
                        && !settings.get().name().equals(expected.output())) {
                    problems.add(new ProfileProblem(
                            path + ".OutputSettings." + settings.get().name(),
                            "does not fit a " + expected.label() + " output group; use " + expected.outputHint()));
                }
                boolean hasVideo = output.videoDescriptionName() != null;
                if (expected.cmaf()
                        && (hasVideo ? 1 : 0) + output.audioDescriptionNames().size() > 1) {
                    problems.add(new ProfileProblem(
                            path,
                            "a CMAF Ingest output carries one track: a"
                                    + " VideoDescriptionName or one AudioDescriptionName, not both"));
                }
                if (hasVideo) {
                    videos.add(output.videoDescriptionName());
                    if (!videoNames.containsKey(output.videoDescriptionName())) {
                        problems.add(new ProfileProblem(
                                path + ".VideoDescriptionName",
                                "no VideoDescription named '"
                                        + output.videoDescriptionName() + "'"
                                        + suggestion(output.videoDescriptionName(), videoNames.keySet())));
                    }
                }
                List<String> audioRefs = output.audioDescriptionNames();
                for (int a = 0; a < audioRefs.size(); a++) {
                    audios.add(audioRefs.get(a));
                    if (!audioNames.containsKey(audioRefs.get(a))) {
                        problems.add(new ProfileProblem(
                                path + ".AudioDescriptionNames[" + a + "]",
                                "no AudioDescription named '" + audioRefs.get(a) + "'"
                                        + suggestion(audioRefs.get(a), audioNames.keySet())));
                    }
                }
                if (!hasVideo
                        && audioRefs.isEmpty()
                        && output.captionDescriptionNames().isEmpty()) {
                    problems.add(new ProfileProblem(
                            path, "the output has no VideoDescriptionName and no " + "AudioDescriptionNames"));
                }
            }
        }
        return new References(videos, audios);
    }

    private static String suggestion(String wrong, Set<String> known) {
        return Suggestions.closest(wrong, known)
                .map(s -> "; did you mean " + s + "?")
                .orElse("");
    }

    /** Every destination reference anywhere in the group must name the channel's destination. */
    private static void destinations(SdkPojo pojo, String path, List<ProfileProblem> problems) {
        if (pojo instanceof OutputLocationRef ref) {
            if (!DESTINATION_ID.equals(ref.destinationRefId())) {
                problems.add(new ProfileProblem(
                        path + ".DestinationRefId",
                        (ref.destinationRefId() == null ? "missing" : "is '" + ref.destinationRefId() + "'")
                                + "; the channel's destination is '"
                                + DESTINATION_ID + "' (its MediaPackage channel)"));
            }
            return;
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value instanceof SdkPojo child) {
                destinations(child, path + "." + field.memberName(), problems);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof SdkPojo child) {
                        destinations(child, path + "." + field.memberName() + "[" + i + "]", problems);
                    }
                }
            }
        }
    }

    private static <T> void unreferenced(
            List<T> items,
            Function<T, String> name,
            Set<String> referenced,
            String listPath,
            String what,
            List<ProfileProblem> problems) {
        for (int i = 0; i < items.size(); i++) {
            String value = name.apply(items.get(i));
            if (value != null && !referenced.contains(value)) {
                problems.add(new ProfileProblem(
                        listPath + "[" + i + "].Name",
                        what + " '" + value + "' is not used by any output; MediaLive rejects unused descriptions"));
            }
        }
    }

    private static void dimensions(
            VideoDescription video, String path, boolean required, List<ProfileProblem> problems) {
        dimension(video.width(), MAX_WIDTH, path + ".Width", problems);
        dimension(video.height(), MAX_HEIGHT, path + ".Height", problems);
        for (String member : required ? List.of("Width", "Height") : List.<String>of()) {
            if ((member.equals("Width") ? video.width() : video.height()) == null) {
                problems.add(new ProfileProblem(
                        path + "." + member,
                        "missing; a MediaPackage output group needs "
                                + "Width and Height on every rung (it cannot follow the source's size)"));
            }
        }
    }

    /**
     * A MediaPackage output group cannot follow the source's frame rate or pixel aspect ratio: MediaLive needs both
     * SPECIFIED with their numerator and denominator (checked on codecs that have these controls, e.g. H.264).
     */
    private static void specifiedControls(VideoDescription video, String path, List<ProfileProblem> problems) {
        Optional<ModelValues.Named> codec = ModelValues.chosen(video.codecSettings());
        if (codec.isEmpty()) {
            return;
        }
        String codecPath = path + ".CodecSettings." + codec.get().name();
        for (String control : List.of("Framerate", "Par")) {
            SdkPojo settings = codec.get().value();
            if (!ModelValues.has(settings, control + "Control")) {
                continue;
            }
            Optional<String> value = ModelValues.string(settings, control + "Control");
            if (value.filter("SPECIFIED"::equals).isEmpty()) {
                problems.add(new ProfileProblem(
                        codecPath + "." + control + "Control",
                        value.map(v -> "is " + v).orElse("missing")
                                + "; a MediaPackage output group needs SPECIFIED, with " + control
                                + "Numerator and " + control + "Denominator"));
                continue;
            }
            for (String part : List.of("Numerator", "Denominator")) {
                if (ModelValues.number(settings, control + part).isEmpty()) {
                    problems.add(new ProfileProblem(
                            codecPath + "." + control + part,
                            "missing; " + control + "Control SPECIFIED needs " + control + "Numerator and " + control
                                    + "Denominator"));
                }
            }
        }
    }

    private static void dimension(Integer value, int max, String path, List<ProfileProblem> problems) {
        if (value == null) {
            return;
        }
        if (value < MIN_DIMENSION || value > max) {
            problems.add(new ProfileProblem(path, value + " is out of range " + MIN_DIMENSION + ".." + max));
        } else if (value % 2 != 0) {
            problems.add(new ProfileProblem(path, value + " is odd; H.264 with 4:2:0 chroma needs even dimensions"));
        }
    }

    private static void rateControl(
            VideoDescription video, String path, InputSpecification input, List<ProfileProblem> problems) {
        Optional<ModelValues.Named> codec = ModelValues.chosen(video.codecSettings());
        if (codec.isEmpty()) {
            problems.add(new ProfileProblem(path + ".CodecSettings", "missing; set H264Settings"));
            return;
        }
        String codecPath = path + ".CodecSettings." + codec.get().name();
        SdkPojo settings = codec.get().value();
        Optional<String> mode = ModelValues.string(settings, "RateControlMode");
        if (mode.filter("QVBR"::equals).isPresent()
                && ModelValues.number(settings, "MaxBitrate").isEmpty()) {
            problems.add(new ProfileProblem(codecPath + ".MaxBitrate", "missing; QVBR needs MaxBitrate"));
        }
        if (mode.filter(m -> m.equals("CBR") || m.equals("VBR")).isPresent()
                && ModelValues.number(settings, "Bitrate").isEmpty()) {
            problems.add(new ProfileProblem(codecPath + ".Bitrate", "missing; " + mode.get() + " needs Bitrate"));
        }
        if (input == null
                || input.maximumBitrate() == null
                || input.maximumBitrate()
                        == software.amazon.awssdk.services.medialive.model.InputMaximumBitrate.UNKNOWN_TO_SDK_VERSION) {
            return;
        }
        long limit = InputSpecifications.bitsPerSecond(input.maximumBitrate());
        for (String member : List.of("Bitrate", "MaxBitrate")) {
            ModelValues.number(settings, member)
                    .filter(b -> b.longValue() > limit)
                    .ifPresent(b -> problems.add(new ProfileProblem(
                            codecPath + "." + member,
                            b + " b/s is over the input's maximum " + input.maximumBitrateAsString()
                                    + "; a rung cannot carry more than its source")));
        }
    }

    /** A rung's GOP: its duration in seconds when known, else its length in frames at the source rate. */
    private record Gop(double amount, boolean seconds) {
        String describe() {
            return seconds
                    ? String.format(Locale.ROOT, "%.3f s", amount)
                    : String.format(Locale.ROOT, "%.0f frames at the source frame rate", amount);
        }

        boolean sameAs(Gop other) {
            return seconds == other.seconds && Math.abs(amount - other.amount) <= GOP_TOLERANCE_SECONDS;
        }
    }

    /** Reports rungs whose GOP differs from the first rung's; returns that first GOP, if any rung has one. */
    private static Optional<Gop> gops(List<VideoDescription> videos, List<ProfileProblem> problems) {
        Gop reference = null;
        int referenceIndex = -1;
        for (int i = 0; i < videos.size(); i++) {
            Optional<ModelValues.Named> codec = ModelValues.chosen(videos.get(i).codecSettings());
            if (codec.isEmpty()) {
                continue;
            }
            Optional<Gop> gop = gop(codec.get().value());
            if (gop.isEmpty()) {
                continue;
            }
            if (reference == null) {
                reference = gop.get();
                referenceIndex = i;
            } else if (!gop.get().sameAs(reference)) {
                problems.add(new ProfileProblem(
                        "$.VideoDescriptions[" + i + "].CodecSettings."
                                + codec.get().name() + ".GopSize",
                        "GOP is " + gop.get().describe() + " but "
                                + reference.describe() + " on VideoDescriptions[" + referenceIndex
                                + "]; every rung needs "
                                + "the same GOP duration so segments align for ABR switching"));
            }
        }
        return Optional.ofNullable(reference);
    }

    private static Optional<Gop> gop(SdkPojo codec) {
        Optional<Number> size = ModelValues.number(codec, "GopSize");
        if (size.isEmpty()) {
            return Optional.empty();
        }
        String units = ModelValues.string(codec, "GopSizeUnits").orElse("FRAMES");
        if (units.equals("SECONDS")) {
            return Optional.of(new Gop(size.get().doubleValue(), true));
        }
        Optional<Number> numerator = ModelValues.number(codec, "FramerateNumerator");
        Optional<Number> denominator = ModelValues.number(codec, "FramerateDenominator");
        boolean specified = ModelValues.string(codec, "FramerateControl")
                .filter("SPECIFIED"::equals)
                .isPresent();
        if (specified
                && numerator.isPresent()
                && denominator.isPresent()
                && numerator.get().doubleValue() > 0) {
            return Optional.of(new Gop(
                    size.get().doubleValue()
                            * denominator.get().doubleValue()
                            / numerator.get().doubleValue(),
                    true));
        }
        return Optional.of(new Gop(size.get().doubleValue(), false));
    }
}
