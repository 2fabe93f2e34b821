package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.GROUP_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static com.amazonaws.livestreaming.medialive.InputStubs.PRIMARY_PARAM;
import static com.amazonaws.livestreaming.medialive.InputStubs.SECONDARY_PARAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The IAM policy is derived from {@code spec().apiCalls()}, so it must cover every call a real run makes. */
class InputApiCallsTest {
    private static final Map<String, String> PUSH = Map.of("Type", "RTMP_PUSH", "Cidr", "10.0.0.0/8");
    private static final Map<String, String> PULL = Map.of("Type", "URL_PULL",
            "PriUrl", "https://origin.example.com/live/main.m3u8", "PriUser", "puller", "PriPass", "p1",
            "SecUrl", "https://backup.example.com/live/main.m3u8", "SecUser", "puller", "SecPass", "p2");

    @Test
    void everyCallOfACreateUpdateDeleteRunIsDeclaredInTheSpec() {
        try (WireMockAws wire = new WireMockAws()) {
            InputStubs stubs = new InputStubs(wire.server());
            InputManager manager = new InputManager(wire.clients(), Duration.ofMillis(10));

            stubs.listInputs();
            stubs.listGroups();
            stubs.createGroup("10.0.0.0/8");
            stubs.createInput(InputStubs.rtmpPushInput("CREATING"));
            stubs.describeInput(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"));
            manager.create(Requests.create(KIND, PUSH), Requests.invocation().invocation());

            stubs.describeGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "10.0.0.0/8"));
            stubs.updateGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IN_USE", "[\"1234567\"]", "203.0.113.0/24"));
            manager.update(InputStubs.update(INPUT_ID, Map.of("Type", "RTMP_PUSH", "Cidr", "203.0.113.0/24"), PUSH),
                    Requests.invocation().invocation());

            wire.server().resetAll();
            stubs.describeInputWalking(INPUT_ID, InputStubs.rtmpPushInput("DETACHED"), null);
            stubs.deleteInput(INPUT_ID);
            stubs.describeGroup(GROUP_ID, InputStubs.group(GROUP_ID, "IDLE", "[]", "203.0.113.0/24"));
            stubs.deleteGroup(GROUP_ID);
            manager.delete(Requests.delete(KIND, INPUT_ID, PUSH), Requests.invocation().invocation());

            wire.server().resetAll();
            String pull = InputStubs.urlPullInput("DETACHED", PRIMARY_PARAM, SECONDARY_PARAM);
            stubs.listInputs();
            stubs.ssmAccepts();
            stubs.createInput(pull);
            stubs.describeInput(INPUT_ID, pull);
            stubs.updateInput(INPUT_ID, pull);
            manager.create(Requests.create(KIND, PULL), Requests.invocation().invocation());
            Map<String, String> moved = new java.util.HashMap<>(PULL);
            moved.put("PriUrl", "https://origin2.example.com/live/main.m3u8");
            moved.put("PriPass", "p3");
            manager.update(InputStubs.update(INPUT_ID, moved, PULL), Requests.invocation().invocation());

            wire.server().resetAll();
            stubs.describeInputWalking(INPUT_ID, pull, null);
            stubs.deleteInput(INPUT_ID);
            stubs.listInputs();
            stubs.ssmAccepts();
            manager.delete(Requests.delete(KIND, INPUT_ID, PULL), Requests.invocation().invocation());

            Set<String> used = new TreeSet<>(wire.calls());
            Set<String> declared = new TreeSet<>(manager.spec().apiCalls());
            assertTrue(declared.containsAll(used), "undeclared: " + used);
            assertEquals(declared, used, "the spec declares calls no run makes");
        }
    }
}
