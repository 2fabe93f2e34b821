package com.amazonaws.livestreaming.medialive;

import java.util.regex.Pattern;

/** MediaLive generates its channel, input and input security group ids, and all of them are decimal numbers. */
final class MediaLiveIds {
    private static final Pattern ID = Pattern.compile("\\d{1,32}");

    private MediaLiveIds() {
    }

    static boolean isId(String physicalId) {
        return physicalId != null && ID.matcher(physicalId).matches();
    }
}
