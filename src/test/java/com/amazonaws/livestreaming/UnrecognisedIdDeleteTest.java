package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delete of an id a kind never makes (a hand-typed id, an older template's id) is acknowledged without calling AWS:
 * a malformed id would otherwise fail validation and block the stack's deletion.
 */
class UnrecognisedIdDeleteTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MediaLiveChannel, my-channel", "MediaLiveInput, arn:aws:medialive:us-east-1:1:input:1",
            "MediaPackageChannel, demo stack/livestream", "MediaPackageEndpoint, demo-stack-livestream-hls?x"})
    void deleteOfAnIdTheKindNeverMakesAnswersSuccessWithoutCallingAws(String kind, String physicalId) {
        try (WireMockAws wire = new WireMockAws()) {
            Registry registry = Managers.standard(wire.clients());

            Outcome outcome = new Dispatcher(() -> registry).dispatch(
                    Requests.delete(kind, physicalId, Map.of()), Requests.invocation().invocation());

            assertEquals(Outcome.Status.SUCCESS, outcome.status());
            assertEquals(physicalId, outcome.physicalResourceId());
            assertTrue(wire.calls().isEmpty(), "no AWS call: " + wire.calls());
        }
    }
}
