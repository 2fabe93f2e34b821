package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.BotocoreShapes;
import com.amazonaws.livestreaming.testing.PythonTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ad break docs/cdn-and-ads.md tells users to insert into the test clip's channel is one MediaLive accepts:
 * the JSON example, as {@code aws medialive batch-update-schedule --creates} reads it, fits botocore's
 * {@code BatchScheduleActionCreateRequest} (the model the AWS CLI validates against), and it is the 30 s splice
 * insert, starting at once, that the text around it describes.
 */
class AdBreakExampleTest {
    private static final Path PAGE = Path.of("docs", "cdn-and-ads.md");
    private static final long TICKS_PER_SECOND = 90_000;

    @Test
    void theDocumentedScheduleActionFitsMediaLivesApiModel() throws Exception {
        JsonNode shapes = PythonTools.serviceModel("medialive").get("shapes");
        String input = PythonTools.serviceModel("medialive")
                .at("/operations/BatchUpdateSchedule/input/shape")
                .asText();

        assertEquals(
                "BatchScheduleActionCreateRequest",
                shapes.at("/" + input + "/members/Creates/shape").asText(),
                "--creates takes a BatchScheduleActionCreateRequest");
        assertEquals(List.of(), BotocoreShapes.problems(shapes, "BatchScheduleActionCreateRequest", example(), "$"));
    }

    @Test
    void theDocumentedBreakIsAThirtySecondSpliceInsertStartingAtOnce() throws Exception {
        JsonNode action = example().at("/ScheduleActions/0");

        JsonNode splice = action.at("/ScheduleActionSettings/Scte35SpliceInsertSettings");
        assertEquals(30 * TICKS_PER_SECOND, splice.get("Duration").asLong());
        assertTrue(splice.get("SpliceEventId").isIntegralNumber());
        assertTrue(action.at("/ScheduleActionStartSettings/ImmediateModeScheduleActionStartSettings")
                .isObject());
    }

    @Test
    void theCommandSendsTheExampleToTheStacksChannel() {
        String commands = MarkdownDoc.read(PAGE).code().stream()
                .filter(c -> c.block() && c.info().equals("bash"))
                .map(MarkdownDoc.Code::text)
                .filter(t -> t.contains("batch-update-schedule"))
                .findFirst()
                .orElseThrow();

        assertTrue(commands.contains("OutputKey=='MediaLiveChannelId'"), commands);
        assertTrue(
                commands.contains("aws medialive batch-update-schedule --channel-id \"$CHANNEL\" --creates"
                        + " file://splice.json"),
                commands);
    }

    @Test
    void theCheckFindsWhatMediaLiveWouldRefuse() throws Exception {
        JsonNode broken = example().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        broken.at("/ScheduleActions/0/ScheduleActionSettings" + "/Scte35SpliceInsertSettings"))
                .remove("SpliceEventId");

        assertEquals(
                List.of("$.ScheduleActions[0].ScheduleActionSettings.Scte35SpliceInsertSettings: required member"
                        + " SpliceEventId is missing"),
                BotocoreShapes.problems(
                        PythonTools.serviceModel("medialive").get("shapes"),
                        "BatchScheduleActionCreateRequest",
                        broken,
                        "$"));
    }

    /** The one JSON block of the page that holds schedule actions. */
    private static JsonNode example() throws Exception {
        List<String> blocks = MarkdownDoc.read(PAGE).code().stream()
                .filter(c -> c.block() && c.info().equals("json") && c.text().contains("ScheduleActions"))
                .map(MarkdownDoc.Code::text)
                .toList();
        assertEquals(1, blocks.size(), "one schedule action example on " + PAGE);
        return new ObjectMapper().readTree(blocks.get(0));
    }
}
