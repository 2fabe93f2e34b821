package com.amazonaws.livestreaming.profile;

import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputCodec;
import software.amazon.awssdk.services.medialive.model.InputMaximumBitrate;
import software.amazon.awssdk.services.medialive.model.InputResolution;
import software.amazon.awssdk.services.medialive.model.InputSpecification;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * The input a ladder needs, derived from the ladder itself so built-in and user profiles follow one rule.
 * MediaLive provisions and bills a channel by its InputSpecification. Resolution: the tallest rung decides (up to
 * 576 lines SD, up to 1080 HD, above UHD); a ladder whose rungs all follow the source is taken as HD. Maximum
 * bitrate: a contribution feed is re-encoded, so it needs about twice the top rung's bitrate to keep quality
 * through that second generation; the smallest tier (10, 20, 50 Mb/s) holding twice the top rung is chosen.
 * Codec: AVC, what contribution encoders send by default.
 */
final class InputSpecifications {
    private static final long MBPS = 1_000_000L;

    private InputSpecifications() {}

    public static InputSpecification forLadder(EncoderSettings settings) {
        int tallest = 0;
        long topBitrate = 0;
        for (VideoDescription video : settings.videoDescriptions()) {
            if (video.height() != null) {
                tallest = Math.max(tallest, video.height());
            }
            topBitrate = Math.max(topBitrate, peakBitrate(video));
        }
        InputResolution resolution = tallest == 0
                ? InputResolution.HD
                : tallest <= 576 ? InputResolution.SD : tallest <= 1080 ? InputResolution.HD : InputResolution.UHD;
        long needed = 2 * topBitrate;
        InputMaximumBitrate maximum = needed <= 10 * MBPS
                ? InputMaximumBitrate.MAX_10_MBPS
                : needed <= 20 * MBPS ? InputMaximumBitrate.MAX_20_MBPS : InputMaximumBitrate.MAX_50_MBPS;
        return InputSpecification.builder()
                .codec(InputCodec.AVC)
                .resolution(resolution)
                .maximumBitrate(maximum)
                .build();
    }

    /** Bits per second of the input tier. */
    public static long bitsPerSecond(InputMaximumBitrate maximum) {
        return switch (maximum) {
            case MAX_10_MBPS -> 10 * MBPS;
            case MAX_20_MBPS -> 20 * MBPS;
            case MAX_50_MBPS -> 50 * MBPS;
            default -> throw new IllegalArgumentException("unknown input maximum bitrate " + maximum);
        };
    }

    /** The most a rung may spend: MaxBitrate for QVBR/VBR, Bitrate for CBR, whichever is set and larger. */
    static long peakBitrate(VideoDescription video) {
        return ModelValues.chosen(video.codecSettings())
                .map(codec -> Math.max(
                        ModelValues.number(codec.value(), "Bitrate")
                                .map(Number::longValue)
                                .orElse(0L),
                        ModelValues.number(codec.value(), "MaxBitrate")
                                .map(Number::longValue)
                                .orElse(0L)))
                .orElse(0L);
    }
}
