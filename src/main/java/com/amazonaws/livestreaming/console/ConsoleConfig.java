package com.amazonaws.livestreaming.console;

import com.amazonaws.livestreaming.cfn.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The URLs the demo console shows and plays, as the page reads them from {@code assets/js/config.js}
 * ({@code window.LIVE_STREAMING_CONFIG}), and the MediaLive channel and region it links to when the stream stops
 * arriving. Written as JSON so any character in a URL stays inside its string; non-ASCII is escaped so the file is
 * plain ASCII whatever the browser assumes about its encoding.
 *
 * <p>{@code hlsAds} and {@code dashAds} are the MediaTailor (ad-inserted) playback URLs, empty when the stack
 * inserts no ads; the page lists them as extra sources beside the plain ones.
 */
record ConsoleConfig(
        String hls,
        String dash,
        String mss,
        String cmaf,
        String endpoint1,
        String endpoint2,
        String inputType,
        String hlsAds,
        String dashAds,
        String channelId,
        String region) {
    /** Where the page loads its config from, relative to the console's root. */
    public static final String KEY = "assets/js/config.js";

    public ConsoleConfig {
        hls = orEmpty(hls);
        dash = orEmpty(dash);
        mss = orEmpty(mss);
        cmaf = orEmpty(cmaf);
        endpoint1 = orEmpty(endpoint1);
        endpoint2 = orEmpty(endpoint2);
        inputType = orEmpty(inputType);
        hlsAds = orEmpty(hlsAds);
        dashAds = orEmpty(dashAds);
        channelId = orEmpty(channelId);
        region = orEmpty(region);
    }

    /** A console without ad-inserted sources or a channel to link to. */
    public ConsoleConfig(
            String hls, String dash, String mss, String cmaf, String endpoint1, String endpoint2, String inputType) {
        this(hls, dash, mss, cmaf, endpoint1, endpoint2, inputType, "", "", "", "");
    }

    /** The whole config.js file. */
    public String toJavaScript() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hls", hls);
        values.put("dash", dash);
        values.put("mss", mss);
        values.put("cmaf", cmaf);
        values.put("endpoint1", endpoint1);
        values.put("endpoint2", endpoint2);
        values.put("inputType", inputType);
        values.put("hlsAds", hlsAds);
        values.put("dashAds", dashAds);
        values.put("channelId", channelId);
        values.put("region", region);
        return "// Written by the DemoConsole custom resource of the live-streaming-on-aws stack.\n"
                + "window.LIVE_STREAMING_CONFIG = " + JsonText.writeAscii(values) + ";\n";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
