package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.DescribeInputSecurityGroupResponse;
import software.amazon.awssdk.services.medialive.model.InputSecurityGroupState;
import software.amazon.awssdk.services.medialive.model.InputSource;
import software.amazon.awssdk.services.medialive.model.InputState;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.InputWhitelistRule;
import software.amazon.awssdk.services.medialive.model.NotFoundException;
import software.amazon.awssdk.services.medialive.model.SrtCallerSource;
import software.amazon.awssdk.services.medialive.model.UpdateInputRequest;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code Custom::MediaLiveInput}: the MediaLive input a channel reads from, with its input security group (push
 * types) and its source passwords in SSM (pull types). The physical id is the MediaLive input id.
 *
 * <p>Create validates everything first, reuses what an earlier attempt of the same request made (found by tags),
 * and answers only once the input has left CREATING. Update changes URLs, credentials, flows and CIDR rules in
 * place; a new Type or class is a new input. Delete waits for a channel to let go of the input, then removes the
 * input, its security group and its SSM parameters, each step bounded by the time budget.
 */
public final class InputManager implements ResourceManager {
    public static final String KIND = "MediaLiveInput";
    static final Duration PRODUCTION_INTERVAL = Duration.ofSeconds(3);
    private static final ResourceSpec SPEC = new ResourceSpec(KIND,
            Set.of("Type", "ChannelClass", "Cidr", "PriUrl", "SecUrl", "PriUser", "SecUser", "PriPass", "SecPass",
                    "PriMediaConnectArn", "SecMediaConnectArn", "RoleArn", "PriSrtUrl", "SecSrtUrl",
                    "PriSrtStreamId", "SecSrtStreamId", "SrtPassphraseSecretArn", InputSettings.SRT_ALGORITHM),
            Set.of("Id", "Arn", "EndPoint1", "EndPoint2"),
            Set.of("MediaLive:CreateInputSecurityGroup", "MediaLive:ListInputSecurityGroups",
                    "MediaLive:DescribeInputSecurityGroup", "MediaLive:UpdateInputSecurityGroup",
                    "MediaLive:DeleteInputSecurityGroup", "MediaLive:CreateInput", "MediaLive:ListInputs",
                    "MediaLive:DescribeInput", "MediaLive:UpdateInput", "MediaLive:DeleteInput",
                    "Ssm:PutParameter", "Ssm:DeleteParameter"));

    private final Supplier<MediaLiveClient> mediaLive;
    private final PasswordStore passwords;
    private final InputLookup lookup;
    private final Duration interval;

    /** Production: polls MediaLive every 3 seconds (its describe calls are rate-limited). */
    public InputManager(AwsClients clients) {
        this(clients, PRODUCTION_INTERVAL);
    }

    public InputManager(AwsClients clients, Duration pollInterval) {
        this(clients::mediaLive, clients::ssm, pollInterval);
    }

    InputManager(Supplier<MediaLiveClient> mediaLive, Supplier<SsmClient> ssm, Duration pollInterval) {
        this.mediaLive = mediaLive;
        this.passwords = new PasswordStore(ssm);
        this.lookup = new InputLookup(mediaLive);
        this.interval = pollInterval;
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
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
        Optional<DescribeInputResponse> current = describe(id);
        if (current.isEmpty() || isGone(current.get())) {
            invocation.log().warn("input to update is gone; making a new one", Map.of("inputId", id));
            return make(request, settings, secrets, invocation);
        }
        if (needsReplacement(current.get(), settings)) {
            invocation.log().info("Type or ChannelClass changed; replacing the input", Map.of("inputId", id,
                    "type", settings.type().toString(), "channelClass", settings.channelClass().toString()));
            return make(request, settings, secrets, invocation);
        }
        if (settings.isPush()) {
            updateRules(current.get(), settings.cidrs().orElseThrow(), invocation);
        } else {
            rotatePasswords(request, settings, secrets, invocation);
            UpdateInputRequest wanted = InputRequests.updateInput(id, settings, request);
            if (differs(current.get(), wanted)) {
                invocation.step("updating input " + id);
                mediaLive.get().updateInput(wanted);
            }
            dropUnusedPasswords(request, settings, current.get(), invocation);
        }
        DescribeInputResponse now = describe(id).orElseThrow(() -> new ResourceFailure("input " + id
                + " disappeared while it was being updated"));
        return Outcome.success(id, InputEndpoints.data(now, settings));
    }

    @Override
    public Outcome delete(Request request, Invocation invocation) {
        String id = request.physicalResourceId();
        Optional<DescribeInputResponse> current = describe(id);
        Set<String> parameters = new LinkedHashSet<>();
        if (current.isPresent() && !isGone(current.get())) {
            parameters.addAll(ourParameters(request, current.get().sources()));
            removeInput(id, current.get(), invocation);
            for (String groupId : current.get().securityGroups()) {
                removeSecurityGroup(request, groupId, invocation);
            }
        } else {
            invocation.log().info("input already gone", Map.of("inputId", id));
            for (Pipeline pipeline : Pipeline.values()) {
                if (request.properties().optional(pipeline.property("Pass")).isPresent()) {
                    parameters.add(PasswordStore.name(request, pipeline));
                }
            }
        }
        removePasswords(parameters, id, invocation);
        return Outcome.success(id);
    }

    // ---- Create (and replacement) ----

    private Outcome make(Request request, InputSettings settings, InputPasswords secrets, Invocation invocation) {
        String id;
        Optional<String> earlier = lookup.inputMadeBy(request).map(i -> i.id())
                .filter(found -> !found.equals(request.physicalResourceId()));
        if (earlier.isPresent()) {
            id = earlier.get();
            invocation.log().info("reusing the input an earlier attempt of this request made",
                    Map.of("inputId", id));
        } else {
            Optional<String> groupId = settings.isPush()
                    ? Optional.of(securityGroup(request, settings.cidrs().orElseThrow(), invocation))
                    : Optional.empty();
            for (Pipeline pipeline : Pipeline.values()) {
                secrets.of(pipeline).ifPresent(p -> passwords.put(request, pipeline, p, invocation));
            }
            invocation.step("creating " + settings.type() + " input " + InputRequests.name(request));
            try {
                id = mediaLive.get().createInput(InputRequests.createInput(settings, request, groupId)).input().id();
            } catch (RuntimeException refused) {
                undo(request, groupId, secrets, invocation);
                throw refused;
            }
            invocation.log().info("created input", Map.of("inputId", id, "type", settings.type().toString()));
        }
        invocation.made(id);
        String madeId = id;
        DescribeInputResponse ready = StateWait.await(invocation, "input " + id, "created", interval,
                () -> describe(madeId), InputManager::stateOf,
                found -> found.isEmpty() || found.get().state() != InputState.CREATING)
                .filter(found -> !isGone(found))
                .orElseThrow(() -> new ResourceFailure("input " + madeId + " was deleted while it was being created",
                        madeId));
        return Outcome.success(id, InputEndpoints.data(ready, settings));
    }

    private String securityGroup(Request request, CidrList cidrs, Invocation invocation) {
        Optional<String> earlier = lookup.securityGroupMadeBy(request).map(g -> g.id());
        if (earlier.isPresent()) {
            invocation.log().info("reusing the input security group an earlier attempt of this request made",
                    Map.of("securityGroupId", earlier.get()));
            return earlier.get();
        }
        invocation.step("creating the input security group");
        String id = mediaLive.get().createInputSecurityGroup(InputRequests.securityGroup(cidrs, request))
                .securityGroup().id();
        invocation.log().info("created input security group", Map.of("securityGroupId", id,
                "cidr", String.join(",", cidrs.blocks())));
        return id;
    }

    /** CreateInput was refused: nothing carries an id for a rollback Delete, so remove what was made for it. */
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
            invocation.log().warn("could not clean up after the refused CreateInput",
                    Map.of("error", String.valueOf(cleanup.getMessage())));
        }
    }

    // ---- Update in place ----

    /** The class of an RTP push input is fixed by MediaLive (always two endpoints), so only its Data changes. */
    private static boolean needsReplacement(DescribeInputResponse current, InputSettings settings) {
        if (current.type() != settings.type()) {
            return true;
        }
        return settings.type() != InputType.RTP_PUSH
                && !settings.channelClass().toString().equals(current.inputClassAsString());
    }

    private void updateRules(DescribeInputResponse current, CidrList cidrs, Invocation invocation) {
        if (current.securityGroups().isEmpty()) {
            throw new ResourceFailure("push input " + current.id() + " has no input security group to update");
        }
        String groupId = current.securityGroups().get(0);
        DescribeInputSecurityGroupResponse group = mediaLive.get()
                .describeInputSecurityGroup(b -> b.inputSecurityGroupId(groupId));
        Set<String> now = new HashSet<>(group.whitelistRules().stream().map(InputWhitelistRule::cidr).toList());
        if (now.equals(new HashSet<>(cidrs.blocks()))) {
            return;
        }
        invocation.step("updating the rules of input security group " + groupId);
        mediaLive.get().updateInputSecurityGroup(InputRequests.securityGroupRules(groupId, cidrs));
        StateWait.await(invocation, "input security group " + groupId, "updated", interval,
                () -> describeGroup(groupId), InputManager::groupStateOf,
                found -> found.isEmpty() || found.get().state() != InputSecurityGroupState.UPDATING);
    }

    /** Writes a password whose value changed (or is new); MediaLive reads it by the same name, so no UpdateInput. */
    private void rotatePasswords(Request request, InputSettings settings, InputPasswords secrets,
                                 Invocation invocation) {
        Properties old = request.oldProperties();
        for (InputSettings.PullSource source : settings.pullSources()) {
            Optional<String> value = secrets.of(source.pipeline());
            String name = source.pipeline().property("Pass");
            if (value.isPresent() && !value.equals(old.optional(name))) {
                passwords.put(request, source.pipeline(), value.get(), invocation);
            }
        }
    }

    private void dropUnusedPasswords(Request request, InputSettings settings, DescribeInputResponse before,
                                     Invocation invocation) {
        Set<String> kept = new HashSet<>();
        settings.pullSources().stream().filter(InputSettings.PullSource::hasPassword)
                .forEach(s -> kept.add(PasswordStore.name(request, s.pipeline())));
        for (String name : ourParameters(request, before.sources())) {
            if (!kept.contains(name)) {
                passwords.delete(name, invocation);
            }
        }
    }

    /** True when the input's sources, flows, role or SRT callers are not yet what {@code wanted} asks for. */
    private static boolean differs(DescribeInputResponse current, UpdateInputRequest wanted) {
        if (wanted.hasSources()) {
            List<List<String>> have = current.sources().stream()
                    .map(s -> list(s.url(), s.username(), s.passwordParam())).toList();
            List<List<String>> want = wanted.sources().stream()
                    .map(s -> list(s.url(), s.username(), s.passwordParam())).toList();
            return !have.equals(want);
        }
        if (wanted.hasMediaConnectFlows()) {
            return !Objects.equals(current.roleArn(), wanted.roleArn())
                    || !current.mediaConnectFlows().stream().map(f -> f.flowArn()).toList()
                    .equals(wanted.mediaConnectFlows().stream().map(f -> f.flowArn()).toList());
        }
        if (wanted.srtSettings() != null) {
            List<SrtCallerSource> have = current.srtSettings() == null ? List.of()
                    : current.srtSettings().srtCallerSources();
            List<List<String>> haveKeys = have.stream().map(s -> list(s.srtListenerAddress(), s.srtListenerPort(),
                    s.streamId(), s.decryption() == null ? null : s.decryption().passphraseSecretArn(),
                    s.decryption() == null ? null : s.decryption().algorithmAsString())).toList();
            List<List<String>> wantKeys = wanted.srtSettings().srtCallerSources().stream().map(s -> list(
                    s.srtListenerAddress(), s.srtListenerPort(), s.streamId(),
                    s.decryption() == null ? null : s.decryption().passphraseSecretArn(),
                    s.decryption() == null ? null : s.decryption().algorithmAsString())).toList();
            return !haveKeys.equals(wantKeys);
        }
        return false;
    }

    private static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(v == null ? "" : v);
        }
        return out;
    }

    // ---- Delete ----

    private void removeInput(String id, DescribeInputResponse current, Invocation invocation) {
        InputState state = current.state();
        if (state != InputState.DETACHED && state != InputState.DELETING) {
            Optional<DescribeInputResponse> detached = StateWait.await(invocation, "input " + id, "DETACHED",
                    interval, () -> describe(id), InputManager::stateOf,
                    found -> found.isEmpty() || found.get().state() == InputState.DETACHED || isGone(found.get())
                            || found.get().state() == InputState.DELETING);
            state = detached.map(DescribeInputResponse::state).orElse(InputState.DELETED);
        }
        if (state == InputState.DETACHED) {
            invocation.step("deleting input " + id);
            try {
                mediaLive.get().deleteInput(b -> b.inputId(id));
                invocation.log().info("deleting input", Map.of("inputId", id));
            } catch (NotFoundException gone) {
                invocation.log().info("input already gone", Map.of("inputId", id));
            }
        }
        StateWait.await(invocation, "input " + id, "deleted", interval, () -> describe(id), InputManager::stateOf,
                found -> found.isEmpty() || isGone(found.get()));
    }

    private void removeSecurityGroup(Request request, String groupId, Invocation invocation) {
        Optional<DescribeInputSecurityGroupResponse> group = describeGroup(groupId);
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
                "input security group " + groupId, "IDLE", interval, () -> describeGroup(groupId),
                InputManager::groupStateOf, found -> found.isEmpty()
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
    private void removePasswords(Set<String> parameters, String inputId, Invocation invocation) {
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

    /** The parameters among {@code sources} that this resource owns (by their derived names). */
    private static Set<String> ourParameters(Request request, List<InputSource> sources) {
        Set<String> ours = new LinkedHashSet<>();
        Map<String, Pipeline> names = new LinkedHashMap<>();
        for (Pipeline pipeline : Pipeline.values()) {
            names.put(PasswordStore.name(request, pipeline), pipeline);
        }
        for (InputSource source : sources) {
            if (source.passwordParam() != null && names.containsKey(source.passwordParam())) {
                ours.add(source.passwordParam());
            }
        }
        return ours;
    }

    // ---- Reads ----

    private Optional<DescribeInputResponse> describe(String id) {
        try {
            return Optional.of(mediaLive.get().describeInput(b -> b.inputId(id)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private Optional<DescribeInputSecurityGroupResponse> describeGroup(String id) {
        try {
            return Optional.of(mediaLive.get().describeInputSecurityGroup(b -> b.inputSecurityGroupId(id)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static boolean isGone(DescribeInputResponse input) {
        return input.state() == InputState.DELETED;
    }

    private static String stateOf(Optional<DescribeInputResponse> input) {
        return input.map(DescribeInputResponse::stateAsString).orElse("gone");
    }

    private static String groupStateOf(Optional<DescribeInputSecurityGroupResponse> group) {
        return group.map(DescribeInputSecurityGroupResponse::stateAsString).orElse("gone");
    }
}
