package com.amazonaws.livestreaming.medialive;

/**
 * The two redundant sides of a STANDARD input; a SINGLE_PIPELINE input has only the primary. The lower-case
 * name is what appears in RTMP stream names and SSM parameter names, so both read the same way.
 */
enum Pipeline {
    PRIMARY("primary", "Pri"),
    SECONDARY("secondary", "Sec");

    private final String label;
    private final String propertyPrefix;

    Pipeline(String label, String propertyPrefix) {
        this.label = label;
        this.propertyPrefix = propertyPrefix;
    }

    /** {@code primary} or {@code secondary}. */
    public String label() {
        return label;
    }

    /** The property name for this side, e.g. {@code property("Url")} is {@code PriUrl} or {@code SecUrl}. */
    public String property(String suffix) {
        return propertyPrefix + suffix;
    }
}
