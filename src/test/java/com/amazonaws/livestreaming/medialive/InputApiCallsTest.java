package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The IAM policy is derived from {@code spec().apiCalls()}, so it must cover every call a real run makes. */
class InputApiCallsTest {
    private static final Map<String, String> PUSH = properties("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8");
    private static final Map<String, String> PULL = InputStubs.urlPull("p1", "p2");

    @Test
    void everyCallOfACreateUpdateDeleteRunIsDeclaredInTheSpec() {
        try (InputFixture fixture = new InputFixture()) {
            InputManager manager = fixture.manager;

            String push = manager.create(
                            Requests.create(KIND, PUSH), fixture.invocation().invocation())
                    .physicalResourceId();
            manager.update(
                    InputStubs.update(push, properties("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/24"), PUSH),
                    fixture.invocation().invocation());
            manager.delete(
                    Requests.delete(KIND, push, PUSH), fixture.invocation().invocation());

            String pull = manager.create(
                            Requests.create(KIND, PULL), fixture.invocation().invocation())
                    .physicalResourceId();
            String channel = fixture.channel(pull, "RUNNING");
            fixture.aws.mediaLive().startFails("Input Failure", "Source unreachable");
            Map<String, String> moved =
                    InputStubs.with(PULL, "PriUrl", "https://origin2.example.com/live/main.m3u8", "PriPass", "p3");
            Outcome restartFailed = MediaLiveStubs.dispatch(
                    manager,
                    InputStubs.update(pull, moved, PULL),
                    fixture.invocation().invocation());
            assertEquals(Outcome.Status.FAILED, restartFailed.status(), "the restart fell back to IDLE");
            fixture.aws.clients().mediaLive().deleteChannel(b -> b.channelId(channel));
            fixture.aws.clock().advance(Duration.ofMinutes(1));
            manager.delete(
                    Requests.delete(KIND, pull, moved), fixture.invocation().invocation());

            Set<String> used = new TreeSet<>(fixture.aws.calls());
            used.remove("MediaLive:DeleteChannel");
            Set<String> declared = new TreeSet<>(manager.spec().apiCalls());
            assertTrue(declared.containsAll(used), "undeclared: " + used);
            assertEquals(declared, used, "the spec declares calls no run makes");
            assertEquals(List.of(), fixture.aws.leftovers());
        }
    }
}
