package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Lambda retries an asynchronous invocation for hours: a Create or Update that arrives after CloudFormation stopped
 * waiting (its ServiceTimeout, else an hour, after it signed the ResponseURL) is answered FAILED without a call to
 * AWS; a stale Delete is still carried out.
 */
class StaleEventTest {
    private static final Map<String, String> PUSH =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.7/32");

    @AutoClose
    private final StackEvents stack = new StackEvents();

    /** The stack's ResponseURL as CloudFormation presigns it, signed {@code ago}. */
    private String signed(Duration ago) {
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now().minus(ago));
        return stack.responseUrl() + "&X-Amz-Date=" + date;
    }

    private JsonNode create(Duration ago, Map<String, String> properties) {
        return stack.send(Events.event("Create", signed(ago), "MediaLiveInput", "Input", null, properties, null));
    }

    @Test
    void aCreateOlderThanTheResourcesServiceTimeoutIsRefusedWithoutTouchingAws() {
        JsonNode answer = create(Duration.ofMinutes(95), PUSH);

        assertEquals("FAILED", answer.path("Status").asText());
        assertEquals(
                "event is 95 minutes old; CloudFormation has stopped waiting (it waits 900 s, the resource's"
                        + " ServiceTimeout or 1 hour); nothing was done",
                answer.path("Reason").asText());
        assertEquals(List.of(), stack.aws().calls());
        assertFalse(stack.log().contains("X-Amz-"), "the ResponseURL is never logged");
    }

    @Test
    void anUpdateOlderThanTheWaitIsRefusedAndKeepsItsId() {
        String id = create(Duration.ZERO, PUSH).path("PhysicalResourceId").asText();
        Map<String, String> changed = Map.of("Type", "RTMP_PUSH", "ChannelClass", "STANDARD", "Cidr", "203.0.113.7/32");
        int callsBefore = stack.aws().calls().size();

        JsonNode answer = stack.send(
                Events.event("Update", signed(Duration.ofMinutes(16)), "MediaLiveInput", "Input", id, changed, PUSH));

        assertEquals("FAILED", answer.path("Status").asText());
        assertEquals(id, answer.path("PhysicalResourceId").asText());
        assertEquals(callsBefore, stack.aws().calls().size(), "no AWS call");
    }

    @Test
    void aFreshCreateIsCarriedOut() {
        JsonNode answer = create(Duration.ofMinutes(2), PUSH);

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
    }

    @Test
    void aStaleDeleteIsStillCarriedOut() {
        String id = create(Duration.ZERO, PUSH).path("PhysicalResourceId").asText();

        JsonNode answer = stack.send(
                Events.event("Delete", signed(Duration.ofHours(3)), "MediaLiveInput", "Input", id, PUSH, null));

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        stack.aws().clock().advance(Duration.ofMinutes(1));
        assertEquals(List.of(), stack.aws().leftovers());
    }
}
