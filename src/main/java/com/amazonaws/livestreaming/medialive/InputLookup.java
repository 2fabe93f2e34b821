package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Leftovers;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.Input;
import software.amazon.awssdk.services.medialive.model.InputClass;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroup;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputSource;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.InputType;

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
        for (Input input : mediaLive.get().listInputsPaginator(b -> {}).inputs()) {
            if (isLive(input) && Ownership.madeBy(input.tags(), request)) {
                return Optional.of(input);
            }
        }
        return Optional.empty();
    }

    Optional<InputSecurityGroup> securityGroupMadeBy(Request request) {
        for (InputSecurityGroup group :
                mediaLive.get().listInputSecurityGroupsPaginator(b -> {}).inputSecurityGroups()) {
            if (group.state() != InputSecurityGroupState.DELETED && Ownership.madeBy(group.tags(), request)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * The inputs of {@link Leftovers} that are not being deleted already. Without a marker the candidates must also
     * have the Type (and, except for RTP push inputs, the class) the Delete's properties name, since a replacement
     * input differs in exactly those, and must not be attached to a channel: an input CloudFormation never learnt of
     * cannot have been given to one of its channels, while a live input of the stack is.
     */
    List<Input> inputsLeftBy(Request request, Leftovers leftovers) {
        Predicate<Input> identity = input -> true;
        if (!leftovers.exact()) {
            Optional<Predicate<Input>> described = identityOf(request.properties());
            if (described.isEmpty()) {
                return List.of();
            }
            identity = described.get().and(input -> input.attachedChannels().isEmpty());
        }
        Predicate<Input> wanted = identity;
        return mediaLive.get().listInputsPaginator(b -> {}).inputs().stream()
                .filter(input -> isLive(input) && leftovers.ownedBy(input.tags()) && wanted.test(input))
                .toList();
    }

    /** Same type, and same class unless RTP push (which always has two endpoints, whatever the class). */
    private static Optional<Predicate<Input>> identityOf(Properties properties) {
        try {
            InputType type = InputType.fromValue(properties.oneOf("Type", InputSettings.TYPES));
            InputClass inputClass = InputClass.fromValue(
                    properties.oneOf("ChannelClass", StackDefaults.CHANNEL_CLASSES, StackDefaults.CHANNEL_CLASS));
            return Optional.of(
                    input -> input.type() == type && (type == InputType.RTP_PUSH || input.inputClass() == inputClass));
        } catch (InvalidPropertyException e) {
            return Optional.empty();
        }
    }

    /**
     * The security groups of {@link Leftovers} that no input other than the {@code goneInputs} uses: what an earlier
     * Delete left when it removed the input but ran out of time while the group was still IN_USE, or what a Create
     * made before CloudFormation lost its answer. A replacement input's group (same logical id) is in use by that
     * input and is kept.
     */
    List<String> securityGroupsLeftBy(Leftovers leftovers, Collection<String> goneInputs) {
        List<String> left = new ArrayList<>();
        for (InputSecurityGroup group :
                mediaLive.get().listInputSecurityGroupsPaginator(b -> {}).inputSecurityGroups()) {
            if (group.state() != InputSecurityGroupState.DELETED
                    && leftovers.ownedBy(group.tags())
                    && goneInputs.containsAll(group.inputs())) {
                left.add(group.id());
            }
        }
        return left;
    }

    /** The live inputs of this stack's logical resource that an Update gave up on ({@link Ownership#ABANDONED}). */
    List<Input> abandoned(Leftovers leftovers) {
        return mediaLive.get().listInputsPaginator(b -> {}).inputs().stream()
                .filter(input -> isLive(input)
                        && leftovers.ownedBy(input.tags())
                        && input.tags().containsKey(Ownership.ABANDONED))
                .toList();
    }

    /** The security groups of this stack's logical resource that an Update gave up on and no input uses. */
    List<String> abandonedGroups(Leftovers leftovers) {
        List<String> left = new ArrayList<>();
        for (InputSecurityGroup group :
                mediaLive.get().listInputSecurityGroupsPaginator(b -> {}).inputSecurityGroups()) {
            if (group.state() != InputSecurityGroupState.DELETED
                    && leftovers.ownedBy(group.tags())
                    && group.tags().containsKey(Ownership.ABANDONED)
                    && group.inputs().isEmpty()) {
                left.add(group.id());
            }
        }
        return left;
    }

    /** Which of {@code parameters} another live input still reads its password from (e.g. a replacement). */
    Set<String> stillUsedByOthers(Collection<String> parameters, String inputId) {
        return mediaLive.get().listInputsPaginator(b -> {}).inputs().stream()
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
