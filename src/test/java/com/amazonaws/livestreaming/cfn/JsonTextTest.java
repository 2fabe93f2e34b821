package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of answers and log lines, read back by the SDK's parser. */
class JsonTextTest {
    @Test
    void writesMapsInOrderListsNumbersBooleansAndNull() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of(true, 2.5, 9_000_000_000L));
        value.put("n", null);
        assertEquals("{\"b\":1,\"a\":[true,2.5,9000000000],\"n\":null}", JsonText.write(value));
    }

    @Test
    void everyCharacterSurvivesTheRoundTrip() {
        String odd = "q\"b\\s/\n\r\t\u0001\u2028é例😀";
        assertEquals(
                Map.of("k", odd),
                JsonTree.parse(JsonText.write(Map.of("k", odd)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                Map.of("k", odd),
                JsonTree.parse(JsonText.writeAscii(Map.of("k", odd)).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void asciiOutputHasNoCharacterAbove127() {
        String written = JsonText.writeAscii(List.of("é例😀"));
        assertEquals(true, written.chars().allMatch(c -> c < 128), written);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsStrings() {
        assertEquals("[\"NaN\",\"Infinity\"]", JsonText.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY)));
    }

    @Test
    void numbersAreReadAsIntegersLongsOrDoubles() {
        assertEquals(List.of(6, 9_000_000_000L, 6.5, 1e3), JsonTree.parse("[6,9000000000,6.5,1e3]".getBytes()));
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonTree.parse("{\"a\":".getBytes()));
    }
}
