package com.amazonaws.livestreaming.medialive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * An Update that replaces an input and then fails answers with the old id, so CloudFormation never deletes the new
 * input: the Update removes it (and its security group) itself, or, when time runs out first, leaves it tagged for
 * the next Delete of the resource.
 */
class InputReplacementCleanupTest {
    private static final Map<String, String> STANDARD =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "STANDARD", "Cidr", "203.0.113.7/32");
    private static final Map<String, String> SINGLE =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.7/32");

    @AutoClose
    private final StackEvents stack = new StackEvents();

    private String createStandardInput() {
        return stack.create("MediaLiveInput", "Input", STANDARD)
                .path("PhysicalResourceId")
                .asText();
    }

    @Test
    void aReplacementThatFailsAfterItWasMadeIsDeletedWithItsGroupAndTheOldIdIsKept() {
        String old = createStandardInput();
        stack.aws()
                .onNext(
                        "MediaLive:CreateInput",
                        () -> stack.aws()
                                .refuse("MediaLive:DescribeInput", 1, 403, "ForbiddenException", "not allowed"));

        JsonNode answer = stack.update("MediaLiveInput", "Input", old, SINGLE, STANDARD);

        assertEquals("FAILED", answer.path("Status").asText(), answer.toString());
        assertEquals(old, answer.path("PhysicalResourceId").asText());
        stack.aws().clock().advance(Duration.ofMinutes(1));
        assertEquals(
                List.of("MediaLive input " + old + " (DETACHED)", "MediaLive input security group 7654321 (IN_USE)"),
                stack.aws().leftovers(),
                stack.log());
    }

    @Test
    void aReplacementThatCannotBeRemovedInTimeIsTaggedAndTheNextDeleteRemovesIt() {
        String old = createStandardInput();
        stack.aws().mediaLive().timings().inputCreate = Duration.ofMinutes(30);

        JsonNode answer = stack.send(
                Events.event("Update", stack.responseUrl(), "MediaLiveInput", "Input", old, SINGLE, STANDARD),
                Duration.ofSeconds(90));

        assertEquals(old, answer.path("PhysicalResourceId").asText());
        String made = String.valueOf(Long.parseLong(old) + 1);
        assertTrue(stack.aws().mediaLive().describeInput(made).path("tags").has(Ownership.ABANDONED), stack.log());
        stack.aws().clock().advance(Duration.ofMinutes(31));

        JsonNode deleted = stack.delete("MediaLiveInput", "Input", old, STANDARD);

        assertEquals("SUCCESS", deleted.path("Status").asText(), deleted.toString());
        stack.aws().clock().advance(Duration.ofMinutes(1));
        assertEquals(List.of(), stack.aws().leftovers());
    }
}
