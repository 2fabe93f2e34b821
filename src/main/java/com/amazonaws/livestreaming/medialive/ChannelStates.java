package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.Poller;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.OutOfTimeException;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelAlert;
import software.amazon.awssdk.services.medialive.model.ChannelState;
import software.amazon.awssdk.services.medialive.model.ConflictException;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.NotFoundException;

/**
 * The MediaLive channel state machine as the stack needs it: start, stop and delete, each waiting (within the time
 * budget) until the channel has really arrived, because a stack that completes while its channel is still STARTING
 * is not yet live, and an input stays attached until its channel is DELETED. Every wait polls DescribeChannel at an
 * interval MediaLive's API limits tolerate, stops at once on a dead end (CREATE_FAILED, UPDATE_FAILED, a start that
 * falls back to IDLE) and, when the budget runs out, names the state the channel was stuck in.
 */
public final class ChannelStates {
    private static final int ALERTS_SHOWN = 3;
    /** States in which the channel encodes (and is billed as running). */
    public static final Set<ChannelState> ACTIVE = EnumSet.of(ChannelState.STARTING, ChannelState.RUNNING,
            ChannelState.RECOVERING);
    /** States MediaLive moves out of by itself. */
    private static final Set<ChannelState> TRANSITIONAL = EnumSet.of(ChannelState.CREATING, ChannelState.UPDATING,
            ChannelState.STARTING, ChannelState.STOPPING, ChannelState.DELETING);
    private static final Set<ChannelState> BUSY = EnumSet.of(ChannelState.CREATING, ChannelState.UPDATING,
            ChannelState.STOPPING);

    private final MediaLiveClient mediaLive;
    private final Duration interval;

    /** @param interval time between DescribeChannel calls (production: 5 s) */
    public ChannelStates(MediaLiveClient mediaLive, Duration interval) {
        this.mediaLive = mediaLive;
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

    public Snapshot describe(String channelId) {
        try {
            DescribeChannelResponse channel = mediaLive.describeChannel(r -> r.channelId(channelId));
            return channel.state() == ChannelState.DELETED ? Snapshot.gone(channelId)
                    : new Snapshot(channelId, channel.state(), channel);
        } catch (NotFoundException e) {
            return Snapshot.gone(channelId);
        }
    }

    /** Waits until the channel has left CREATING/UPDATING/STARTING/STOPPING; CREATE_FAILED or gone is a failure. */
    public Snapshot awaitSettled(Invocation invocation, String channelId) {
        return await(invocation, channelId, "settle", s -> !TRANSITIONAL.contains(s.state()),
                s -> s.state() == ChannelState.CREATE_FAILED ? Optional.of(createFailed(channelId))
                        : s.isGone() ? Optional.of(gone(channelId)) : Optional.empty());
    }

    /** Waits until the channel is IDLE, e.g. after CreateChannel (CREATING) or UpdateChannel (UPDATING). */
    public Snapshot awaitIdle(Invocation invocation, String channelId) {
        return await(invocation, channelId, "be IDLE", s -> s.state() == ChannelState.IDLE, s -> switch (s.state()) {
            case CREATE_FAILED -> Optional.of(createFailed(channelId));
            case UPDATE_FAILED -> Optional.of("MediaLive could not update channel " + channelId
                    + " (UPDATE_FAILED)" + why(channelId));
            case DELETING, DELETED -> Optional.of(gone(channelId));
            default -> Optional.empty();
        });
    }

    /** Starts an IDLE channel and waits until it is RUNNING, that is, until the stream is live. */
    public Snapshot start(Invocation invocation, String channelId) {
        invocation.step("starting channel " + channelId);
        ChannelState answered = mediaLive.startChannel(r -> r.channelId(channelId)).state();
        return awaitRunning(invocation, channelId, answered != ChannelState.IDLE);
    }

    /** Waits until a STARTING or RECOVERING channel is RUNNING. */
    public Snapshot awaitRunning(Invocation invocation, String channelId) {
        return awaitRunning(invocation, channelId, true);
    }

    /** @param starting true once MediaLive has accepted the start, after which IDLE means the start failed */
    private Snapshot awaitRunning(Invocation invocation, String channelId, boolean starting) {
        AtomicReference<Boolean> started = new AtomicReference<>(starting);
        return await(invocation, channelId, "be RUNNING", s -> s.state() == ChannelState.RUNNING, s -> {
            if (s.state() == ChannelState.STARTING) {
                started.set(true);
            }
            return switch (s.state()) {
                case IDLE -> started.get() ? Optional.of("MediaLive could not start channel " + channelId
                        + ": it went back to IDLE" + why(channelId)) : Optional.empty();
                case CREATE_FAILED, UPDATE_FAILED -> Optional.of("MediaLive could not start channel " + channelId
                        + " (" + s.state() + ")" + why(channelId));
                case STOPPING, DELETING, DELETED -> Optional.of("channel " + channelId + " became " + s.state()
                        + " while it was being started");
                default -> Optional.empty();
            };
        });
    }

    /** Stops a STARTING, RUNNING or RECOVERING channel and waits until it is IDLE. */
    public Snapshot stop(Invocation invocation, String channelId) {
        invocation.step("stopping channel " + channelId);
        requestStop(invocation, channelId);
        return awaitIdle(invocation, channelId);
    }

    /**
     * StopChannel. MediaLive refuses to stop a channel in some transitions (ConflictException); then this waits for
     * the transition to end and stops the channel if it still encodes.
     */
    private void requestStop(Invocation invocation, String channelId) {
        try {
            mediaLive.stopChannel(r -> r.channelId(channelId));
        } catch (ConflictException e) {
            invocation.log().info("MediaLive refused to stop the channel yet; waiting for it to settle",
                    Map.of("channelId", channelId, "reason", String.valueOf(e.awsErrorDetails().errorMessage())));
            Snapshot settled = await(invocation, channelId, "settle before stopping",
                    s -> s.isGone() || !TRANSITIONAL.contains(s.state()), s -> Optional.empty());
            if (ACTIVE.contains(settled.state())) {
                mediaLive.stopChannel(r -> r.channelId(channelId));
            }
        }
    }

    /**
     * Stops the channel if it encodes, deletes it and waits until it is DELETED, which releases its input. A channel
     * that is already gone, or disappears on the way, is fine. CREATE_FAILED and UPDATE_FAILED channels are deleted
     * directly.
     */
    public void delete(Invocation invocation, String channelId) {
        Snapshot now = describe(channelId);
        if (BUSY.contains(now.state())) {
            now = await(invocation, channelId, "finish " + now.state(), s -> !BUSY.contains(s.state()),
                    s -> Optional.empty());
        }
        try {
            if (now.isGone()) {
                invocation.log().info("channel is already gone", Map.of("channelId", channelId));
                return;
            }
            if (ACTIVE.contains(now.state())) {
                invocation.step("stopping channel " + channelId + " before deleting it");
                requestStop(invocation, channelId);
                now = await(invocation, channelId, "be IDLE", s -> s.state() == ChannelState.IDLE || s.isGone(),
                        s -> Optional.empty());
                if (now.isGone()) {
                    return;
                }
            }
            if (now.state() != ChannelState.DELETING) {
                invocation.step("deleting channel " + channelId);
                mediaLive.deleteChannel(r -> r.channelId(channelId));
            }
        } catch (NotFoundException e) {
            invocation.log().info("channel disappeared while being deleted", Map.of("channelId", channelId));
            return;
        }
        await(invocation, channelId, "be DELETED", Snapshot::isGone, s -> Optional.empty());
    }

    /**
     * Polls until {@code done}; a non-empty {@code deadEnd} reason fails at once. A timeout says which state the
     * channel was in, and every change of state is logged as the invocation's step.
     */
    private Snapshot await(Invocation invocation, String channelId, String goal, Predicate<Snapshot> done,
                           Function<Snapshot, Optional<String>> deadEnd) {
        String step = "waiting for channel " + channelId + " to " + goal;
        AtomicReference<ChannelState> last = new AtomicReference<>();
        try {
            return Poller.await(invocation, step, interval, () -> {
                Snapshot snapshot = describe(channelId);
                if (snapshot.state() != last.getAndSet(snapshot.state())) {
                    invocation.step(step + " (it is " + snapshot.state() + ")");
                }
                deadEnd.apply(snapshot).ifPresent(reason -> {
                    throw new ResourceFailure(reason);
                });
                return snapshot;
            }, done);
        } catch (OutOfTimeException e) {
            throw new OutOfTimeException(last.get() == null ? step : step + " (it is " + last.get() + ")", null);
        }
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
            List<String> messages = mediaLive.listAlerts(r -> r.channelId(channelId).stateFilter("SET")
                            .maxResults(ALERTS_SHOWN)).alerts().stream()
                    .sorted(Comparator.comparing(ChannelAlert::setTimestamp,
                            Comparator.nullsLast(Comparator.reverseOrder())))
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
