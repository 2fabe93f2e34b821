package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.ChannelProperties;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.StackEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A Create that answered FAILED with the marker while a call was in flight may still make something just after its
 * answer: the marker records when it answered, and the Delete that follows looks only once that call can no longer
 * make anything.
 */
class InFlightCreateTest {
    private static final Map<String, String> CHANNEL =
            ChannelProperties.of("2468013", "RTMP_PUSH", "540p", "SINGLE_PIPELINE", "Yes");

    @AutoClose
    private final StackEvents stack = new StackEvents();

    @Test
    void theMarkerRecordsWhenTheCreateAnswered() {
        Request create = Requests.create("MediaLiveChannel", Map.of());
        Instant before = Instant.now().minusSeconds(1);

        String marker = PhysicalIds.nothingCreated(create);

        Instant answered = PhysicalIds.answeredAtOf(marker).orElseThrow();
        assertTrue(!answered.isBefore(before) && !answered.isAfter(Instant.now()), marker);
        assertEquals(Optional.of(Requests.REQUEST_ID), PhysicalIds.createRequestIdOf(marker));
    }

    @Test
    void aDeleteRightAfterTheCreatesAnswerLooksOnlyOnceItsCallsCanNoLongerMakeAnything() {
        Request create = new Request(
                RequestType.CREATE,
                stack.responseUrl(),
                Requests.STACK_ID,
                Requests.REQUEST_ID,
                "Custom::MediaLiveChannel",
                "Channel",
                null,
                null,
                null);
        String marker = PhysicalIds.nothingCreated(create);
        long start = stack.aws().clock().nanoTime();
        AtomicLong lookedAt = new AtomicLong(-1);
        stack.aws()
                .onNext(
                        "MediaLive:ListChannels",
                        () -> lookedAt.set(stack.aws().clock().nanoTime()));

        JsonNode answer = stack.delete("MediaLiveChannel", "Channel", marker, CHANNEL);

        assertEquals("SUCCESS", answer.path("Status").asText(), answer.toString());
        assertTrue(
                lookedAt.get() >= start + Duration.ofSeconds(55).toNanos(),
                "looked " + Duration.ofNanos(lookedAt.get() - start) + " after the Create's answer");
    }
}
