package com.amazonaws.livestreaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode shipped(String name) throws IOException {
        return (ObjectNode) JSON.readTree(
                Path.of("encoding-profiles", "medialive-" + name + ".json").toFile());
    }

    private String write(String fileName, ObjectNode profile) throws IOException {
        Path file = dir.resolve(fileName);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), profile);
        return file.toString();
    }

    @Test
    void shippedProfilesAreEachReportedOk() {
        String[] files = {
            "encoding-profiles/medialive-1080p.json",
            "encoding-profiles/medialive-720p.json",
            "encoding-profiles/medialive-540p.json"
        };

        int code = main.run(new String[] {"validate", files[0], files[1], files[2]});

        assertEquals(0, code);
        assertEquals(files[0] + ": OK\n" + files[1] + ": OK\n" + files[2] + ": OK\n", out());
    }

    @Test
    void customProfileWithItsOwnScte35AvailSettingsIsOk() throws IOException {
        ObjectNode profile = shipped("540p");
        ObjectNode avails = JSON.createObjectNode();
        avails.putObject("AvailSettings")
                .putObject("Scte35TimeSignalApos")
                .put("NoRegionalBlackoutFlag", "IGNORE")
                .put("WebDeliveryAllowedFlag", "IGNORE")
                .put("AdAvailOffset", -500);
        avails.put("Scte35SegmentationScope", "SCTE35_ENABLED_OUTPUT_GROUPS");
        profile.set("AvailConfiguration", avails);
        profile.putObject("AvailBlanking").put("State", "ENABLED");
        String file = write("time-signal.json", profile);

        int code = main.run(new String[] {"validate", file});

        assertEquals(0, code, out());
        assertEquals(file + ": OK\n", out());
    }

    @Test
    void misspelledSpliceInsertSettingIsReportedWithItsPathAndTheAllowedValues() throws IOException {
        ObjectNode profile = shipped("720p");
        ((ObjectNode) profile.at("/AvailConfiguration/AvailSettings/Scte35SpliceInsert"))
                .put("NoRegionalBlackoutFlag", "FOLOW");
        String file = write("avails.json", profile);

        int code = main.run(new String[] {"validate", file});

        assertEquals(1, code);
        assertTrue(
                out().startsWith(file + ": $.AvailConfiguration.AvailSettings.Scte35SpliceInsert"
                        + ".NoRegionalBlackoutFlag: unknown value 'FOLOW'"),
                out());
        assertTrue(out().contains("allowed values: FOLLOW, IGNORE"), out());
    }

    @Test
    void brokenProfilePrintsEachProblemWithItsPathAndExitsOne() throws IOException {
        ObjectNode profile = shipped("540p");
        ObjectNode h264 = (ObjectNode) profile.withArray("VideoDescriptions")
                .get(2)
                .get("CodecSettings")
                .get("H264Settings");
        h264.set("Profle", h264.remove("Profile"));
        h264.put("Level", "H264_LEVEL_31");
        String file = write("custom.json", profile);

        int code = main.run(new String[] {"validate", file});

        assertEquals(1, code);
        assertEquals(
                file + ": $.VideoDescriptions[2].CodecSettings.H264Settings.Level: unknown value "
                        + "'H264_LEVEL_31'; did you mean H264_LEVEL_3_1?; allowed values: H264_LEVEL_1, H264_LEVEL_1_1, "
                        + "H264_LEVEL_1_2, H264_LEVEL_1_3, H264_LEVEL_2, H264_LEVEL_2_1, H264_LEVEL_2_2, H264_LEVEL_3, "
                        + "H264_LEVEL_3_1, H264_LEVEL_3_2, H264_LEVEL_4, H264_LEVEL_4_1, H264_LEVEL_4_2, H264_LEVEL_5, "
                        + "H264_LEVEL_5_1, H264_LEVEL_5_2, H264_LEVEL_AUTO\n"
                        + file
                        + ": $.VideoDescriptions[2].CodecSettings.H264Settings.Profle: unknown field; did you mean "
                        + "Profile?\n",
                out());
    }

    @Test
    void profileMediaLiveWouldRejectPrintsTheValidatorsProblems() throws IOException {
        ObjectNode profile = shipped("720p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(6)).put("Height", 235);
        ((ArrayNode) profile.withArray("OutputGroups")
                        .get(0)
                        .get("Outputs")
                        .get(6)
                        .get("AudioDescriptionNames"))
                .set(0, "audio_270p");
        String file = write("odd.json", profile);

        int code = main.run(new String[] {"validate", file});

        assertEquals(1, code);
        assertEquals(
                file + ": $.AudioDescriptions[6].Name: AudioDescription 'audio_234p' is not used by any "
                        + "output; MediaLive rejects unused descriptions\n"
                        + file + ": $.VideoDescriptions[6].Height: 235 is odd; H.264 with 4:2:0 chroma needs even "
                        + "dimensions\n",
                out());
    }

    @Test
    void goodAndBrokenFilesTogetherExitOneAndReportBoth() throws IOException {
        String good = write("good.json", shipped("540p"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"TimecodeConfig\": ");

        int code = main.run(new String[] {"validate", good, bad.toString()});

        assertEquals(1, code);
        assertTrue(out().startsWith(good + ": OK\n" + bad + ": $: not valid JSON at line 1, column "), out());
    }

    @Test
    void missingFileIsReportedAndExitsOne() {
        String file = dir.resolve("nope.json").toString();

        int code = main.run(new String[] {"validate", file});

        assertEquals(1, code);
        assertTrue(out().startsWith(file + ": cannot read: "), out());
    }

    @Test
    void validateWithoutFilesIsAUsageError() {
        int code = main.run(new String[] {"validate"});

        assertEquals(2, code);
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .startsWith("validate needs at least one profile file\n" + "usage:"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageListsTheValidateCommand() {
        main.run(new String[] {"help"});

        assertTrue(out().contains("  validate [--packager v1|v2] FILE...   "), out());
    }
}
