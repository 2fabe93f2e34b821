package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.ConflictRetry;
import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.FailureReason;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Leftovers;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import java.time.Duration;
import java.util.ArrayList;
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

    InputTeardown(
            Supplier<MediaLiveClient> mediaLive,
            InputReads reads,
            InputLookup lookup,
            PasswordStore passwords,
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
                Set<String> parameters =
                        new LinkedHashSet<>(ourParameters(request, current.get().sources()));
                removeWithGroups(request, current.get(), invocation);
                removeAbandoned(request, invocation);
                removePasswords(parameters, id, invocation);
                return;
            }
            invocation.log().info("input already gone", Map.of("inputId", id));
        }
        removeLeftovers(request, id, invocation);
    }

    /**
     * Removes the input (and its security group) an Update made and then gave up on: the Update answers FAILED with
     * the old id, so CloudFormation will never delete this one. Its password parameters stay: the old input reads
     * them by the same names. It is tagged {@link Ownership#ABANDONED} first, so that if the time runs out before it
     * is gone, the next Delete of this resource finds it ({@link #remove}).
     */
    void abandon(Request request, String madeId, Invocation invocation) {
        try {
            invocation.step("removing input " + madeId + ", which the failed update made");
            Optional<DescribeInputResponse> made = reads.input(madeId);
            if (InputReads.isGone(made)) {
                return;
            }
            List<String> arns = new ArrayList<>(List.of(made.get().arn()));
            for (String groupId : made.get().securityGroups()) {
                reads.group(groupId).ifPresent(group -> arns.add(group.arn()));
            }
            for (String arn : arns) {
                mediaLive.get().createTags(b -> b.resourceArn(arn).tags(Map.of(Ownership.ABANDONED, "true")));
            }
            removeWithGroups(request, made.get(), invocation);
            invocation.log().warn("removed the input a failed update made", Map.of("inputId", madeId));
        } catch (RuntimeException e) {
            invocation
                    .log()
                    .error(
                            "could not remove the input a failed update made; the next Delete of this"
                                    + " resource removes it",
                            Map.of("inputId", madeId, "reason", FailureReason.of(e)));
        }
    }

    /**
     * Deletes the input security groups of this stack's logical resource that no input uses, except {@code kept}:
     * the duplicates a retried Create leaves (its first attempt made a group, but a second one was made before the
     * first could be found). A call MediaLive refuses for good fails the Create like any other step (the fault suite
     * holds every call to that), and the Delete that follows removes the groups.
     */
    void sweepUnusedGroups(Request request, String kept, Invocation invocation) {
        Leftovers ours = Leftovers.ofResource(request);
        for (String groupId : lookup.securityGroupsLeftBy(ours, Set.of())) {
            if (!groupId.equals(kept)) {
                invocation
                        .log()
                        .warn(
                                "deleting an unused input security group an earlier attempt made",
                                Map.of("securityGroupId", groupId));
                removeSecurityGroup(request, groupId, invocation);
            }
        }
    }

    /**
     * Inputs and security groups an earlier Update of this resource gave up on and could not remove in time. A
     * lookup MediaLive refuses for good fails the Delete naming the call: answering SUCCESS would leave them for ever.
     */
    private void removeAbandoned(Request request, Invocation invocation) {
        Leftovers ours = Leftovers.ofResource(request);
        for (Input left : lookup.abandoned(ours)) {
            invocation.log().warn("deleting an input an earlier update gave up on", Map.of("inputId", left.id()));
            removeInput(left.id(), left.state(), invocation);
            for (String groupId : left.securityGroups()) {
                removeSecurityGroup(request, groupId, invocation);
            }
        }
        for (String groupId : lookup.abandonedGroups(ours)) {
            removeSecurityGroup(request, groupId, invocation);
        }
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
            invocation.step(
                    "looking for input security groups " + request.logicalResourceId() + " made that no input uses");
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
            invocation
                    .log()
                    .warn(
                            "deleting an input this stack resource made that CloudFormation does not know of",
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
        removeAbandoned(request, invocation);
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
            Optional<DescribeInputResponse> detached = Poller.await(
                    invocation,
                    "input " + id,
                    "reach DETACHED",
                    interval,
                    () -> reads.input(id),
                    InputReads::stateOf,
                    found -> InputReads.isGone(found)
                            || found.get().state() == InputState.DETACHED
                            || found.get().state() == InputState.DELETING);
            now = detached.map(DescribeInputResponse::state).orElse(InputState.DELETED);
        }
        if (now == InputState.DETACHED) {
            invocation.step("deleting input " + id);
            try {
                ConflictRetry.call(
                        invocation,
                        "DeleteInput of input " + id,
                        interval,
                        () -> mediaLive.get().deleteInput(b -> b.inputId(id)),
                        () -> reads.input(id)
                                        .filter(found -> found.state() != InputState.DELETING
                                                && found.state() != InputState.DELETED)
                                        .isPresent()
                                ? Optional.empty()
                                : Optional.of(DeleteInputResponse.builder().build()));
                invocation.log().info("deleting input", Map.of("inputId", id));
            } catch (NotFoundException gone) {
                invocation.log().info("input already gone", Map.of("inputId", id));
            }
        }
        Poller.await(
                invocation,
                "input " + id,
                "be deleted",
                interval,
                () -> reads.input(id),
                InputReads::stateOf,
                InputReads::isGone);
    }

    private void removeSecurityGroup(Request request, String groupId, Invocation invocation) {
        Optional<DescribeInputSecurityGroupResponse> group = reads.group(groupId);
        if (group.isEmpty() || group.get().state() == InputSecurityGroupState.DELETED) {
            return;
        }
        if (!Leftovers.ofResource(request).ownedBy(group.get().tags())) {
            invocation
                    .log()
                    .warn(
                            "input security group was not made for this resource; leaving it",
                            Map.of("securityGroupId", groupId));
            return;
        }
        Optional<DescribeInputSecurityGroupResponse> idle = Poller.await(
                invocation,
                "input security group " + groupId,
                "reach IDLE",
                interval,
                () -> reads.group(groupId),
                InputReads::groupStateOf,
                found -> found.isEmpty()
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
                invocation
                        .log()
                        .info("source password still used by another input; keeping it", Map.of("parameter", name));
            } else {
                passwords.delete(name, invocation);
            }
        }
    }
}
