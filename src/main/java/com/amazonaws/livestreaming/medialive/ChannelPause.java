package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.FailureReason;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.model.ChannelState;

/**
 * Runs an edit that MediaLive accepts only while the channels an input is attached to are IDLE (UpdateInput of an
 * attached input; a new source password, which a running channel reads only when it starts), and brings every
 * channel back to the state it was in: the channels that were running are stopped, the edit is made, and they are
 * started again and awaited until RUNNING. The stream is off the air from the stop until the start has finished.
 *
 * <p>What is safest for the user decides the order of things. Nothing is stopped unless the budget still holds a
 * whole stop and start ({@link #STOP_AND_START}); the stop waits leave {@link #RESTART_RESERVE} unused, so that if
 * a stop, or the edit itself, fails, every channel that was stopped and is IDLE again is started before the
 * failure is answered, and the reason says which channels could not be (still STOPPING when time ran out). Each
 * channel is tagged {@link ChannelStates#RESTART_AFTER_EDIT} before it is stopped and untagged once started again,
 * so that one left stopped when the Lambda's time ran out is started by the next invocation that edits it.
 */
final class ChannelPause {
    /** What stopping a channel and starting it again can take: MediaLive needs one to three minutes for each. */
    static final Duration STOP_AND_START = Duration.ofMinutes(6);
    /** Kept back while stopping, to start the stopped channels again if the edit cannot be made. */
    static final Duration RESTART_RESERVE = Duration.ofSeconds(30);

    private static final Set<ChannelState> BUSY =
            EnumSet.of(ChannelState.CREATING, ChannelState.UPDATING, ChannelState.STOPPING);

    private final ChannelStates states;

    ChannelPause(ChannelStates states) {
        this.states = states;
    }

    /**
     * @param what     what is edited, e.g. {@code input 1234567}, for steps and reasons
     * @param channels the channels the input is attached to (DescribeInput's attachedChannels)
     * @param edit     the change itself, made while every channel is IDLE
     */
    void whileIdle(Invocation invocation, String what, List<String> channels, Runnable edit) {
        Map<String, ChannelStates.Snapshot> encoding = runningAmong(invocation, what, channels);
        List<String> running = List.copyOf(encoding.keySet());
        if (running.isEmpty()) {
            edit.run();
            return;
        }
        Duration left = invocation.budget().remaining();
        if (left.compareTo(STOP_AND_START) < 0) {
            throw new ResourceFailure("changing " + what + " needs " + channelWords(running)
                    + " stopped and started again, which can take " + STOP_AND_START.toMinutes()
                    + " minutes, but only " + left.toSeconds() + " s of this invocation are left; nothing was"
                    + " changed and the stream is still on the air");
        }
        invocation
                .log()
                .warn(
                        "stopping channels to change the input; the stream is off the air until they run again",
                        Map.of("input", what, "channels", String.join(",", running)));
        List<String> stopped = new ArrayList<>();
        try {
            Invocation stopping = invocation.holdingBack(RESTART_RESERVE);
            for (String channelId : running) {
                if (!ChannelStates.markedForRestart(encoding.get(channelId))) {
                    states.markForRestart(stopping, encoding.get(channelId));
                }
                stopped.add(channelId);
                if (encoding.get(channelId).state() != ChannelState.IDLE) {
                    states.requestStop(stopping, channelId);
                }
            }
            for (String channelId : running) {
                states.awaitIdle(stopping, channelId);
            }
            edit.run();
        } catch (RuntimeException failure) {
            throw new ResourceFailure(
                    FailureReason.of(failure) + "; " + restart(invocation, stopped, encoding), null, failure);
        }
        Map<String, Boolean> accepted = new LinkedHashMap<>();
        for (String channelId : running) {
            accepted.put(channelId, states.requestStart(invocation, channelId));
            states.clearRestartMark(invocation, encoding.get(channelId));
        }
        accepted.forEach((channelId, starting) -> states.awaitRunning(invocation, channelId, starting));
    }

    /**
     * The attached channels that encode now, after waiting out CREATING, UPDATING and STOPPING, and the IDLE ones an
     * earlier invocation stopped for an edit and could not start again ({@link ChannelStates#RESTART_AFTER_EDIT}).
     */
    private Map<String, ChannelStates.Snapshot> runningAmong(
            Invocation invocation, String what, List<String> channels) {
        Map<String, ChannelStates.Snapshot> running = new LinkedHashMap<>();
        for (String channelId : channels) {
            invocation.step("reading the state of channel " + channelId + ", which " + what + " is attached to");
            ChannelStates.Snapshot now = states.describe(channelId);
            if (BUSY.contains(now.state())) {
                now = states.awaitIdle(invocation, channelId);
            }
            if (now.state() == ChannelState.IDLE && ChannelStates.markedForRestart(now)) {
                running.put(channelId, now);
                continue;
            }
            if (now.isGone() || now.state() == ChannelState.IDLE) {
                continue;
            }
            if (!ChannelStates.ACTIVE.contains(now.state())) {
                throw new ResourceFailure(what + " is attached to channel " + channelId + ", which is " + now.state()
                        + "; MediaLive changes an attached input only while its channels are IDLE");
            }
            running.put(channelId, now);
        }
        return running;
    }

    /** Starts every stopped channel that is IDLE again; says which were started and which could not be. */
    private String restart(Invocation invocation, List<String> stopped, Map<String, ChannelStates.Snapshot> encoding) {
        List<String> started = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (String channelId : stopped) {
            try {
                ChannelStates.Snapshot now = states.describe(channelId);
                if (now.state() == ChannelState.IDLE) {
                    states.requestStart(invocation, channelId);
                    states.clearRestartMark(invocation, encoding.get(channelId));
                    started.add(channelId);
                } else if (ChannelStates.ACTIVE.contains(now.state())) {
                    started.add(channelId);
                } else {
                    notStarted.add(channelId + " (" + (now.isGone() ? "gone" : now.state()) + ")");
                }
            } catch (ResourceFailure | SdkException e) {
                notStarted.add(channelId + " (" + FailureReason.of(e) + ")");
            }
        }
        invocation
                .log()
                .warn(
                        "input not changed; channels started again where possible",
                        Map.of("started", String.join(",", started), "notStarted", String.join(",", notStarted)));
        String note = started.isEmpty() ? "" : channelWords(started) + " started again";
        if (!notStarted.isEmpty()) {
            note += (note.isEmpty() ? "" : "; ") + "could not start again " + String.join(", ", notStarted)
                    + ": start it once it is IDLE";
        }
        return note.isEmpty() ? "no channel was stopped" : note;
    }

    private static String channelWords(List<String> ids) {
        return (ids.size() == 1 ? "channel " : "channels ") + String.join(", ", ids);
    }
}
