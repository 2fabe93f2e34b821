package com.amazonaws.livestreaming.profile;

import java.util.List;

/**
 * The MediaPackage generation a channel sends its ladder to. It decides the output group the ladder is rendered
 * into: v1 takes a MediaPackage output group (MediaLive pushes HLS to the v1 channel's inputs), v2 a CMAF Ingest
 * output group to the v2 channel's ingest endpoints, which is what low-latency HLS and DASH are packaged from.
 */
public enum Packager {
    V1("v1"),
    V2("v2");

    /** The property values, in the order the documentation lists them; v1 is the default. */
    public static final List<String> VALUES = List.of("v1", "v2");

    private final String value;

    Packager(String value) {
        this.value = value;
    }

    /** How templates and the command line name it: {@code v1}, {@code v2}. */
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException for anything but {@code v1} or {@code v2} */
    public static Packager of(String value) {
        for (Packager packager : values()) {
            if (packager.value.equals(value)) {
                return packager;
            }
        }
        throw new IllegalArgumentException(
                "unknown packager '" + value + "'; allowed values: " + String.join(", ", VALUES));
    }
}
