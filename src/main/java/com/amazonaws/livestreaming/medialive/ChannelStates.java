package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.AwsErrors;
import com.amazonaws.livestreaming.aws.ConflictRetry;
import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelAlert;
import software.amazon.awssdk.services.medialive.model.ChannelState;
import software.amazon.awssdk.services.medialive.model.DeleteChannelResponse;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.NotFoundException;
import software.amazon.awssdk.services.medialive.model.StopChannelResponse;

/**
 * The MediaLive channel state machine as the stack needs it: start, stop and delete, each waiting (within the time
 * budget) until the channel has really arrived, because a stack that completes while its channel is still STARTING
 * is not yet live, and an input stays attached until its channel is DELETED. Every wait polls DescribeChannel at an
 * interval MediaLive's API limits tolerate, stops at once on a dead end (CREATE_FAILED, UPDATE_FAILED, a start that
 * falls back to IDLE) and, when the budget runs out, names the state the channel was stuck in. Every wait is the
 * project's one bounded poll, {@link Poller}.
 */
final class ChannelStates {
    private static final int ALERTS_SHOWN = 3;
    /** States in which the channel encodes (and is billed as running). */
    public static final Set<ChannelState> ACTIVE =
            EnumSet.of(ChannelState.STARTING, ChannelState.RUNNING, ChannelState.RECOVERING);
    /** States MediaLive moves out of by itself. */
    private static final Set<ChannelState> TRANSITIONAL = EnumSet.of(
            ChannelState.CREATING,
            ChannelState.UPDATING,
            ChannelState.STARTING,
            ChannelState.STOPPING,
            ChannelState.DELETING);

    private static final Set<ChannelState> BUSY =
            EnumSet.of(ChannelState.CREATING, ChannelState.UPDATING, ChannelState.STOPPING);

    /**
     * Set on a channel stopped for an edit until it is started again: if the invocation runs out of time in
     * between, the next invocation that reads the channel starts it ({@link #markedForRestart}).
     */
    static final String RESTART_AFTER_EDIT = "LiveStreaming:RestartAfterEdit";

    private final Supplier<MediaLiveClient> client;
    private final Duration interval;

    /** @param interval time between DescribeChannel calls (production: 5 s) */
    public ChannelStates(MediaLiveClient mediaLive, Duration interval) {
        this(() -> mediaLive, interval);
    }

    ChannelStates(Supplier<MediaLiveClient> mediaLive, Duration interval) {
        this.client = mediaLive;
        this.interval = interval;
    }

    /** What DescribeChannel said; a channel that is gone (NotFound or DELETED) has no description. */
    public record Snapshot(String channelId, ChannelState state, DescribeChannelResponse channel) {
        static Snapshot gone(String channelId) {
            return new Snapshot(channelId, ChannelState.DELETED, null);
        }

        public boolean isGone() {
            return channel == null;
        }
    }

    /** DescribeChannel; an id MediaLive says names nothing (404, or 400 for an id it never issues) is gone. */
    public Snapshot describe(String channelId) {
        try {
            DescribeChannelResponse channel = client.get().describeChannel(r -> r.channelId(channelId));
            return channel.state() == ChannelState.DELETED
                    ? Snapshot.gone(channelId)
                    : new Snapshot(channelId, channel.state(), channel);
        } catch (AwsServiceException e) {
            if (AwsErrors.namesNothing(e)) {
                return Snapshot.gone(channelId);
            }
            throw e;
        }
    }

    /** True when an earlier invocation stopped the channel for an edit and could not start it again. */
    static boolean markedForRestart(Snapshot snapshot) {
        return !snapshot.isGone() && snapshot.channel().tags().containsKey(RESTART_AFTER_EDIT);
    }

    /** Tags the channel {@link #RESTART_AFTER_EDIT} before it is stopped for an edit. */
    void markForRestart(Invocation invocation, Snapshot snapshot) {
        invocation.step("marking channel " + snapshot.channelId() + " to be started again after the edit");
        client.get().createTags(r -> r.resourceArn(snapshot.channel().arn()).tags(Map.of(RESTART_AFTER_EDIT, "true")));
    }

    /** Removes the {@link #RESTART_AFTER_EDIT} tag once the channel has been started again. */
    void clearRestartMark(Invocation invocation, Snapshot snapshot) {
        if (!snapshot.isGone()) {
            invocation.step("removing the restart mark of channel " + snapshot.channelId());
            client.get().deleteTags(r -> r.resourceArn(snapshot.channel().arn()).tagKeys(RESTART_AFTER_EDIT));
        }
    }

    /** Waits until the channel has left CREATING/UPDATING/STARTING/STOPPING; CREATE_FAILED or gone is a failure. */
    public Snapshot awaitSettled(Invocation invocation, String channelId) {
        return await(
                invocation,
                channelId,
                "settle",
                s -> !TRANSITIONAL.contains(s.state()),
                s -> s.state() == ChannelState.CREATE_FAILED
                        ? Optional.of(createFailed(channelId))
                        : s.isGone() ? Optional.of(gone(channelId)) : Optional.empty());
    }

    /** Waits until the channel is IDLE, e.g. after CreateChannel (CREATING) or UpdateChannel (UPDATING). */
    public Snapshot awaitIdle(Invocation invocation, String channelId) {
        return await(invocation, channelId, "reach IDLE", s -> s.state() == ChannelState.IDLE, s -> switch (s.state()) {
            case CREATE_FAILED -> Optional.of(createFailed(channelId));
            case UPDATE_FAILED ->
                Optional.of("MediaLive could not update channel " + channelId + " (UPDATE_FAILED)" + why(channelId));
            case DELETING, DELETED -> Optional.of(gone(channelId));
            default -> Optional.empty();
        });
    }

    /** Starts an IDLE channel and waits until it is RUNNING, that is, until the stream is live. */
    public Snapshot start(Invocation invocation, String channelId) {
        return awaitRunning(invocation, channelId, requestStart(invocation, channelId));
    }

    /**
     * StartChannel on an IDLE channel; true when MediaLive answered that it left IDLE. A refusal (409) is asked
     * again until MediaLive accepts, unless the channel is starting or running already (an earlier attempt whose
     * answer was lost started it).
     */
    boolean requestStart(Invocation invocation, String channelId) {
        invocation.step("starting channel " + channelId);
        return ConflictRetry.call(
                invocation,
                "StartChannel of channel " + channelId,
                interval,
                () -> client.get().startChannel(r -> r.channelId(channelId)).state() != ChannelState.IDLE,
                () -> ACTIVE.contains(describe(channelId).state()) ? Optional.of(true) : Optional.empty());
    }

    /** Waits until a STARTING or RECOVERING channel is RUNNING. */
    public Snapshot awaitRunning(Invocation invocation, String channelId) {
        return awaitRunning(invocation, channelId, true);
    }

    /** @param starting true once MediaLive has accepted the start, after which IDLE means the start failed */
    Snapshot awaitRunning(Invocation invocation, String channelId, boolean starting) {
        AtomicReference<Boolean> started = new AtomicReference<>(starting);
        return await(invocation, channelId, "reach RUNNING", s -> s.state() == ChannelState.RUNNING, s -> {
            if (s.state() == ChannelState.STARTING) {
                started.set(true);
            }
            return switch (s.state()) {
                case IDLE ->
                    started.get()
                            ? Optional.of("MediaLive could not start channel " + channelId + ": it went back to IDLE"
                                    + why(channelId))
                            : Optional.empty();
                case CREATE_FAILED, UPDATE_FAILED ->
                    Optional.of(
                            "MediaLive could not start channel " + channelId + " (" + s.state() + ")" + why(channelId));
                case STOPPING, DELETING, DELETED ->
                    Optional.of("channel " + channelId + " became " + s.state() + " while it was being started");
                default -> Optional.empty();
            };
        });
    }

    /** Stops a STARTING, RUNNING or RECOVERING channel and waits until it is IDLE. */
    public Snapshot stop(Invocation invocation, String channelId) {
        requestStop(invocation, channelId);
        return awaitIdle(invocation, channelId);
    }

    /**
     * StopChannel. MediaLive refuses to stop a channel in some transitions (409 ConflictException); the stop is
     * asked again until MediaLive accepts it, unless the channel no longer encodes (it is stopping already, or was
     * never started).
     */
    void requestStop(Invocation invocation, String channelId) {
        invocation.step("stopping channel " + channelId);
        ConflictRetry.call(
                invocation,
                "StopChannel of channel " + channelId,
                interval,
                () -> client.get().stopChannel(r -> r.channelId(channelId)),
                () -> ACTIVE.contains(describe(channelId).state())
                        ? Optional.empty()
                        : Optional.of(StopChannelResponse.builder().build()));
    }

    /**
     * Stops the channel if it encodes, deletes it and waits until it is DELETED, which releases its input. A channel
     * that is already gone, or disappears on the way, is fine. CREATE_FAILED and UPDATE_FAILED channels are deleted
     * directly.
     *
     * @return false when MediaLive said from the start that the id names no channel (NotFound, DELETED, or an id it
     *         never issues), true when there was a channel to remove
     */
    public boolean delete(Invocation invocation, String channelId) {
        invocation.step("reading the state of channel " + channelId + " before deleting it");
        Snapshot now = describe(channelId);
        if (now.isGone()) {
            invocation.log().info("channel is already gone", Map.of("channelId", channelId));
            return false;
        }
        if (BUSY.contains(now.state())) {
            now = await(
                    invocation,
                    channelId,
                    "finish " + now.state(),
                    s -> !BUSY.contains(s.state()),
                    s -> Optional.empty());
        }
        try {
            if (now.isGone()) {
                invocation.log().info("channel disappeared while being deleted", Map.of("channelId", channelId));
                return true;
            }
            if (ACTIVE.contains(now.state())) {
                requestStop(invocation, channelId);
                now = await(
                        invocation,
                        channelId,
                        "reach IDLE before it is deleted",
                        s -> s.state() == ChannelState.IDLE || s.isGone(),
                        s -> Optional.empty());
                if (now.isGone()) {
                    return true;
                }
            }
            if (now.state() != ChannelState.DELETING) {
                invocation.step("deleting channel " + channelId);
                ConflictRetry.call(
                        invocation,
                        "DeleteChannel of channel " + channelId,
                        interval,
                        () -> client.get().deleteChannel(r -> r.channelId(channelId)),
                        () -> {
                            Snapshot again = describe(channelId);
                            return again.isGone() || again.state() == ChannelState.DELETING
                                    ? Optional.of(
                                            DeleteChannelResponse.builder().build())
                                    : Optional.empty();
                        });
            }
        } catch (NotFoundException e) {
            invocation.log().info("channel disappeared while being deleted", Map.of("channelId", channelId));
            return true;
        }
        await(invocation, channelId, "reach DELETED", Snapshot::isGone, s -> Optional.empty());
        return true;
    }

    /** Polls until {@code done}; a non-empty {@code deadEnd} reason fails at once. */
    private Snapshot await(
            Invocation invocation,
            String channelId,
            String goal,
            Predicate<Snapshot> done,
            Function<Snapshot, Optional<String>> deadEnd) {
        return Poller.await(
                invocation,
                "channel " + channelId,
                goal,
                interval,
                () -> {
                    Snapshot snapshot = describe(channelId);
                    deadEnd.apply(snapshot).ifPresent(reason -> {
                        throw new ResourceFailure(reason);
                    });
                    return snapshot;
                },
                s -> s.isGone() ? "gone" : s.state().toString(),
                done);
    }

    private String createFailed(String channelId) {
        return "MediaLive could not create channel " + channelId + " (CREATE_FAILED)" + why(channelId);
    }

    /**
     * MediaLive's own words for a dead end: the channel's alerts that are still set (ListAlerts), newest first, at
     * most three. Best effort: if they cannot be read, the reason points at the console instead.
     */
    private String why(String channelId) {
        try {
            List<String> messages = client
                    .get()
                    .listAlerts(r -> r.channelId(channelId).stateFilter("SET").maxResults(ALERTS_SHOWN))
                    .alerts()
                    .stream()
                    .sorted(Comparator.comparing(
                            ChannelAlert::setTimestamp, Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(ALERTS_SHOWN)
                    .map(a -> (a.alertType() == null ? "" : a.alertType() + ": ") + a.message())
                    .toList();
            if (!messages.isEmpty()) {
                return "; MediaLive says: " + String.join("; ", messages);
            }
        } catch (SdkException e) {
            // the alerts are a courtesy; the state alone is still a correct reason
        }
        return "; its alerts in the MediaLive console say why";
    }

    private static String gone(String channelId) {
        return "channel " + channelId + " no longer exists (deleted outside the stack?)";
    }
}
