package com.amazonaws.livestreaming.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar's log: JSON lines only, the SDK's retry among them, through the packaged SLF4J provider. */
class JarLogIT {
    @TempDir
    Path temp;

    @Test
    void everyLineTheJarLogsIsJsonWithTimestampAndRequestIdTheSdksRetryIncluded() throws Exception {
        Path jar = Path.of("target", "live-streaming-on-aws.jar");
        assertTrue(Files.exists(jar), "run `mvn package` first: " + jar.toAbsolutePath());
        String stderr;
        try (ResponseEndpoint endpoint = new ResponseEndpoint()) {
            ThrottledOnce.deleteEndpoint(endpoint.server(), urlEqualTo(ThrottledOnce.ENDPOINT_PATH));
            Path event = temp.resolve("event.json");
            Files.writeString(
                    event,
                    Files.readString(Path.of("src/test/resources/events/delete-mediapackage-endpoint.json"))
                            .replace(
                                    "http://127.0.0.1:8080",
                                    "http://127.0.0.1:" + endpoint.server().port()));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "invoke",
                    event.toString());
            builder.environment()
                    .put(
                            "AWS_ENDPOINT_URL",
                            "http://127.0.0.1:" + endpoint.server().port());
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIEXAMPLEKEY");
            Process process = builder.redirectOutput(temp.resolve("out.txt").toFile())
                    .redirectError(temp.resolve("err.txt").toFile())
                    .start();
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "invoke finished");
            stderr = Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), stderr);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (!line.isBlank()) {
                assertTrue(line.startsWith("{"), "a line that is not JSON: " + line);
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        for (JsonNode line : lines) {
            assertTrue(line.path("timestamp").isTextual(), line.toString());
            assertEquals("local-invoke", line.path("lambdaRequestId").asText(), line.toString());
        }
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.path("message").asText().startsWith("Retryable error detected")
                                && l.path("error").asText().contains("429")),
                stderr);
    }
}
