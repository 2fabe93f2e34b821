package com.amazonaws.livestreaming.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reading node's TAP output, as printed by {@code node --test} (Node 20) for a file with nested suites, failures,
 * a skipped test and names with characters TAP or regular expressions escape.
 */
class TapResultsTest {
    private static final String FAILS_NESTED = "fails: with [brackets] and a \\ slash";

    private final TapResults results = TapResults.in(sample());

    @Test
    void theFailuresAreTheInnermostTestsThatFailedNotTheirSuites() {
        assertEquals(
                List.of(FAILS_NESTED, "also fails", "top fails"),
                results.failures().stream().map(TapResults.Result::name).toList());
    }

    @Test
    void aFailureIsDescribedWithNodesErrorButNotItsStack() {
        String described = results.describeFailures();

        assertTrue(described.contains("not ok - " + FAILS_NESTED + "\n"), described);
        assertTrue(described.contains("error: 'one is not two'"), described);
        assertTrue(described.contains("assert.ok(false)"), described);
        assertFalse(described.contains("node:async_hooks"), described);
        assertFalse(described.contains("not ok - outer"), described);
    }

    @Test
    void aTestRanAndPassedOnlyWhenItsResultIsOkAndNotSkipped() {
        assertTrue(results.ranAndPassed("passes (with) a # hash"));
        assertFalse(results.ranAndPassed("skipped"));
        assertFalse(results.ranAndPassed("top fails"));
        assertFalse(results.ranAndPassed("a test that is not there"));
    }

    @Test
    void theNamePatternMatchesExactlyTheNameItWasMadeFrom() {
        Pattern pattern = Pattern.compile(TapResults.exactNamePattern(FAILS_NESTED));

        assertTrue(pattern.matcher(FAILS_NESTED).matches());
        assertFalse(pattern.matcher(FAILS_NESTED + " too").find());
        assertFalse(pattern.matcher("fails: with b and a \\ slash").find());
        assertTrue(Pattern.compile(TapResults.exactNamePattern("passes (with) a # hash?"))
                .matcher("passes (with) a # hash?")
                .matches());
    }

    private static List<String> sample() {
        try (InputStream in = TapResultsTest.class.getResourceAsStream("/console/node-test-with-failures.tap")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
