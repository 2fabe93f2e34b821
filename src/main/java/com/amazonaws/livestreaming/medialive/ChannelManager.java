package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.ConflictRetry;
import com.amazonaws.livestreaming.cfn.Arguments;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Leftovers;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import com.amazonaws.livestreaming.profile.EncodingProfile;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.ChannelState;
import software.amazon.awssdk.services.medialive.model.ChannelSummary;
import software.amazon.awssdk.services.medialive.model.CreateChannelRequest;
import software.amazon.awssdk.services.medialive.model.UnprocessableEntityException;
import software.amazon.awssdk.services.medialive.model.UpdateChannelRequest;

/**
 * {@code Custom::MediaLiveChannel}: the MediaLive channel that encodes the input into the profile's ladder and sends
 * it to MediaPackage. A running channel is billed by the hour, so the {@code Start} property decides whether the
 * stack leaves it running, and every change that needs a stopped channel stops it only as long as needed. Create
 * and start both wait until MediaLive has finished, so the stack completes only when the stream is really live.
 */
public final class ChannelManager implements ResourceManager {
    public static final String KIND = "MediaLiveChannel";
    /** DescribeChannel is rate-limited per account; five seconds keeps several stacks well inside the limit. */
    public static final Duration PRODUCTION_POLL_INTERVAL = Duration.ofSeconds(5);

    private static final ResourceSpec SPEC = new ResourceSpec(
            KIND,
            ChannelSpec.PROPERTIES,
            Set.of("ChannelId", "Arn", "State"),
            Stream.concat(
                            Stream.of(
                                    "MediaLive:CreateChannel",
                                    "MediaLive:DescribeChannel",
                                    "MediaLive:ListChannels",
                                    "MediaLive:UpdateChannel",
                                    "MediaLive:UpdateChannelClass",
                                    "MediaLive:StartChannel",
                                    "MediaLive:StopChannel",
                                    "MediaLive:DeleteChannel",
                                    "MediaLive:ListAlerts",
                                    "MediaLive:CreateTags",
                                    "MediaLive:DeleteTags"),
                            EncodingProfiles.API_CALLS.stream())
                    .collect(Collectors.toSet()));

    private final MediaLiveClient mediaLive;
    private final Function<String, EncodingProfile> profiles;
    private final ChannelStates states;
    private final ChannelPause pause;
    private final Duration interval;

    /** Production wiring: the shared MediaLive client, polling every five seconds. */
    public ChannelManager(AwsClients clients, Function<String, EncodingProfile> profiles) {
        this(clients.mediaLive(), profiles, PRODUCTION_POLL_INTERVAL);
    }

    /**
     * @param profiles     loads the {@code EncodingProfile} property (a built-in name or an s3:// reference); throws
     *                     InvalidPropertyException for an unknown or broken profile
     * @param pollInterval time between DescribeChannel calls while waiting
     */
    public ChannelManager(
            MediaLiveClient mediaLive, Function<String, EncodingProfile> profiles, Duration pollInterval) {
        this.mediaLive = Objects.requireNonNull(mediaLive, "mediaLive");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.states = new ChannelStates(mediaLive, Arguments.positive(pollInterval, "pollInterval"));
        this.pause = new ChannelPause(states);
        this.interval = pollInterval;
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
    }

    @Override
    public PropertyRules propertyRules() {
        return MediaLiveRules.CHANNEL;
    }

    @Override
    public Outcome create(Request request, Invocation invocation) {
        ChannelSpec spec = ChannelSpec.from(request.properties(), request.stackName());
        return make(request, spec, profile(spec), invocation);
    }

    /**
     * Changes the channel in place: a new configuration or a new ChannelClass is applied to a stopped channel, which
     * is started again afterwards if it was running or should run. A channel that should run again is stopped only
     * when the time left holds a stop and a start, and is started again even if the change fails
     * ({@link ChannelPause}). Nothing is ever replaced, so a failed or timed-out Update leaves no second channel
     * behind the old id CloudFormation keeps.
     */
    @Override
    public Outcome update(Request request, Invocation invocation) {
        String channelId = request.physicalResourceId();
        ChannelSpec spec = ChannelSpec.from(request.properties(), request.stackName());
        Set<String> changed = request.properties().changedFrom(request.oldProperties());
        ChannelStates.Snapshot current = states.awaitSettled(invocation, channelId);
        // a channel an earlier invocation stopped for an edit and could not start again counts as running
        boolean interrupted = current.state() == ChannelState.IDLE && ChannelStates.markedForRestart(current);
        boolean wasActive = ChannelStates.ACTIVE.contains(current.state()) || interrupted;
        boolean run = changed.contains(ChannelSpec.START) ? spec.start() : spec.start() || wasActive;
        Set<String> reconfigured = new TreeSet<>(changed);
        reconfigured.retainAll(ChannelSpec.CONFIGURATION);
        ChannelClass from = current.channel().channelClass();
        boolean newClass = from != spec.channelClass();
        if (!reconfigured.isEmpty() || newClass) {
            EncodingProfile profile = profile(spec);
            invocation
                    .log()
                    .info(
                            "reconfiguring channel",
                            Map.of(
                                    "channelId",
                                    channelId,
                                    "changed",
                                    String.join(",", reconfigured),
                                    "state",
                                    current.state().toString(),
                                    "channelClass",
                                    from + (newClass ? " -> " + spec.channelClass() : "")));
            UpdateChannelRequest update = ChannelRequests.update(channelId, spec, profile);
            Runnable edit = () -> {
                // a STANDARD channel reads only STANDARD inputs: it becomes SINGLE_PIPELINE while it still reads
                // the old input, and STANDARD only once it reads the new one
                if (newClass && spec.channelClass() == ChannelClass.SINGLE_PIPELINE) {
                    changeClass(invocation, update, spec.channelClass());
                }
                if (!reconfigured.isEmpty()) {
                    invocation.step("updating channel " + channelId);
                    ConflictRetry.call(
                            invocation,
                            "UpdateChannel of channel " + channelId,
                            interval,
                            () -> refusedWithDetails(() -> mediaLive.updateChannel(update)),
                            Optional::empty);
                    states.awaitIdle(invocation, channelId);
                }
                if (newClass && spec.channelClass() == ChannelClass.STANDARD) {
                    changeClass(invocation, update, spec.channelClass());
                }
            };
            if (wasActive && run) {
                pause.whileIdle(invocation, "channel " + channelId, List.of(channelId), edit);
            } else {
                if (wasActive) {
                    states.stop(invocation, channelId);
                }
                edit.run();
            }
            current = states.describe(channelId);
        }
        ChannelStates.Snapshot converged = converge(invocation, current, run);
        if (ChannelStates.markedForRestart(current)) {
            states.clearRestartMark(invocation, current);
        }
        return outcome(converged);
    }

    /** MediaLive's UpdateChannelClass on the IDLE channel, with the destinations the new class needs. */
    private void changeClass(Invocation invocation, UpdateChannelRequest update, ChannelClass to) {
        String channelId = update.channelId();
        invocation.step("changing the class of channel " + channelId + " to " + to);
        ConflictRetry.call(
                invocation,
                "UpdateChannelClass of channel " + channelId,
                interval,
                () -> refusedWithDetails(() -> mediaLive.updateChannelClass(
                        b -> b.channelId(channelId).channelClass(to).destinations(update.destinations()))),
                Optional::empty);
        states.awaitIdle(invocation, channelId);
    }

    /**
     * Stops and deletes the channel the id names. When the id names nothing (CloudFormation never learnt our id, or
     * it is the marker of a Create that failed while CreateChannel was in flight), the channels this stack resource
     * made and CloudFormation cannot name are stopped and deleted instead, so no billed channel stays behind.
     */
    @Override
    public Outcome delete(Request request, Invocation invocation) {
        String id = request.physicalResourceId();
        if (PhysicalIds.isNothingCreated(id) || !states.delete(invocation, id)) {
            for (String left : leftovers(request, invocation)) {
                invocation
                        .log()
                        .warn(
                                "deleting a channel this stack resource made that CloudFormation does not " + "know of",
                                Map.of("channelId", left));
                states.delete(invocation, left);
            }
        }
        return Outcome.success(id);
    }

    /**
     * The channels of {@link Leftovers}: tagged for this stack's logical resource (and the marker's request), not
     * being deleted already, and, without a marker, of the ChannelClass the Delete's properties name (a channel that
     * replaced this one differs in its class and must stay).
     */
    private List<String> leftovers(Request request, Invocation invocation) {
        Leftovers leftovers = Leftovers.of(request);
        Predicate<ChannelSummary> identity = c -> true;
        if (!leftovers.exact()) {
            Optional<ChannelClass> channelClass = channelClassOf(request);
            if (channelClass.isEmpty()) {
                invocation
                        .log()
                        .warn(
                                "the Delete's ChannelClass is unusable; not looking for channels left behind",
                                Map.of("physicalResourceId", String.valueOf(request.physicalResourceId())));
                return List.of();
            }
            identity = c -> c.channelClass() == channelClass.get();
        }
        invocation.step(
                "looking for channels " + request.logicalResourceId() + " made that CloudFormation does not know of");
        return channels(identity.and(c -> leftovers.ownedBy(c.tags())));
    }

    private static Optional<ChannelClass> channelClassOf(Request request) {
        try {
            return Optional.of(ChannelClass.fromValue(
                    request.properties().oneOf(ChannelSpec.CHANNEL_CLASS, StackDefaults.CHANNEL_CLASSES)));
        } catch (InvalidPropertyException e) {
            return Optional.empty();
        }
    }

    /** The spec's profile, loaded and rendered for its packager; a problem fails naming EncodingProfile. */
    private EncodingProfile profile(ChannelSpec spec) {
        return EncodingProfiles.renderFor(profiles.apply(spec.encodingProfile()), spec.packager());
    }

    /** Makes (or, on a repeated request, finds) the channel, waits until it is IDLE, and starts it if asked to. */
    private Outcome make(Request request, ChannelSpec spec, EncodingProfile profile, Invocation invocation) {
        Optional<String> earlier = findOwned(request, invocation);
        String channelId;
        if (earlier.isPresent()) {
            channelId = earlier.get();
            invocation
                    .log()
                    .info(
                            "reusing the channel an earlier attempt of this request made",
                            Map.of("channelId", channelId));
            invocation.made(channelId);
        } else {
            CreateChannelRequest create = ChannelRequests.create(spec, profile, Ownership.tags(request)).toBuilder()
                    .requestId(idempotencyToken(request))
                    .build();
            invocation.step("creating channel " + spec.name());
            channelId = ConflictRetry.call(
                            invocation,
                            "CreateChannel of channel " + spec.name(),
                            interval,
                            () -> refusedWithDetails(() -> mediaLive.createChannel(create)),
                            Optional::empty)
                    .channel()
                    .id();
            invocation.made(channelId);
            invocation.log().info("channel created", Map.of("channelId", channelId));
        }
        ChannelStates.Snapshot settled = states.awaitSettled(invocation, channelId);
        return outcome(converge(invocation, settled, spec.start()));
    }

    /** Starts or stops the channel so that it runs exactly when {@code run} says. */
    private ChannelStates.Snapshot converge(Invocation invocation, ChannelStates.Snapshot now, boolean run) {
        boolean active = ChannelStates.ACTIVE.contains(now.state());
        if (run && now.state() != ChannelState.RUNNING) {
            return active
                    ? states.awaitRunning(invocation, now.channelId())
                    : states.start(invocation, now.channelId());
        }
        if (!run && active) {
            return states.stop(invocation, now.channelId());
        }
        return now;
    }

    private Optional<String> findOwned(Request request, Invocation invocation) {
        invocation.step("looking for a channel made by an earlier attempt of this request");
        return channels(c -> Ownership.madeBy(c.tags(), request)).stream().findFirst();
    }

    /** The ids of the channels (every page) that are not being deleted and satisfy {@code wanted}. */
    private List<String> channels(Predicate<ChannelSummary> wanted) {
        return mediaLive.listChannelsPaginator(r -> r.maxResults(100)).channels().stream()
                .filter(c -> c.state() != ChannelState.DELETED && c.state() != ChannelState.DELETING)
                .filter(wanted)
                .map(ChannelSummary::id)
                .toList();
    }

    /** MediaLive's idempotency token: the same CloudFormation request never makes two channels. */
    private static String idempotencyToken(Request request) {
        return UUID.nameUUIDFromBytes(
                        (request.stackId() + "|" + request.logicalResourceId() + "|" + request.requestId())
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Outcome outcome(ChannelStates.Snapshot channel) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ChannelId", channel.channelId());
        data.put("Arn", channel.channel().arn());
        data.put("State", channel.state().toString());
        return Outcome.success(channel.channelId(), data);
    }

    /**
     * MediaLive's 422 answer says only "validation failed" in its message; the reasons are in validationErrors,
     * so they become the FAILED reason (path and message of each).
     */
    private static <T> T refusedWithDetails(Supplier<T> call) {
        try {
            return call.get();
        } catch (UnprocessableEntityException e) {
            String details = e.validationErrors().stream()
                    .map(v -> v.elementPath() + ": " + v.errorMessage())
                    .collect(Collectors.joining("; "));
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            throw new ResourceFailure(
                    "MediaLive refused the channel: " + message + (details.isEmpty() ? "" : " (" + details + ")"),
                    null,
                    e);
        }
    }
}
