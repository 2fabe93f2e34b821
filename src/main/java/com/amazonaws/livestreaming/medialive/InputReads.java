package com.amazonaws.livestreaming.medialive;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.NotFoundException;

/**
 * Describe calls that treat "not found" as an answer rather than an error: during a Delete, and in every wait,
 * a missing input or group is a state like any other ("gone").
 */
final class InputReads {
    private final Supplier<MediaLiveClient> mediaLive;

    InputReads(Supplier<MediaLiveClient> mediaLive) {
        this.mediaLive = mediaLive;
    }

    Optional<DescribeInputResponse> input(String id) {
        try {
            return Optional.of(mediaLive.get().describeInput(b -> b.inputId(id)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    Optional<DescribeInputSecurityGroupResponse> group(String id) {
        try {
            return Optional.of(mediaLive.get().describeInputSecurityGroup(b -> b.inputSecurityGroupId(id)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
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
