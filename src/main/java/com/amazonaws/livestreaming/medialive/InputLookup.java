package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.Input;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroup;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputSource;
import software.amazon.awssdk.services.medialive.model.InputState;

/**
 * Finds what an earlier attempt of the same request made, by the {@link Ownership} tags MediaLive returns in its
 * list calls (every page), so a repeated Create reuses instead of making a second input or security group.
 */
final class InputLookup {
    private final Supplier<MediaLiveClient> mediaLive;

    InputLookup(Supplier<MediaLiveClient> mediaLive) {
        this.mediaLive = mediaLive;
    }

    Optional<Input> inputMadeBy(Request request) {
        for (Input input : mediaLive.get().listInputsPaginator(b -> { }).inputs()) {
            if (isLive(input) && Ownership.madeBy(input.tags(), request)) {
                return Optional.of(input);
            }
        }
        return Optional.empty();
    }

    Optional<InputSecurityGroup> securityGroupMadeBy(Request request) {
        for (InputSecurityGroup group : mediaLive.get().listInputSecurityGroupsPaginator(b -> { })
                .inputSecurityGroups()) {
            if (group.state() != InputSecurityGroupState.DELETED && Ownership.madeBy(group.tags(), request)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * The security groups made for this stack resource (by any request) that no input other than the gone
     * {@code inputId} uses: what an earlier Delete left when it removed the input but ran out of time while the
     * group was still IN_USE. A replacement input's group (same logical id) is in use by that input and is kept.
     */
    List<String> securityGroupsLeftBy(Request request, String inputId) {
        List<String> left = new ArrayList<>();
        for (InputSecurityGroup group : mediaLive.get().listInputSecurityGroupsPaginator(b -> { })
                .inputSecurityGroups()) {
            Map<String, String> tags = group.tags();
            if (group.state() != InputSecurityGroupState.DELETED && tags != null
                    && request.stackId().equals(tags.get(Ownership.STACK_ID))
                    && request.logicalResourceId().equals(tags.get(Ownership.LOGICAL_ID))
                    && group.inputs().stream().allMatch(inputId::equals)) {
                left.add(group.id());
            }
        }
        return left;
    }

    /** Which of {@code parameters} another live input still reads its password from (e.g. a replacement). */
    Set<String> stillUsedByOthers(Collection<String> parameters, String inputId) {
        return mediaLive.get().listInputsPaginator(b -> { }).inputs().stream()
                .filter(input -> isLive(input) && !input.id().equals(inputId))
                .flatMap(input -> input.sources().stream())
                .map(InputSource::passwordParam)
                .filter(parameters::contains)
                .collect(Collectors.toSet());
    }

    private static boolean isLive(Input input) {
        return input.state() != InputState.DELETING && input.state() != InputState.DELETED;
    }
}
