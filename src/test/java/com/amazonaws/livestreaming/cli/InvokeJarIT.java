package com.amazonaws.livestreaming.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar live-streaming-on-aws.jar invoke EVENT.json} from the built jar, against local servers. */
class InvokeJarIT {
    @TempDir
    Path temp;

    @Test
    void invokeRunsTheSampleEventAgainstAwsEndpointUrlAndPrintsTheAnswer() throws Exception {
        try (ResponseEndpoint endpoint = new ResponseEndpoint()) {
            endpoint.server()
                    .stubFor(delete(urlEqualTo("/origin_endpoints/demo-stack-livestream-hls"))
                            .willReturn(aResponse().withStatus(202).withBody("{}")));
            String sample = Files.readString(Path.of("src/test/resources/events/delete-mediapackage-endpoint.json"));
            Path event = temp.resolve("event.json");
            Files.writeString(
                    event,
                    sample.replace(
                            "http://127.0.0.1:8080/cloudformation-responses/stack/response",
                            "http://127.0.0.1:" + endpoint.server().port() + ResponseEndpoint.PATH));

            JarRun run = JarRun.of(
                    Map.of(
                            "AWS_ENDPOINT_URL",
                            "http://127.0.0.1:" + endpoint.server().port()),
                    temp,
                    "invoke",
                    event.toString(),
                    "--remaining-ms",
                    "60000");

            String stdout = run.stdout();
            assertEquals(0, run.exitCode(), stdout + run.stderr());
            endpoint.server().verify(deleteRequestedFor(urlEqualTo("/origin_endpoints/demo-stack-livestream-hls")));
            JsonNode answer = endpoint.onlyAnswer();
            assertEquals("SUCCESS", answer.get("Status").asText(), answer.toString());
            assertEquals(
                    "demo-stack-livestream-hls",
                    answer.get("PhysicalResourceId").asText());
            String[] lines = stdout.strip().split("\n");
            assertEquals(
                    answer,
                    new ObjectMapper().readTree(lines[lines.length - 1]),
                    "the last line printed is the answer sent");
            assertFalse(stdout.contains("X-Amz-Signature=example"), "the ResponseURL's signature is not printed");
        }
    }
}
