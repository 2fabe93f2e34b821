package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.SimulatedClock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A channel manager against the MediaLive stand-in, polling at its production interval on the simulated clock,
 * with the input the default properties name ({@code 2468013}, the stand-in's first input id) already there.
 */
final class ChannelFixture implements AutoCloseable {
    /** What the Lambda leaves a manager: 900 s minus the safety margin. */
    static final Duration BUDGET = Duration.ofSeconds(890);

    final AwsStandIn aws;
    final ChannelManager manager;
    final String inputId;

    ChannelFixture() {
        this(3);
    }

    /** @param maxAttempts the SDK's attempts per call; 1 leaves every throttling answer to the project's waits */
    ChannelFixture(int maxAttempts) {
        aws = new AwsStandIn(new SimulatedClock(), maxAttempts);
        manager = new ChannelManager(
                aws.clients().mediaLive(), TestProfiles.loader(), ChannelManager.PRODUCTION_POLL_INTERVAL);
        inputId = input();
    }

    /** A DETACHED RTMP push input, as the default properties' InputType says. */
    String input() {
        return aws.mediaLive()
                .addInput(
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("type", "RTMP_PUSH")
                                .put("name", "demo-stack-Input"),
                        Map.of());
    }

    /** A channel of this stack resource, made by the test requests' Create, reading {@link #inputId}. */
    String channel(String channelClass, String state) {
        return aws.mediaLive().addChannel(channelClass, state, inputId, MediaLiveStubs.ourTags());
    }

    Requests.CapturedInvocation invocation() {
        return invocation(BUDGET);
    }

    Requests.CapturedInvocation invocation(Duration budget) {
        return Requests.invocation(budget, aws.clock());
    }

    /** Runs the request as the handler does (failures become FAILED outcomes) with the whole budget. */
    Outcome dispatch(Request request) {
        return MediaLiveStubs.dispatch(manager, request, invocation().invocation());
    }

    List<String> calls() {
        return aws.calls();
    }

    /** The calls of one operation, e.g. {@code MediaLive:StopChannel}. */
    long count(String operation) {
        return aws.calls().stream().filter(operation::equals).count();
    }

    /**
     * The calls without the DescribeChannel polls between them and the restart-mark tags around a stop: what the
     * manager asked MediaLive to do to the channel.
     */
    List<String> actions() {
        return aws.calls().stream()
                .filter(c -> !c.equals("MediaLive:DescribeChannel")
                        && !c.equals("MediaLive:CreateTags")
                        && !c.equals("MediaLive:DeleteTags"))
                .toList();
    }

    @Override
    public void close() {
        aws.close();
    }
}
