package com.amazonaws.livestreaming.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String javaScript) throws IOException {
        int start = javaScript.indexOf('{');
        int end = javaScript.lastIndexOf('}');
        return JSON.readTree(javaScript.substring(start, end + 1));
    }

    @Test
    void quotesBackslashesAndLineBreaksInAUrlStayInsideTheirString() throws IOException {
        String odd = "https://example.com/a\"b\\c\n</script>";
        String js = new ConsoleConfig(odd, "", "", "", "", "", "").toJavaScript();

        assertEquals(odd, parse(js).get("hls").asText());
        assertTrue(js.endsWith("};\n"), js);
    }

    @Test
    void nonAsciiIsEscapedSoTheFileIsPlainAscii() throws IOException {
        String js = new ConsoleConfig("https://例え.jp/live/index.m3u8\u2028", "", "", "", "", "", "").toJavaScript();

        assertTrue(js.chars().allMatch(c -> c < 128), js);
        assertEquals("https://例え.jp/live/index.m3u8\u2028", parse(js).get("hls").asText());
    }

    @Test
    void writesTheSameKeysInTheSameOrderAsTheShippedEmptyConfigTheConsoleReads() throws IOException {
        String shipped = Files.readString(Path.of("console", "assets", "js", "config.js"));
        String written = new ConsoleConfig(
                        "h", "d", "m", "c", "e1", "e2", "RTP_PUSH", "ha", "da", "1234567", "us-east-1")
                .toJavaScript();

        assertEquals(keys(parse(shipped)), keys(parse(written)));
        assertTrue(shipped.contains("window.LIVE_STREAMING_CONFIG = {"), shipped);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
