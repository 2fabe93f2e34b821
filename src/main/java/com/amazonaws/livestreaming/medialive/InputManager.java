package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.ConflictRetry;
import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.Arguments;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.Input;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.InputWhitelistRule;
import software.amazon.awssdk.services.medialive.model.UpdateInputRequest;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code Custom::MediaLiveInput}: the MediaLive input a channel reads from, with its input security group (push
 * types) and its source passwords in SSM (pull types). The physical id is the MediaLive input id.
 *
 * <p>Create validates everything first, reuses what an earlier attempt of the same request made (found by tags),
 * and answers only once the input has left CREATING. Update changes URLs, credentials, flows and CIDR rules in
 * place; a new Type or class is a new input. MediaLive edits an attached input only while its channels are IDLE, so
 * a change of sources or credentials stops the running channels and starts them again ({@link ChannelPause});
 * CIDR rules change while the stream stays live. Delete waits for a channel to let go of the input, then removes
 * the input, its security group and its SSM parameters, each step bounded by the time budget.
 */
public final class InputManager implements ResourceManager {
    public static final String KIND = "MediaLiveInput";
    static final Duration PRODUCTION_INTERVAL = Duration.ofSeconds(3);
    private static final ResourceSpec SPEC = new ResourceSpec(
            KIND,
            Set.of(
                    "Type",
                    "ChannelClass",
                    "Cidr",
                    "PriUrl",
                    "SecUrl",
                    "PriUser",
                    "SecUser",
                    "PriPass",
                    "SecPass",
                    "PriMediaConnectArn",
                    "SecMediaConnectArn",
                    "RoleArn",
                    "PriSrtUrl",
                    "SecSrtUrl",
                    "PriSrtStreamId",
                    "SecSrtStreamId",
                    "SrtPassphraseSecretArn",
                    InputSettings.SRT_ALGORITHM),
            Set.of("Id", "Arn", "EndPoint1", "EndPoint2"),
            Set.of(
                    "MediaLive:CreateInputSecurityGroup",
                    "MediaLive:ListInputSecurityGroups",
                    "MediaLive:DescribeInputSecurityGroup",
                    "MediaLive:UpdateInputSecurityGroup",
                    "MediaLive:DeleteInputSecurityGroup",
                    "MediaLive:CreateInput",
                    "MediaLive:ListInputs",
                    "MediaLive:DescribeInput",
                    "MediaLive:UpdateInput",
                    "MediaLive:DeleteInput",
                    "MediaLive:CreateTags",
                    "MediaLive:DeleteTags",
                    "Ssm:PutParameter",
                    "Ssm:DeleteParameter",
                    // an edit of an attached input stops its channels and starts them again
                    "MediaLive:DescribeChannel",
                    "MediaLive:StopChannel",
                    "MediaLive:StartChannel",
                    "MediaLive:ListAlerts"));

    private final Supplier<MediaLiveClient> mediaLive;
    private final PasswordStore passwords;
    private final InputLookup lookup;
    private final InputReads reads;
    private final InputTeardown teardown;
    private final ChannelPause pause;
    private final Duration interval;

    /** Production: polls MediaLive every 3 seconds (its describe calls are rate-limited). */
    public InputManager(AwsClients clients) {
        this(clients, PRODUCTION_INTERVAL);
    }

    public InputManager(AwsClients clients, Duration pollInterval) {
        this(Objects.requireNonNull(clients, "clients")::mediaLive, clients::ssm, pollInterval);
    }

    InputManager(Supplier<MediaLiveClient> mediaLive, Supplier<SsmClient> ssm, Duration pollInterval) {
        Arguments.positive(pollInterval, "pollInterval");
        this.mediaLive = mediaLive;
        this.passwords = new PasswordStore(ssm);
        this.lookup = new InputLookup(mediaLive);
        this.reads = new InputReads(mediaLive);
        this.teardown = new InputTeardown(mediaLive, reads, lookup, passwords, pollInterval);
        this.pause = new ChannelPause(new ChannelStates(mediaLive, pollInterval));
        this.interval = pollInterval;
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
    }

    @Override
    public PropertyRules propertyRules() {
        return MediaLiveRules.INPUT;
    }

    @Override
    public Outcome create(Request request, Invocation invocation) {
        InputSettings settings = InputSettings.from(request.properties());
        InputPasswords secrets = InputPasswords.from(request.properties(), settings);
        return make(request, settings, secrets, invocation);
    }

    @Override
    public Outcome update(Request request, Invocation invocation) {
        InputSettings settings = InputSettings.from(request.properties());
        InputPasswords secrets = InputPasswords.from(request.properties(), settings);
        String id = request.physicalResourceId();
        Optional<DescribeInputResponse> current = reads.input(id);
        if (InputReads.isGone(current)) {
            invocation.log().warn("input to update is gone; making a new one", Map.of("inputId", id));
            return replace(request, settings, secrets, invocation);
        }
        if (InputChanges.needReplacement(current.get(), settings)) {
            invocation
                    .log()
                    .info(
                            "Type or ChannelClass changed; replacing the input",
                            Map.of(
                                    "inputId",
                                    id,
                                    "type",
                                    settings.type().toString(),
                                    "channelClass",
                                    settings.channelClass().toString()));
            return replace(request, settings, secrets, invocation);
        }
        if (settings.isPush()) {
            updateRules(current.get(), settings.cidrs().orElseThrow(), invocation);
        } else {
            UpdateInputRequest wanted = InputRequests.updateInput(id, settings, request);
            boolean sourcesChange = InputChanges.differ(current.get(), wanted);
            List<Pipeline> rotated = changedPasswords(request, settings, secrets);
            Runnable edit = () -> {
                for (Pipeline pipeline : rotated) {
                    passwords.put(request, pipeline, secrets.of(pipeline).orElseThrow(), invocation);
                }
                if (sourcesChange) {
                    invocation.step("updating input " + id);
                    ConflictRetry.call(
                            invocation,
                            "UpdateInput of input " + id,
                            interval,
                            () -> mediaLive.get().updateInput(wanted),
                            Optional::empty);
                }
                dropUnusedPasswords(request, settings, current.get(), invocation);
            };
            List<String> channels =
                    sourcesChange || !rotated.isEmpty() ? current.get().attachedChannels() : List.of();
            pause.whileIdle(invocation, "input " + id, channels, edit);
        }
        DescribeInputResponse now = reads.input(id)
                .orElseThrow(() -> new ResourceFailure("input " + id + " disappeared while it was being updated"));
        return Outcome.success(id, InputEndpoints.data(now, settings));
    }

    @Override
    public Outcome delete(Request request, Invocation invocation) {
        teardown.remove(request, invocation);
        return Outcome.success(request.physicalResourceId());
    }

    // ---- Create (and replacement) ----

    /**
     * A new input for an Update. A failed Update answers with the old id, so CloudFormation would never delete the
     * new one: it is removed before the failure is answered, within the whole budget of the invocation.
     */
    private Outcome replace(Request request, InputSettings settings, InputPasswords secrets, Invocation invocation) {
        try {
            return make(request, settings, secrets, invocation);
        } catch (RuntimeException failure) {
            String made = invocation.madePhysicalId();
            if (made != null && !made.equals(request.physicalResourceId())) {
                teardown.abandon(request, made, invocation.forCleanup());
            }
            throw failure;
        }
    }

    private Outcome make(Request request, InputSettings settings, InputPasswords secrets, Invocation invocation) {
        String id;
        Optional<String> earlier = lookup.inputMadeBy(request)
                .map(i -> i.id())
                .filter(found -> !found.equals(request.physicalResourceId()));
        if (earlier.isPresent()) {
            id = earlier.get();
            invocation.log().info("reusing the input an earlier attempt of this request made", Map.of("inputId", id));
        } else {
            Optional<String> groupId = settings.isPush()
                    ? Optional.of(securityGroup(request, settings.cidrs().orElseThrow(), invocation))
                    : Optional.empty();
            try {
                for (Pipeline pipeline : Pipeline.values()) {
                    secrets.of(pipeline).ifPresent(p -> passwords.put(request, pipeline, p, invocation));
                }
                invocation.step("creating " + settings.type() + " input " + InputRequests.name(request));
                Input created = mediaLive
                        .get()
                        .createInput(InputRequests.createInput(settings, request, groupId))
                        .input();
                id = created.id();
                groupId.filter(g -> !created.securityGroups().contains(g))
                        .ifPresent(g -> dropUnused(g, created.id(), invocation));
            } catch (RuntimeException refused) {
                undo(request, groupId, secrets, invocation);
                throw refused;
            }
            invocation
                    .log()
                    .info(
                            "created input",
                            Map.of("inputId", id, "type", settings.type().toString()));
            if (groupId.isPresent()) {
                teardown.sweepUnusedGroups(request, groupId.get(), invocation);
            }
        }
        invocation.made(id);
        String madeId = id;
        DescribeInputResponse ready = Poller.await(
                        invocation,
                        "input " + id,
                        "leave CREATING",
                        interval,
                        () -> reads.input(madeId),
                        InputReads::stateOf,
                        found -> found.isEmpty() || found.get().state() != InputState.CREATING)
                .filter(found -> found.state() != InputState.DELETED)
                .orElseThrow(() ->
                        new ResourceFailure("input " + madeId + " was deleted while it was being created", madeId));
        return Outcome.success(id, InputEndpoints.data(ready, settings));
    }

    private String securityGroup(Request request, CidrList cidrs, Invocation invocation) {
        Optional<String> earlier = lookup.securityGroupMadeBy(request).map(g -> g.id());
        if (earlier.isPresent()) {
            invocation
                    .log()
                    .info(
                            "reusing the input security group an earlier attempt of this request made",
                            Map.of("securityGroupId", earlier.get()));
            return earlier.get();
        }
        invocation.step("creating the input security group");
        String id = mediaLive
                .get()
                .createInputSecurityGroup(InputRequests.securityGroup(cidrs, request))
                .securityGroup()
                .id();
        invocation
                .log()
                .info(
                        "created input security group",
                        Map.of("securityGroupId", id, "cidr", String.join(",", cidrs.blocks())));
        return id;
    }

    /**
     * CreateInput answered with an input an earlier attempt of this request made (its idempotency token), which
     * uses that attempt's security group, not the one this attempt made: the same Create delivered twice at once.
     * This one's group is used by nothing, so it goes; if it cannot go now, the input's Delete finds it by its tags.
     */
    private void dropUnused(String groupId, String inputId, Invocation invocation) {
        try {
            mediaLive.get().deleteInputSecurityGroup(b -> b.inputSecurityGroupId(groupId));
            invocation
                    .log()
                    .info(
                            "deleted an input security group the input does not use",
                            Map.of("securityGroupId", groupId, "inputId", inputId));
        } catch (RuntimeException e) {
            invocation
                    .log()
                    .warn(
                            "could not delete an input security group the input does not use; the input's"
                                    + " Delete will",
                            Map.of("securityGroupId", groupId, "error", String.valueOf(e.getMessage())));
        }
    }

    /**
     * A password could not be stored or CreateInput was refused: nothing carries an id for a rollback Delete, so
     * remove what was made for it.
     */
    private void undo(Request request, Optional<String> groupId, InputPasswords secrets, Invocation invocation) {
        try {
            groupId.ifPresent(g -> {
                mediaLive.get().deleteInputSecurityGroup(b -> b.inputSecurityGroupId(g));
                invocation.log().info("deleted the unused input security group", Map.of("securityGroupId", g));
            });
            if (request.requestType() == RequestType.CREATE) {
                for (Pipeline pipeline : Pipeline.values()) {
                    if (secrets.of(pipeline).isPresent()) {
                        passwords.delete(PasswordStore.name(request, pipeline), invocation);
                    }
                }
            }
        } catch (RuntimeException cleanup) {
            invocation
                    .log()
                    .warn(
                            "could not clean up after the refused CreateInput",
                            Map.of("error", String.valueOf(cleanup.getMessage())));
        }
    }

    // ---- Update in place ----

    private void updateRules(DescribeInputResponse current, CidrList cidrs, Invocation invocation) {
        if (current.securityGroups().isEmpty()) {
            throw new ResourceFailure("push input " + current.id() + " has no input security group to update");
        }
        String groupId = current.securityGroups().get(0);
        DescribeInputSecurityGroupResponse group =
                mediaLive.get().describeInputSecurityGroup(b -> b.inputSecurityGroupId(groupId));
        Set<String> now = new HashSet<>(
                group.whitelistRules().stream().map(InputWhitelistRule::cidr).toList());
        if (now.equals(new HashSet<>(cidrs.blocks()))) {
            return;
        }
        invocation.step("updating the rules of input security group " + groupId);
        ConflictRetry.call(
                invocation,
                "UpdateInputSecurityGroup of input security group " + groupId,
                interval,
                () -> mediaLive
                        .get()
                        .updateInputSecurityGroup(InputRequests.securityGroupRules(groupId, cidrs, group.tags())),
                Optional::empty);
        Poller.await(
                invocation,
                "input security group " + groupId,
                "finish UPDATING",
                interval,
                () -> reads.group(groupId),
                InputReads::groupStateOf,
                found -> found.isEmpty() || found.get().state() != InputSecurityGroupState.UPDATING);
    }

    /**
     * The pipelines whose password value changed (or is new). MediaLive reads it by the same name, so no UpdateInput
     * is needed, but a running channel reads it only when it starts.
     */
    private static List<Pipeline> changedPasswords(Request request, InputSettings settings, InputPasswords secrets) {
        Properties old = request.oldProperties();
        List<Pipeline> changed = new ArrayList<>();
        for (InputSettings.PullSource source : settings.pullSources()) {
            Optional<String> value = secrets.of(source.pipeline());
            String name = source.pipeline().property("Pass");
            if (value.isPresent() && !value.equals(old.optional(name))) {
                changed.add(source.pipeline());
            }
        }
        return changed;
    }

    private void dropUnusedPasswords(
            Request request, InputSettings settings, DescribeInputResponse before, Invocation invocation) {
        Set<String> kept = new HashSet<>();
        settings.pullSources().stream()
                .filter(InputSettings.PullSource::hasPassword)
                .forEach(s -> kept.add(PasswordStore.name(request, s.pipeline())));
        for (String name : InputTeardown.ourParameters(request, before.sources())) {
            if (!kept.contains(name)) {
                passwords.delete(name, invocation);
            }
        }
    }
}
