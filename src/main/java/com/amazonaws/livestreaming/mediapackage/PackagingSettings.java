package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Optional;

/**
 * The live timing of one origin endpoint, validated against MediaPackage's limits before any call, so a bad value
 * fails with a reason naming the property instead of an opaque 422 from the service.
 *
 * <ul>
 *   <li>{@code SegmentLength}: 1–30 s (MediaPackage rounds to a multiple of the input segment length).</li>
 *   <li>{@code WindowSeconds}: at most 300 s, MediaPackage's default quota for a live manifest (5 minutes); at
 *       least three segments, because an HLS live playlist must hold three target durations (RFC 8216 §6.2.2)
 *       and DASH/Smooth players need the same room to start. Default 60 s (or three segments if longer).</li>
 *   <li>{@code StartoverWindowSeconds}: 1–1209600 s (14 days, MediaPackage's time-shift limit); absent = off.</li>
 *   <li>{@code TimeDelaySeconds}: 5–86400 s (MediaPackage's limits); absent = off; must be shorter than the
 *       startover window when both are set.</li>
 *   <li>HLS and CMAF manifests always carry an {@code EXT-X-PROGRAM-DATE-TIME} tag per segment: MediaTailor
 *       places its ad breaks against them, players and {@code DATERANGE} ad markers need them, and a manifest
 *       without them cannot be lined up with wall-clock time.</li>
 * </ul>
 */
record PackagingSettings(
        EndpointType type,
        int segmentSeconds,
        int windowSeconds,
        Optional<Integer> startoverWindowSeconds,
        Optional<Integer> timeDelaySeconds) {
    static final String SEGMENT_LENGTH = "SegmentLength";
    static final String WINDOW_SECONDS = "WindowSeconds";
    static final String STARTOVER_WINDOW_SECONDS = "StartoverWindowSeconds";
    static final String TIME_DELAY_SECONDS = "TimeDelaySeconds";
    static final int MAX_SEGMENT_SECONDS = 30;
    static final int MAX_WINDOW_SECONDS = 300;
    static final int DEFAULT_WINDOW_SECONDS = 60;
    static final int MIN_SEGMENTS_IN_WINDOW = 3;
    static final int MAX_STARTOVER_SECONDS = 1_209_600;
    static final int MIN_TIME_DELAY_SECONDS = 5;
    static final int MAX_TIME_DELAY_SECONDS = 86_400;

    public static PackagingSettings from(Properties properties, EndpointType type) {
        int segment = properties.intInRange(SEGMENT_LENGTH, 1, MAX_SEGMENT_SECONDS, type.defaultSegmentSeconds());
        int minWindow = MIN_SEGMENTS_IN_WINDOW * segment;
        int window = properties
                .optionalIntInRange(WINDOW_SECONDS, 1, MAX_WINDOW_SECONDS)
                .orElse(Math.max(DEFAULT_WINDOW_SECONDS, minWindow));
        if (window < minWindow) {
            throw new InvalidPropertyException(
                    WINDOW_SECONDS,
                    WINDOW_SECONDS + " is " + window + "; with "
                            + SEGMENT_LENGTH + " " + segment + " it must be from " + minWindow + " (three segments) to "
                            + MAX_WINDOW_SECONDS);
        }
        Optional<Integer> startover = properties.optionalIntInRange(STARTOVER_WINDOW_SECONDS, 1, MAX_STARTOVER_SECONDS);
        Optional<Integer> delay =
                properties.optionalIntInRange(TIME_DELAY_SECONDS, MIN_TIME_DELAY_SECONDS, MAX_TIME_DELAY_SECONDS);
        if (startover.isPresent() && delay.isPresent() && delay.get() >= startover.get()) {
            throw new InvalidPropertyException(
                    TIME_DELAY_SECONDS,
                    TIME_DELAY_SECONDS + " is " + delay.get() + "; it must be less than " + STARTOVER_WINDOW_SECONDS
                            + " (" + startover.get() + ")");
        }
        return new PackagingSettings(type, segment, window, startover, delay);
    }

    /**
     * DASH only: how far behind the live edge players should sit. Five segments (10 s for 2 s segments) leaves
     * room for one late segment from the encoder plus the CDN fetch of the next, without the 25–30 s delay of
     * player defaults; never more than the manifest window, where nothing could be played.
     */
    public int suggestedPresentationDelaySeconds() {
        return Math.min(5 * segmentSeconds, windowSeconds);
    }

    /** DASH only: three segments (6 s for 2 s segments) buffered before playback starts, less than the delay. */
    public int minBufferTimeSeconds() {
        return 3 * segmentSeconds;
    }

    /**
     * HLS and CMAF only: the interval of {@code EXT-X-PROGRAM-DATE-TIME} tags, one per segment, whatever the ad
     * markers (MediaPackage writes none when this is 0, its default).
     */
    public int programDateTimeIntervalSeconds() {
        return segmentSeconds;
    }

    /** DASH only: players re-read the manifest once a segment, which is when it can change. */
    public int minUpdatePeriodSeconds() {
        return segmentSeconds;
    }
}
