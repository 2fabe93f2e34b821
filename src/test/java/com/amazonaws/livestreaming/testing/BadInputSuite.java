package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape every kind's bad-input matrix shares: the kind's test class lists its rows in {@code static
 * Stream<BadInput> refused()} (each must get one FAILED answer naming the property, with no AWS call) and
 * {@code accepted()} (each must pass the up-front check), and adds its own cases with {@link #assertCreateRefused}
 * and {@link #assertUpdateRefused}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSuite {
    protected final BadInputMatrix matrix = new BadInputMatrix();
    private final String kind;

    protected BadInputSuite(String kind) {
        this.kind = kind;
    }

    @AfterAll
    void stopServers() {
        matrix.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedBeforeAnyAwsCallNamingTheProperty(BadInput row) {
        matrix.assertRefused(kind, row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void passesTheUpFrontCheck(BadInput row) {
        matrix.assertAccepted(kind, row);
    }

    /** A Create with {@code properties} is answered FAILED with exactly {@code reason}, without any AWS call. */
    protected JsonNode assertCreateRefused(Map<String, ?> properties, String reason) {
        JsonNode answer = matrix.create(kind, properties);
        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(reason, answer.get("Reason").asText());
        return answer;
    }

    /**
     * An Update with {@code properties} is answered FAILED with exactly {@code reason} and the id it was given (so
     * nothing is replaced), without any AWS call.
     */
    protected void assertUpdateRefused(
            String physicalId, Map<String, ?> properties, Map<String, ?> old, String reason) {
        JsonNode answer = matrix.update(kind, physicalId, properties, old);
        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(physicalId, answer.get("PhysicalResourceId").asText());
        assertEquals(reason, answer.get("Reason").asText());
    }
}
