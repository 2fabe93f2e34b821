package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.AwsErrors;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.InputState;

/**
 * Describe calls that treat "not found" as an answer rather than an error: during a Delete, and in every wait,
 * a missing input or group is a state like any other ("gone"). What is missing is MediaLive's answer (404, or the
 * 400 it gives an id it never issues), never a guess from the id.
 */
final class InputReads {
    private final Supplier<MediaLiveClient> mediaLive;

    InputReads(Supplier<MediaLiveClient> mediaLive) {
        this.mediaLive = mediaLive;
    }

    Optional<DescribeInputResponse> input(String id) {
        try {
            return Optional.of(mediaLive.get().describeInput(b -> b.inputId(id)));
        } catch (AwsServiceException e) {
            return gone(e);
        }
    }

    Optional<DescribeInputSecurityGroupResponse> group(String id) {
        try {
            return Optional.of(mediaLive.get().describeInputSecurityGroup(b -> b.inputSecurityGroupId(id)));
        } catch (AwsServiceException e) {
            return gone(e);
        }
    }

    private static <T> Optional<T> gone(AwsServiceException e) {
        if (AwsErrors.namesNothing(e)) {
            return Optional.empty();
        }
        throw e;
    }

    /** True when there is no input, or only its DELETED remains. */
    static boolean isGone(Optional<DescribeInputResponse> input) {
        return input.isEmpty() || input.get().state() == InputState.DELETED;
    }

    static String stateOf(Optional<DescribeInputResponse> input) {
        return input.map(DescribeInputResponse::stateAsString).orElse("gone");
    }

    static String groupStateOf(Optional<DescribeInputSecurityGroupResponse> group) {
        return group.map(DescribeInputSecurityGroupResponse::stateAsString).orElse("gone");
    }
}
