package com.amazonaws.livestreaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code render} from the built jar, as a user runs them before deploying. */
class ProfileCommandsJarIT {
    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {}

    private Run jar(String... args) throws Exception {
        Path jar = Path.of("target", "live-streaming-on-aws.jar");
        assertTrue(Files.exists(jar), "run `mvn package` first");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        File out = temp.resolve("out").toFile();
        File err = temp.resolve("err").toFile();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void validateAcceptsTheShippedProfiles() throws Exception {
        Run run = jar(
                "validate",
                "encoding-profiles/medialive-1080p.json",
                "encoding-profiles/medialive-720p.json",
                "encoding-profiles/medialive-540p.json");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(3, run.out().lines().filter(l -> l.endsWith(": OK")).count(), run.out());
    }

    @Test
    void validateNamesTheJsonPathOfATypo() throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(
                broken,
                Files.readString(Path.of("encoding-profiles/medialive-540p.json"))
                        .replaceFirst("\"ScanType\"", "\"ScanTyp\""));

        Run run = jar("validate", broken.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.out().contains("$.VideoDescriptions[0].CodecSettings.H264Settings.ScanTyp: unknown field"),
                run.out());
    }

    @Test
    void renderPrintsACreateChannelRequestForTheCli() throws Exception {
        Run run = jar(
                "render",
                "--profile",
                "720p",
                "--input-type",
                "RTMP_PUSH",
                "--channel-class",
                "SINGLE_PIPELINE",
                "--input-id",
                "1234567");

        assertEquals(0, run.exit(), run.err());
        JsonNode request = new ObjectMapper().readTree(run.out());
        assertEquals("SINGLE_PIPELINE", request.get("ChannelClass").asText());
        assertEquals(
                "1234567", request.get("InputAttachments").get(0).get("InputId").asText());
        assertEquals(7, request.get("EncoderSettings").get("VideoDescriptions").size());
        assertEquals(
                "CONTINUE",
                request.get("InputAttachments")
                        .get(0)
                        .get("InputSettings")
                        .get("SourceEndBehavior")
                        .asText());
    }

    @Test
    void renderForPackagerV2PrintsTheCmafIngestChannel() throws Exception {
        Run run = jar(
                "render",
                "--profile",
                "1080p",
                "--packager",
                "v2",
                "--channel-class",
                "SINGLE_PIPELINE",
                "--cmaf-ingest-url1",
                "https://abc-1.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/1/c/");

        assertEquals(0, run.exit(), run.err());
        JsonNode request = new ObjectMapper().readTree(run.out());
        JsonNode group = request.get("EncoderSettings").get("OutputGroups").get(0);
        assertEquals(
                1,
                group.get("OutputGroupSettings")
                        .get("CmafIngestGroupSettings")
                        .get("SegmentLength")
                        .asInt());
        assertEquals(8 + 3, group.get("Outputs").size(), "eight video rungs and three audio encodes");
        assertEquals(
                "https://abc-1.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/1/c/",
                request.get("Destinations")
                        .get(0)
                        .get("Settings")
                        .get(0)
                        .get("Url")
                        .asText());
    }

    @Test
    void renderRefusesAnUnknownInputTypeNamingTheAllowedValues() throws Exception {
        Run run = jar("render", "--input-type", "RTSP_PUSH");

        assertEquals(1, run.exit());
        assertEquals(
                "InputType is 'RTSP_PUSH'; allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE,"
                        + " SRT_CALLER, MEDIACONNECT",
                run.err().strip());
    }
}
