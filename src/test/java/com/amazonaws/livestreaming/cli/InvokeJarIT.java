package com.amazonaws.livestreaming.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar live-streaming-on-aws.jar invoke EVENT.json} from the built jar, against local servers. */
class InvokeJarIT {
    @TempDir
    Path temp;

    @Test
    void invokeRunsTheSampleEventAgainstAwsEndpointUrlAndPrintsTheAnswer() throws Exception {
        Path jar = Path.of("target", "live-streaming-on-aws.jar");
        assertTrue(Files.exists(jar), "run `mvn package` first: " + jar.toAbsolutePath());
        try (ResponseEndpoint endpoint = new ResponseEndpoint()) {
            endpoint.server().stubFor(delete(urlEqualTo("/origin_endpoints/demo-stack-livestream-hls"))
                    .willReturn(aResponse().withStatus(202).withBody("{}")));
            String sample = Files.readString(Path.of("src/test/resources/events/delete-mediapackage-endpoint.json"));
            Path event = temp.resolve("event.json");
            Files.writeString(event, sample.replace("http://127.0.0.1:8080/cloudformation-responses/stack/response",
                    "http://127.0.0.1:" + endpoint.server().port() + ResponseEndpoint.PATH));

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "invoke", event.toString(), "--remaining-ms", "60000");
            builder.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.server().port());
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIEXAMPLEKEY");
            File out = temp.resolve("out.txt").toFile();
            File err = temp.resolve("err.txt").toFile();
            Process process = builder.redirectOutput(out).redirectError(err).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "invoke finished");

            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), stdout + Files.readString(err.toPath()));
            endpoint.server().verify(deleteRequestedFor(urlEqualTo("/origin_endpoints/demo-stack-livestream-hls")));
            JsonNode answer = endpoint.onlyAnswer();
            assertEquals("SUCCESS", answer.get("Status").asText(), answer.toString());
            assertEquals("demo-stack-livestream-hls", answer.get("PhysicalResourceId").asText());
            String[] lines = stdout.strip().split("\n");
            assertEquals(answer, new ObjectMapper().readTree(lines[lines.length - 1]),
                    "the last line printed is the answer sent");
            assertFalse(stdout.contains("X-Amz-Signature=example"), "the ResponseURL's signature is not printed");
        }
    }
}
