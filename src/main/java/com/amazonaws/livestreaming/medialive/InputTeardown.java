package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Ownership;
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
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputSource;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.NotFoundException;

/**
 * Removes an input and what was made for it, in the only order MediaLive accepts: the input once no channel holds
 * it (DETACHED), its security group once no input uses it (IDLE), then the password parameters. Every wait is
 * bounded by the budget and names the state it was stuck in; whatever is already gone is skipped. When the input
 * is already gone (a Delete retried after running out of time), the security group it used is found by its tags,
 * so it is not left behind to count against the account's quota.
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

    void remove(Request request, Invocation invocation) {
        String id = request.physicalResourceId();
        Optional<DescribeInputResponse> current = reads.input(id);
        Set<String> parameters = new LinkedHashSet<>();
        if (!InputReads.isGone(current)) {
            parameters.addAll(ourParameters(request, current.get().sources()));
            removeInput(id, current.get().state(), invocation);
            for (String groupId : current.get().securityGroups()) {
                removeSecurityGroup(request, groupId, invocation);
            }
        } else {
            invocation.log().info("input already gone", Map.of("inputId", id));
            for (String groupId : lookup.securityGroupsLeftBy(request, id)) {
                removeSecurityGroup(request, groupId, invocation);
            }
            for (Pipeline pipeline : Pipeline.values()) {
                if (request.properties().optional(pipeline.property("Pass")).isPresent()) {
                    parameters.add(PasswordStore.name(request, pipeline));
                }
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
            Optional<DescribeInputResponse> detached = StateWait.await(invocation, "input " + id, "DETACHED",
                    interval, () -> reads.input(id), InputReads::stateOf,
                    found -> InputReads.isGone(found) || found.get().state() == InputState.DETACHED
                            || found.get().state() == InputState.DELETING);
            now = detached.map(DescribeInputResponse::state).orElse(InputState.DELETED);
        }
        if (now == InputState.DETACHED) {
            invocation.step("deleting input " + id);
            try {
                mediaLive.get().deleteInput(b -> b.inputId(id));
                invocation.log().info("deleting input", Map.of("inputId", id));
            } catch (NotFoundException gone) {
                invocation.log().info("input already gone", Map.of("inputId", id));
            }
        }
        StateWait.await(invocation, "input " + id, "deleted", interval, () -> reads.input(id), InputReads::stateOf,
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
        Optional<DescribeInputSecurityGroupResponse> idle = StateWait.await(invocation,
                "input security group " + groupId, "IDLE", interval, () -> reads.group(groupId),
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
