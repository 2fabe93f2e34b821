package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.ConflictRetry;
import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Leftovers;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DeleteInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.Input;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputSource;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.NotFoundException;

/**
 * Removes an input and what was made for it, in the only order MediaLive accepts: the input once no channel holds
 * it (DETACHED), its security group once no input uses it (IDLE), then the password parameters. Every wait is
 * bounded by the budget and names the state it was stuck in; whatever is already gone is skipped. When the input
 * is already gone (a Delete retried after running out of time, or an id CloudFormation made up because our answer
 * was lost), what this stack resource made is found by its tags, so neither an input nor a security group is left
 * behind to count against the account's quotas.
 */
final class InputTeardown {
    private final Supplier<MediaLiveClient> mediaLive;
    private final InputReads reads;
    private final InputLookup lookup;
    private final PasswordStore passwords;
    private final Duration interval;

    InputTeardown(Supplier<MediaLiveClient> mediaLive, InputReads reads, InputLookup lookup, PasswordStore passwords,
                  Duration interval) {
        this.mediaLive = mediaLive;
        this.reads = reads;
        this.lookup = lookup;
        this.passwords = passwords;
        this.interval = interval;
    }

    /**
     * Removes the input the Delete names; when the id names nothing (gone already, made up by CloudFormation, or the
     * marker of a failed Create), removes what this stack resource left instead: inputs and security groups found
     * by their tags ({@link Leftovers}), and the password parameters its properties name.
     */
    void remove(Request request, Invocation invocation) {
        String id = request.physicalResourceId();
        if (!PhysicalIds.isNothingCreated(id)) {
            invocation.step("reading input " + id + " before deleting it");
            Optional<DescribeInputResponse> current = reads.input(id);
            if (!InputReads.isGone(current)) {
                Set<String> parameters = new LinkedHashSet<>(ourParameters(request, current.get().sources()));
                removeWithGroups(request, current.get(), invocation);
                removePasswords(parameters, id, invocation);
                return;
            }
            invocation.log().info("input already gone", Map.of("inputId", id));
        }
        removeLeftovers(request, id, invocation);
    }

    /**
     * The input, its security groups, and (for a push input) any other group this stack resource made that no
     * input uses: an attempt of CreateInputSecurityGroup whose answer was too slow, which the SDK tried again.
     */
    private void removeWithGroups(Request request, DescribeInputResponse input, Invocation invocation) {
        removeInput(input.id(), input.state(), invocation);
        for (String groupId : input.securityGroups()) {
            removeSecurityGroup(request, groupId, invocation);
        }
        if (!input.securityGroups().isEmpty()) {
            invocation.step("looking for input security groups " + request.logicalResourceId()
                    + " made that no input uses");
            for (String groupId : lookup.securityGroupsLeftBy(Leftovers.of(request), Set.of(input.id()))) {
                removeSecurityGroup(request, groupId, invocation);
            }
        }
    }

    private void removeLeftovers(Request request, String id, Invocation invocation) {
        Leftovers leftovers = Leftovers.of(request);
        invocation.step("looking for inputs and security groups " + request.logicalResourceId()
                + " made that CloudFormation does not know of");
        Set<String> gone = new LinkedHashSet<>(Set.of(id));
        Set<String> parameters = new LinkedHashSet<>();
        for (Input left : lookup.inputsLeftBy(request, leftovers)) {
            invocation.log().warn("deleting an input this stack resource made that CloudFormation does not know of",
                    Map.of("inputId", left.id()));
            parameters.addAll(ourParameters(request, left.sources()));
            removeInput(left.id(), left.state(), invocation);
            gone.add(left.id());
            for (String groupId : left.securityGroups()) {
                removeSecurityGroup(request, groupId, invocation);
            }
        }
        for (String groupId : lookup.securityGroupsLeftBy(leftovers, gone)) {
            removeSecurityGroup(request, groupId, invocation);
        }
        for (Pipeline pipeline : Pipeline.values()) {
            if (request.properties().optional(pipeline.property("Pass")).isPresent()) {
                parameters.add(PasswordStore.name(request, pipeline));
            }
        }
        removePasswords(parameters, id, invocation);
    }

    /** The password parameters among {@code sources} that belong to this resource (by their derived names). */
    static Set<String> ourParameters(Request request, List<InputSource> sources) {
        Set<String> names = new LinkedHashSet<>();
        for (Pipeline pipeline : Pipeline.values()) {
            names.add(PasswordStore.name(request, pipeline));
        }
        Set<String> ours = new LinkedHashSet<>();
        for (InputSource source : sources) {
            if (names.contains(source.passwordParam())) {
                ours.add(source.passwordParam());
            }
        }
        return ours;
    }

    private void removeInput(String id, InputState state, Invocation invocation) {
        InputState now = state;
        if (now != InputState.DETACHED && now != InputState.DELETING) {
            Optional<DescribeInputResponse> detached = Poller.await(invocation, "input " + id, "reach DETACHED",
                    interval, () -> reads.input(id), InputReads::stateOf,
                    found -> InputReads.isGone(found) || found.get().state() == InputState.DETACHED
                            || found.get().state() == InputState.DELETING);
            now = detached.map(DescribeInputResponse::state).orElse(InputState.DELETED);
        }
        if (now == InputState.DETACHED) {
            invocation.step("deleting input " + id);
            try {
                ConflictRetry.call(invocation, "DeleteInput of input " + id, interval,
                        () -> mediaLive.get().deleteInput(b -> b.inputId(id)),
                        () -> reads.input(id).filter(found -> found.state() != InputState.DELETING
                                && found.state() != InputState.DELETED).isPresent() ? Optional.empty()
                                : Optional.of(DeleteInputResponse.builder().build()));
                invocation.log().info("deleting input", Map.of("inputId", id));
            } catch (NotFoundException gone) {
                invocation.log().info("input already gone", Map.of("inputId", id));
            }
        }
        Poller.await(invocation, "input " + id, "be deleted", interval, () -> reads.input(id), InputReads::stateOf,
                InputReads::isGone);
    }

    private void removeSecurityGroup(Request request, String groupId, Invocation invocation) {
        Optional<DescribeInputSecurityGroupResponse> group = reads.group(groupId);
        if (group.isEmpty() || group.get().state() == InputSecurityGroupState.DELETED) {
            return;
        }
        Map<String, String> tags = group.get().tags();
        if (!request.stackId().equals(tags.get(Ownership.STACK_ID))
                || !request.logicalResourceId().equals(tags.get(Ownership.LOGICAL_ID))) {
            invocation.log().warn("input security group was not made for this resource; leaving it",
                    Map.of("securityGroupId", groupId));
            return;
        }
        Optional<DescribeInputSecurityGroupResponse> idle = Poller.await(invocation,
                "input security group " + groupId, "reach IDLE", interval, () -> reads.group(groupId),
                InputReads::groupStateOf, found -> found.isEmpty()
                        || found.get().state() == InputSecurityGroupState.IDLE
                        || found.get().state() == InputSecurityGroupState.DELETED);
        if (idle.isEmpty() || idle.get().state() == InputSecurityGroupState.DELETED) {
            return;
        }
        invocation.step("deleting input security group " + groupId);
        try {
            mediaLive.get().deleteInputSecurityGroup(b -> b.inputSecurityGroupId(groupId));
            invocation.log().info("deleted input security group", Map.of("securityGroupId", groupId));
        } catch (NotFoundException gone) {
            invocation.log().info("input security group already gone", Map.of("securityGroupId", groupId));
        }
    }

    /** Deletes the password parameters, except those a replacement input (same logical id) now reads. */
    private void removePasswords(Collection<String> parameters, String inputId, Invocation invocation) {
        if (parameters.isEmpty()) {
            return;
        }
        Set<String> shared = lookup.stillUsedByOthers(parameters, inputId);
        for (String name : parameters) {
            if (shared.contains(name)) {
                invocation.log().info("source password still used by another input; keeping it",
                        Map.of("parameter", name));
            } else {
                passwords.delete(name, invocation);
            }
        }
    }
}
