package com.amazonaws.livestreaming.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IamRoleArnTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws-cn:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws-us-gov:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws-iso-b:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws:iam::123456789012:role/service-role/MediaLive+Access=Role,v1.2@x_y-z",
                "arn:aws:iam::123456789012:role/a/b/c/live-streaming-MediaLiveRole-1ABCDEF2GHIJ"
            })
    void acceptsRoleArnsOfEveryPartitionWithOrWithoutAPath(String arn) {
        assertTrue(IamRoleArn.isValid(arn), arn);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "MediaLiveAccessRole",
                "arn:aws:iam::123456789012:user/MediaLiveAccessRole",
                "arn:aws:iam::12345678901:role/MediaLiveAccessRole",
                "arn:aws:iam:us-east-1:123456789012:role/MediaLiveAccessRole",
                "arn:aws:iam::123456789012:role/",
                "arn:aws:iam::123456789012:role/path/",
                "arn:aws:iam::123456789012:role/Media Live",
                "arn:aws:iam::123456789012:role/MediaLive\nRole",
                "arn:aws:iam::123456789012:role/Médialive",
                "arn:awsx:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws--cn:iam::123456789012:role/MediaLiveAccessRole",
                "arn:aws:iam::123456789012:role/" + "a-role-name-of-sixty-five-characters-which-is-one-more-than-iam-a"
            })
    void refusesWhatCanNeverBeARoleArn(String arn) {
        assertFalse(IamRoleArn.isValid(arn), arn);
    }
}
