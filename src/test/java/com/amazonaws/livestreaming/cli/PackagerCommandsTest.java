package com.amazonaws.livestreaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code render} and {@code validate} for either packager: the v2 channel as the stack would send it. */
class PackagerCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private JsonNode rendered() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void renderForPackagerV2PrintsACmafIngestChannelWithPlaceholderIngestUrls() throws Exception {
        int code = main.run(
                new String[] {"render", "--profile", "540p", "--packager", "v2", "--channel-class", "STANDARD"});

        assertEquals(0, code, err());
        JsonNode request = rendered();
        JsonNode settings = request.get("Destinations").get(0).get("Settings");
        assertEquals(2, settings.size(), "a STANDARD channel sends from both pipelines");
        assertTrue(settings.get(0).get("Url").asText().startsWith("https://INGEST_ENDPOINT_1/"), settings.toString());
        JsonNode group = request.get("EncoderSettings").get("OutputGroups").get(0);
        assertEquals(
                1,
                group.get("OutputGroupSettings")
                        .get("CmafIngestGroupSettings")
                        .get("SegmentLength")
                        .asInt());
        assertEquals(5 + 2, group.get("Outputs").size(), "five video rungs and the 96 and 64 kb/s audio encodes");
    }

    @Test
    void renderForPackagerV2TakesTheIngestUrlsGivenAndOneForASinglePipeline() throws Exception {
        int code = main.run(new String[] {
            "render",
            "--packager",
            "v2",
            "--channel-class",
            "SINGLE_PIPELINE",
            "--cmaf-ingest-url1",
            "https://abc-1.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/1/c/"
        });

        assertEquals(0, code, err());
        assertEquals(
                List.of("https://abc-1.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/1/c/"),
                rendered().get("Destinations").get(0).get("Settings").findValuesAsText("Url"));
    }

    @Test
    void renderForPackagerV2RefusesAMediaPackageV1ChannelId() {
        int code = main.run(new String[] {"render", "--packager", "v2", "--mediapackage-channel-id", "demo"});

        assertEquals(1, code);
        assertEquals(
                "MediaPackageChannelId is for Packager v1; with Packager v2 MediaLive sends to CmafIngestUrl1 "
                        + "and CmafIngestUrl2\n",
                err());
    }

    @Test
    void renderWithoutPackagerStillSendsToMediaPackageV1() throws Exception {
        int code = main.run(new String[] {"render", "--profile", "540p"});

        assertEquals(0, code, err());
        assertEquals(
                "live-streaming-livestream",
                rendered()
                        .get("Destinations")
                        .get(0)
                        .get("MediaPackageSettings")
                        .get(0)
                        .get("ChannelId")
                        .asText());
    }

    @Test
    void validateForPackagerV2ChecksTheShippedProfilesAsRenderedForCmafIngest() {
        int code = main.run(new String[] {
            "validate",
            "--packager",
            "v2",
            "encoding-profiles/medialive-1080p.json",
            "encoding-profiles/medialive-720p.json",
            "encoding-profiles/medialive-540p.json"
        });

        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        assertEquals(
                3,
                out.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.endsWith(": OK"))
                        .count());
    }

    @Test
    void validateWithAnUnknownPackagerIsAUsageError() {
        int code = main.run(new String[] {"validate", "--packager", "v3", "encoding-profiles/medialive-540p.json"});

        assertEquals(2, code);
        assertTrue(err().startsWith("--packager needs one of v1, v2\nusage:"), err());
    }
}
