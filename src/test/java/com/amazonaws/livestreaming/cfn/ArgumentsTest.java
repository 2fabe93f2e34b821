package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Constructors refuse what would break them later, naming the argument. */
class ArgumentsTest {
    @Test
    void aResponseSenderThatWouldNeverTryIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ResponseSender(0, duration -> {}));

        assertEquals("maxAttempts must be at least 1, not 0", e.getMessage());
    }

    @Test
    void aMissingCollaboratorIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new OnceResponder(null));

        assertEquals("sender", e.getMessage());
    }

    @Test
    void aDurationThatMustBePositiveRefusesZeroAndNegative() {
        assertEquals(
                "pollInterval must be longer than zero, not PT0S",
                assertThrows(IllegalArgumentException.class, () -> Arguments.positive(Duration.ZERO, "pollInterval"))
                        .getMessage());
        assertEquals(
                "pollInterval must be longer than zero, not PT-1S",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Arguments.positive(Duration.ofSeconds(-1), "pollInterval"))
                        .getMessage());
        assertEquals(Duration.ofMillis(1), Arguments.positive(Duration.ofMillis(1), "pollInterval"));
    }

    @Test
    void aDurationThatMustNotBeNegativeTakesZero() {
        assertEquals(Duration.ZERO, Arguments.notNegative(Duration.ZERO, "safetyMargin"));
        assertEquals(
                "safetyMargin must not be negative, not PT-0.001S",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Arguments.notNegative(Duration.ofMillis(-1), "safetyMargin"))
                        .getMessage());
        assertEquals(
                "safetyMargin",
                assertThrows(NullPointerException.class, () -> Arguments.notNegative(null, "safetyMargin"))
                        .getMessage());
    }
}
