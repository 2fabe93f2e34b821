package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks every property of every kind gets before any AWS call, and how the problems are reported. */
class PropertyCheckTest {
    private static final ResourceSpec SPEC = new ResourceSpec(
            "Widget",
            Set.of("SegmentLength", "EndPoint", "Url", "Cidr", "Password", "Description"),
            Set.of(),
            Set.of());
    private static final PropertyRules RULES = PropertyRules.builder()
            .ascii("Url")
            .maxLength(64, "Url")
            .list("Cidr")
            .check(p -> p.oneOf("EndPoint", List.of("HLS", "DASH")))
            .check(p -> p.intInRange("SegmentLength", 1, 30, 6))
            .build();

    private static String reason(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:f");
        values.put("ServiceTimeout", "960");
        values.put("EndPoint", "HLS");
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return assertThrows(
                        InvalidPropertyException.class, () -> PropertyCheck.check(SPEC, RULES, Properties.of(values)))
                .getMessage();
    }

    @Test
    void aMisspeltPropertyIsRefusedWithTheNameItWasMeantToBe() {
        assertEquals(
                "SegmentLenght is not a property of Custom::Widget; did you mean SegmentLength?",
                reason("SegmentLenght", "6"));
    }

    @Test
    void aPropertyNothingLikeAKnownOneListsTheKindsProperties() {
        assertEquals(
                "Colour is not a property of Custom::Widget; its properties are Cidr, Description, EndPoint,"
                        + " Password, SegmentLength, Url",
                reason("Colour", "red"));
    }

    @Test
    void aMisspeltServiceTimeoutIsNamedToo() {
        assertEquals(
                "ServiceTimout is not a property of Custom::Widget; did you mean ServiceTimeout?",
                reason("ServiceTimout", "960"));
    }

    @Test
    void serviceTokenAndServiceTimeoutAreAlwaysAllowed() {
        PropertyCheck.check(
                SPEC, RULES, Properties.of(Map.of("ServiceToken", "x", "ServiceTimeout", "960", "EndPoint", "DASH")));
    }

    @Test
    void aListOrAnObjectWhereOneValueGoesIsRefused() {
        assertEquals("Description must be a single value, not a list", reason("Description", List.of("a", "b")));
        assertEquals("Description must be a single value, not an object", reason("Description", Map.of("a", "b")));
    }

    @Test
    void aListIsAcceptedWhereTheKindTakesOneButNotAListOfLists() {
        PropertyCheck.check(SPEC, RULES, Properties.of(Map.of("EndPoint", "HLS", "Cidr", List.of("a", "b"))));
        assertEquals("Cidr must be a list of single values", reason("Cidr", List.of(List.of("a"))));
    }

    @Test
    void aControlCharacterIsNamedWithItsPosition() {
        assertEquals(
                "Description contains a control character (U+000A) at position 5; a value must be one line of"
                        + " printable text",
                reason("Description", "live\nstream"));
    }

    @Test
    void aControlCharacterInASecretIsNotDescribed() {
        assertEquals(
                "Password contains a control character; a value must be one line of printable text",
                reason("Password", "pa\u0007ss"));
    }

    @Test
    void aValueLongerThanItsLimitSaysTheLengthThatFits() {
        assertEquals("Url is 65 characters long; at most 64 are allowed", reason("Url", "h".repeat(65)));
        assertEquals(
                "Description is 10240 characters long; at most 2048 are allowed",
                reason("Description", "d".repeat(10_240)));
    }

    @Test
    void nonAsciiTextIsMeasuredInBytes() {
        assertEquals(
                "Description is 2050 bytes (UTF-8) long; at most 2048 are allowed",
                reason("Description", "é".repeat(1025)));
    }

    @Test
    void nonAsciiIsRefusedWhereOnlyAsciiIsAllowedAndAcceptedElsewhere() {
        assertEquals(
                "Url contains a non-ASCII character (U+00E9) at position 21; only ASCII is allowed here"
                        + " (percent-encode other characters in a URL)",
                reason("Url", "https://example.com/é"));
        PropertyCheck.check(SPEC, RULES, Properties.of(Map.of("EndPoint", "HLS", "Description", "Übertragung")));
    }

    @Test
    void typedChecksNameTheAllowedValuesAndRanges() {
        assertEquals("EndPoint is 'RTSP'; allowed values: HLS, DASH", reason("EndPoint", "RTSP"));
        assertEquals("SegmentLength is 'six'; it must be a whole number from 1 to 30", reason("SegmentLength", "six"));
        assertEquals("SegmentLength is 99999999999; it must be from 1 to 30", reason("SegmentLength", "99999999999"));
    }

    @Test
    void aMissingRequiredPropertyListsItsAllowedValues() {
        Map<String, Object> none = Map.of();
        assertEquals(
                "EndPoint is required; allowed values: HLS, DASH",
                assertThrows(
                                InvalidPropertyException.class,
                                () -> PropertyCheck.check(SPEC, RULES, Properties.of(none)))
                        .getMessage());
    }

    @Test
    void jsonNumbersAndBooleansAreReadAsTheirText() {
        PropertyCheck.check(
                SPEC, RULES, Properties.of(Map.of("EndPoint", "HLS", "SegmentLength", 6, "Description", true)));
        assertEquals("SegmentLength is '6.5'; it must be a whole number from 1 to 30", reason("SegmentLength", 6.5));
    }

    @Test
    void everyIndependentProblemIsReportedAtOnceInTheOrderGiven() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("SegmentLength", "0");
        values.put("SegmentLenght", "6");
        values.put("Url", "ftp://x/é");

        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class, () -> PropertyCheck.check(SPEC, RULES, Properties.of(values)));

        assertEquals(
                "4 problems: (1) SegmentLength is 0; it must be from 1 to 30; (2) SegmentLenght is not a"
                        + " property of Custom::Widget; did you mean SegmentLength?; (3) Url contains a non-ASCII character"
                        + " (U+00E9) at position 9; only ASCII is allowed here (percent-encode other characters in a URL); (4)"
                        + " EndPoint is required; allowed values: HLS, DASH",
                e.getMessage());
        assertEquals(
                List.of("SegmentLength", "SegmentLenght", "Url", "EndPoint"),
                e.problems().stream().map(InvalidPropertyException::property).toList());
    }

    @Test
    void onlyTheFirstProblemOfAPropertyIsReported() {
        assertEquals(
                "SegmentLength contains a control character (U+0007) at position 1; a value must be one line"
                        + " of printable text",
                reason("SegmentLength", "\u0007six"));
    }
}
