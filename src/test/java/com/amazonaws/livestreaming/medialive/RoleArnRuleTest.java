package com.amazonaws.livestreaming.medialive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.aws.IamRoleArn;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel and the MediaConnect input accept exactly the role ARNs {@link IamRoleArn} accepts. */
class RoleArnRuleTest {
    private static final String FLOW =
            "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:live";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws-cn:iam::123456789012:role/service-role/MediaLiveAccessRole",
                "arn:aws:iam::123456789012:role/Media:Live",
                "arn:aws:iam::123456789012:role/path/",
                "arn:aws-:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws:iam::123456789012:role/MediaLive\u00e9"
            })
    void channelAndInputAgreeWithTheOneRule(String arn) {
        boolean valid = IamRoleArn.isValid(arn);

        assertEquals(
                valid,
                accepted(() -> ChannelSpec.from(
                        Properties.of(Map.of(
                                "InputId",
                                "1234567",
                                "InputType",
                                "URL_PULL",
                                "EncodingProfile",
                                "720p",
                                "RoleArn",
                                arn,
                                "MediaPackageChannelId",
                                "live",
                                "ChannelClass",
                                "SINGLE_PIPELINE")),
                        "stack")),
                "channel: " + arn);
        assertEquals(
                valid,
                accepted(() -> InputSettings.from(Properties.of(Map.of(
                        "Type",
                        "MEDIACONNECT",
                        "ChannelClass",
                        "SINGLE_PIPELINE",
                        "PriMediaConnectArn",
                        FLOW,
                        "RoleArn",
                        arn)))),
                "input: " + arn);
    }

    private static boolean accepted(Runnable read) {
        try {
            read.run();
            return true;
        } catch (InvalidPropertyException refused) {
            assertEquals("RoleArn", refused.property(), refused.getMessage());
            return false;
        }
    }
}
