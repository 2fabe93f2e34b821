package com.amazonaws.livestreaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code render} without options shows the channel a stack launched with its defaults makes. */
class RenderCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private JsonNode render(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "render";
        System.arraycopy(args, 0, command, 1, args.length);
        assertEquals(0, main.run(command), err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void renderWithoutOptionsUsesTheStacksDefaultsSinglePipeline720pFromAPullInput() throws Exception {
        JsonNode request = render();

        assertEquals("SINGLE_PIPELINE", request.get("ChannelClass").asText());
        assertEquals(7, request.get("EncoderSettings").get("VideoDescriptions").size(), "the 720p ladder");
        assertEquals("HD", request.get("InputSpecification").get("Resolution").asText());
        assertEquals(
                "MAX_10_MBPS",
                request.get("InputSpecification").get("MaximumBitrate").asText());
        assertEquals(
                "LOOP",
                request.get("InputAttachments")
                        .get(0)
                        .get("InputSettings")
                        .get("SourceEndBehavior")
                        .asText(),
                "an MP4_FILE input loops its clip");
    }

    @Test
    void renderOptionsOverrideTheDefaults() throws Exception {
        JsonNode request = render("--profile", "1080p", "--channel-class", "STANDARD");

        assertEquals("STANDARD", request.get("ChannelClass").asText());
        assertEquals(8, request.get("EncoderSettings").get("VideoDescriptions").size(), "the 1080p ladder");
    }
}
