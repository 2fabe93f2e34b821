package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An answer whose Data cannot fit becomes FAILED, and a FAILED Update never carries a new physical id. */
class ResponseBodyTest {
    private static final Map<String, String> HUGE = Map.of("Value", "x".repeat(5000));

    private static JsonNode body(Request request, Outcome outcome) throws Exception {
        return new ObjectMapper().readTree(ResponseBody.build(request, outcome));
    }

    @Test
    void anUpdateWhoseDataIsTooLargeFailsAndKeepsTheOldId() throws Exception {
        Request update = Requests.update("Thing", "old-id", Map.of(), Map.of());

        JsonNode answer = body(update, Outcome.success("new-id", HUGE));

        assertEquals("FAILED", answer.path("Status").asText());
        assertEquals("old-id", answer.path("PhysicalResourceId").asText());
    }

    @Test
    void aCreateWhoseDataIsTooLargeFailsWithTheIdOfWhatItMadeForTheRollbackDelete() throws Exception {
        JsonNode answer = body(Requests.create("Thing", Map.of()), Outcome.success("made-id", HUGE));

        assertEquals("FAILED", answer.path("Status").asText());
        assertEquals("made-id", answer.path("PhysicalResourceId").asText());
    }

    @Test
    void aReasonNeverCarriesTheCredentialsOfAUrl() throws Exception {
        JsonNode answer = body(
                Requests.create("Thing", Map.of()),
                Outcome.failed(null, "could not read rtmp://bob:hunter2@203.0.113.5:1935/live/x"));

        assertEquals(
                "could not read rtmp://****@203.0.113.5:1935/live/x",
                answer.path("Reason").asText());
    }
}
