package com.amazonaws.livestreaming.testing;

import java.util.Map;

/**
 * The properties of a Custom::MediaLiveChannel as the template sends them, for the tests that drive a channel through
 * the handler or the stand-ins: one place for the role and MediaPackage channel a demo stack has.
 */
public final class ChannelProperties {
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole";
    public static final String MEDIAPACKAGE_CHANNEL = "demo-stack-livestream";

    private ChannelProperties() {}

    /** A channel on {@code inputId} (of {@code inputType}) encoding {@code profile}; {@code start} is Yes or No. */
    public static Map<String, String> of(
            String inputId, String inputType, String profile, String channelClass, String start) {
        return Map.of(
                "InputId",
                inputId,
                "InputType",
                inputType,
                "EncodingProfile",
                profile,
                "RoleArn",
                ROLE_ARN,
                "MediaPackageChannelId",
                MEDIAPACKAGE_CHANNEL,
                "ChannelClass",
                channelClass,
                "Start",
                start);
    }
}
