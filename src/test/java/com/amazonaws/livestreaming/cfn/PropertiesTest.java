package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties arrive as strings; each accessor validates and names the property in its one-line error. */
class PropertiesTest {
    private enum Colour {
        RED,
        GREEN
    }

    private static Properties props(Map<String, ?> values) {
        return Properties.of(values);
    }

    private static String reason(Runnable read) {
        return assertThrows(InvalidPropertyException.class, read::run).getMessage();
    }

    @Test
    void blankValuesCountAsAbsent() {
        assertTrue(props(Map.of("Url", "  ")).optional("Url").isEmpty());
        assertEquals("Url is required", reason(() -> props(Map.of("Url", "")).required("Url")));
    }

    @Test
    void oneOfListsTheAllowedValues() {
        assertEquals(
                "EndPoint is 'RTSP'; allowed values: HLS, DASH, MSS, CMAF",
                reason(() ->
                        props(Map.of("EndPoint", "RTSP")).oneOf("EndPoint", List.of("HLS", "DASH", "MSS", "CMAF"))));
    }

    @Test
    void enumValueIsExactAndListsTheConstants() {
        assertEquals(Colour.GREEN, props(Map.of("C", "GREEN")).enumValue("C", Colour.class, null));
        assertEquals(
                "C is 'green'; allowed values: RED, GREEN",
                reason(() -> props(Map.of("C", "green")).enumValue("C", Colour.class, null)));
        assertEquals(
                "C is required; allowed values: RED, GREEN",
                reason(() -> props(Map.of()).enumValue("C", Colour.class, null)));
    }

    @Test
    void integersArriveAsStringsAndAreRangeChecked() {
        assertEquals(6, props(Map.of("SegmentLength", "6")).intInRange("SegmentLength", 1, 30, 2));
        assertEquals(2, props(Map.of()).intInRange("SegmentLength", 1, 30, 2));
        assertEquals(
                "SegmentLength is 0; it must be from 1 to 30",
                reason(() -> props(Map.of("SegmentLength", "0")).intInRange("SegmentLength", 1, 30, 2)));
        assertEquals(
                "SegmentLength is '6.5'; it must be a whole number from 1 to 30",
                reason(() -> props(Map.of("SegmentLength", "6.5")).intInRange("SegmentLength", 1, 30, 2)));
    }

    @Test
    void yesNoAcceptsYesNoTrueFalse() {
        assertTrue(props(Map.of("Start", "Yes")).yesNo("Start", false));
        assertFalse(props(Map.of("Start", "false")).yesNo("Start", true));
        assertEquals(
                "Start is 'maybe'; allowed values: Yes, No",
                reason(() -> props(Map.of("Start", "maybe")).yesNo("Start", true)));
    }

    @Test
    void listSplitsCommasAndDropsBlanks() {
        assertEquals(
                List.of("10.0.0.0/16", "192.0.2.0/24"),
                props(Map.of("Cidr", " 10.0.0.0/16, ,192.0.2.0/24 ")).list("Cidr"));
        assertEquals(
                List.of("a", "b"), props(Map.of("Cidr", List.of("a", " b"))).list("Cidr"));
    }

    @Test
    void aListWhereOneValueIsExpectedIsRefused() {
        assertEquals(
                "Url must be a single value, not a list",
                reason(() -> props(Map.of("Url", List.of("a"))).optional("Url")));
    }

    @Test
    void changedFromIgnoresTheServiceTokenAndWhitespace() {
        Properties now = props(Map.of("ServiceToken", "arn:2", "Size", "8 ", "Url", "b"));
        Properties old = props(Map.of("ServiceToken", "arn:1", "Size", "8", "Url", "a"));
        assertEquals(Set.of("Url"), now.changedFrom(old));
    }

    @Test
    void toStringMasksSecrets() {
        String text = props(Map.of("PriPass", "hunter2", "SrtPassphraseSecretArn", "arn:x", "Url", "u"))
                .toString();
        assertFalse(text.contains("hunter2"));
        assertTrue(text.contains("Url=u"));
    }
}
