package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.testing.BadInput.empty;
import static com.amazonaws.livestreaming.testing.BadInput.missing;
import static com.amazonaws.livestreaming.testing.BadInput.value;

import com.amazonaws.livestreaming.testing.BadInput;
import com.amazonaws.livestreaming.testing.BadInputMatrix;
import com.amazonaws.livestreaming.testing.BadInputSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every property of {@code Custom::MediaPackageChannel}, wrong in every way: one FAILED answer, no AWS call. */
class MediaPackageChannelBadInputTest extends BadInputSuite {
    private static final String KIND = "MediaPackageChannel";
    private static final Map<String, Object> VALID =
            Map.of("ChannelId", "demo-livestream", "Description", "Live stream of demo-stack");
    private static final String ID_RULE = "a MediaPackage id may contain only letters, digits, hyphens (-) and"
            + " underscores (_), 1 to 256 characters";

    MediaPackageChannelBadInputTest() {
        super(KIND);
    }

    static Stream<BadInput> refused() {
        return Stream.concat(
                Stream.of(
                        value(
                                VALID,
                                "ChannelId",
                                "with a space",
                                "demo livestream",
                                "ChannelId is 'demo livestream'; " + ID_RULE),
                        value(
                                VALID,
                                "ChannelId",
                                "with a slash",
                                "demo/livestream",
                                "ChannelId is 'demo/livestream'; " + ID_RULE),
                        value(VALID, "ChannelId", "non-ASCII", "kanal-ü", "ChannelId is 'kanal-ü'; " + ID_RULE),
                        value(
                                VALID,
                                "ChannelId",
                                "257 characters",
                                "c".repeat(257),
                                "ChannelId is '" + "c".repeat(61) + "...'; " + ID_RULE),
                        value(
                                VALID,
                                "Description",
                                "2049 characters",
                                "d".repeat(2049),
                                "Description is 2049 characters long; at most 2048 are allowed"),
                        value(
                                VALID,
                                "Descripton",
                                "a misspelt property",
                                "x",
                                "Descripton is not a property of Custom::MediaPackageChannel; did you mean Description?")),
                BadInputMatrix.everyProperty(KIND, VALID));
    }

    static Stream<BadInput> accepted() {
        return Stream.of(
                missing(VALID, "ChannelId", "absent: <StackName>-livestream"),
                empty(VALID, "ChannelId", "blank: <StackName>-livestream"),
                value(VALID, "ChannelId", "256 characters", "c".repeat(256), "the longest id"),
                value(VALID, "ChannelId", "a JSON number", 42, "read as \"42\""),
                missing(VALID, "Description", "absent: a default"),
                value(VALID, "Description", "non-ASCII", "Übertragung – 直播", "any text"));
    }

    @Test
    void everyIndependentProblemIsReportedInOneAnswer() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ChannelId", "demo livestream");
        properties.put("Description", "two\nlines");

        assertCreateRefused(
                properties,
                "2 problems: (1) ChannelId is 'demo livestream'; " + ID_RULE
                        + "; (2) Description contains a control character (U+000A) at position 4; a value must be one line of"
                        + " printable text");
    }

    @Test
    void aBadUpdateKeepsTheChannelsIdAndCallsNoAws() {
        assertUpdateRefused(
                "demo-livestream",
                Map.of("ChannelId", "demo livestream"),
                VALID,
                "ChannelId is 'demo livestream'; " + ID_RULE);
    }
}
