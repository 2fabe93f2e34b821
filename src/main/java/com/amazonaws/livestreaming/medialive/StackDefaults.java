package com.amazonaws.livestreaming.medialive;

import java.util.List;

/**
 * The values the stack's template parameters default to, kept in one place so that {@code render} without options
 * and a stack launched with its defaults describe the same channel. A test holds the template's {@code Default:}
 * values to these.
 */
public final class StackDefaults {
    /** One pipeline: half the price of STANDARD, which is what a first stack should cost. */
    public static final String CHANNEL_CLASS = "SINGLE_PIPELINE";
    /**
     * The classes a channel and its input can have (the template's {@code ChannelClass} parameter allows the same):
     * one list for both kinds, so they cannot drift apart.
     */
    public static final List<String> CHANNEL_CLASSES = List.of("STANDARD", "SINGLE_PIPELINE");
    /** The middle ladder: HD renditions without the 1080p rung's extra outputs and input tier. */
    public static final String ENCODING_PROFILE = "720p";
    /** MediaLive loops the stack's own test clip, so a stack with defaults is live at once, without an encoder. */
    public static final String INPUT_TYPE = "MP4_FILE";

    private StackDefaults() {}
}
