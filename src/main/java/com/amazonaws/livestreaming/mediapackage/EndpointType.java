package com.amazonaws.livestreaming.mediapackage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The packaging formats one origin endpoint can serve, with the live segment length a media engineer would pick
 * for each: 6 s for HLS and CMAF (Apple's HLS authoring guidance; fewer requests per viewer), 2 s for DASH and
 * Smooth (players of those formats are tuned for short fragments and a lower live latency).
 */
enum EndpointType {
    HLS(6),
    DASH(2),
    MSS(2),
    CMAF(6);

    private final int defaultSegmentSeconds;

    EndpointType(int defaultSegmentSeconds) {
        this.defaultSegmentSeconds = defaultSegmentSeconds;
    }

    public int defaultSegmentSeconds() {
        return defaultSegmentSeconds;
    }

    /** The suffix of the endpoint id, e.g. {@code -hls}. */
    public String idSuffix() {
        return "-" + name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
