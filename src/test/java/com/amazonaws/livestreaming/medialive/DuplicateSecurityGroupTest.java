package com.amazonaws.livestreaming.medialive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A retried Create can leave an input security group of its own that no input uses (a first attempt made it, a
 * second one made another); the Create that makes the input removes it, and leaves every group an input uses.
 */
class DuplicateSecurityGroupTest {
    private static final Map<String, String> PUSH =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.7/32");

    @AutoClose
    private final StackEvents stack = new StackEvents();

    private static Map<String, String> tags(String logicalId, String requestId) {
        return Map.of(
                Ownership.STACK_ID,
                Requests.STACK_ID,
                Ownership.LOGICAL_ID,
                logicalId,
                Ownership.REQUEST_ID,
                requestId);
    }

    @Test
    void anUnusedGroupAnEarlierAttemptMadeIsRemovedByTheCreate() {
        String stray = stack.aws()
                .mediaLive()
                .addSecurityGroup(List.of("203.0.113.7/32"), tags("Input", "an-earlier-attempt"));
        String otherResources = stack.aws()
                .mediaLive()
                .addSecurityGroup(List.of("203.0.113.7/32"), tags("OtherInput", "an-earlier-attempt"));

        JsonNode answer = stack.create("MediaLiveInput", "Input", PUSH);

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        stack.aws().clock().advance(java.time.Duration.ofMinutes(1));
        String input = answer.path("PhysicalResourceId").asText();
        String made = stack.aws()
                .mediaLive()
                .describeInput(input)
                .path("securityGroups")
                .path(0)
                .asText();
        assertEquals(
                List.of(
                        "MediaLive input " + input + " (DETACHED)",
                        "MediaLive input security group " + otherResources + " (IDLE)",
                        "MediaLive input security group " + made + " (IN_USE)"),
                stack.aws().leftovers(),
                "the stray group " + stray + " is gone; another resource's group stays");
    }
}
