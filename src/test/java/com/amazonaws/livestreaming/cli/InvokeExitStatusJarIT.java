package com.amazonaws.livestreaming.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke}'s exit status from the built jar, so a script can tell what happened: 0 a delivered SUCCESS, 1 a
 * delivered FAILED, 2 a usage error, 3 a configuration error (nothing ran), 4 no answer delivered.
 */
class InvokeExitStatusJarIT {
    @TempDir
    Path temp;

    @AutoClose
    private final ResponseEndpoint endpoint = new ResponseEndpoint();

    private Map<String, String> env;

    @BeforeEach
    void start() {
        env = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.server().port()));
    }

    private Path event(byte[] event) throws Exception {
        Path file = Files.createTempFile(temp, "event", ".json");
        Files.write(file, event);
        return file;
    }

    private Path misspeltEndpointCreate() throws Exception {
        return event(Events.create(
                endpoint.url(),
                "MediaPackageEndpoint",
                Map.of("ChannelId", "demo-stack-livestream", "EndPoint", "HLS", "SegmentLenght", "6")));
    }

    private JarRun invoke(Path event) throws Exception {
        return JarRun.of(env, temp, "invoke", event.toString(), "--remaining-ms", "60000");
    }

    @Test
    void aDeliveredFailedAnswerExitsOne() throws Exception {
        JarRun run = invoke(misspeltEndpointCreate());

        assertEquals(Main.EXIT_FAILED, run.exitCode(), run.stderr());
        JsonNode answer = endpoint.onlyAnswer();
        assertEquals("FAILED", answer.get("Status").asText());
        assertEquals(
                "SegmentLenght is not a property of Custom::MediaPackageEndpoint; did you mean SegmentLength?",
                answer.get("Reason").asText());
        assertEquals(answer, new ObjectMapper().readTree(run.stdout().strip()), "stdout is the answer sent");
        assertEquals(1, endpoint.server().getAllServeEvents().size(), "the answer, and no AWS call");
    }

    @Test
    void anAnswerTheResponseUrlRefusesExitsFour() throws Exception {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .willReturn(aResponse().withStatus(403)));

        JarRun run = invoke(misspeltEndpointCreate());

        assertEquals(Main.EXIT_NOT_DELIVERED, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("the answer could not be delivered to the event's ResponseURL"), run.stderr());
    }

    @Test
    void anUnreachableResponseUrlExitsFour() throws Exception {
        Path event = event(Events.create(
                "http://127.0.0.1:1/cloudformation-responses/stack/response",
                "MediaPackageEndpoint",
                Map.of("ChannelId", "demo-stack-livestream", "EndPoint", "RTSP")));

        JarRun run = JarRun.of(env, temp, "invoke", event.toString(), "--remaining-ms", "20000");

        assertEquals(Main.EXIT_NOT_DELIVERED, run.exitCode(), run.stderr());
    }

    @Test
    void anEventWithoutResponseUrlExitsFour() throws Exception {
        String text =
                Files.readString(misspeltEndpointCreate()).replace("\"ResponseURL\":\"" + endpoint.url() + "\",", "");

        JarRun run = invoke(event(text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Main.EXIT_NOT_DELIVERED, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("the event has no ResponseURL; nothing was sent"), run.stderr());
    }

    @Test
    void aMissingRegionIsAConfigurationErrorInOneLineAndNothingIsSent() throws Exception {
        env.put("AWS_REGION", null);
        env.put("AWS_DEFAULT_REGION", null);

        JarRun run = invoke(misspeltEndpointCreate());

        assertEquals(Main.EXIT_CONFIGURATION, run.exitCode(), run.stderr());
        assertEquals(
                "configuration error: AWS_REGION is not set; set it (or AWS_DEFAULT_REGION) to the Region of the"
                        + " stack, e.g. AWS_REGION=us-east-1",
                run.stderr().strip());
        assertEquals("", run.stdout());
        assertEquals(0, endpoint.server().getAllServeEvents().size());
    }

    @Test
    void aMalformedEndpointUrlIsAConfigurationError() throws Exception {
        env.put("AWS_ENDPOINT_URL", "127.0.0.1:4566");

        JarRun run = invoke(misspeltEndpointCreate());

        assertEquals(Main.EXIT_CONFIGURATION, run.exitCode(), run.stderr());
        assertEquals(
                "configuration error: AWS_ENDPOINT_URL is '127.0.0.1:4566'; it must be an http:// or https://"
                        + " URL with a host, e.g. http://127.0.0.1:4566",
                run.stderr().strip());
    }

    @Test
    void anEventFileThatCannotBeReadIsAUsageError() throws Exception {
        JarRun run = invoke(temp.resolve("no-such-event.json"));

        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("cannot read "), run.stderr());
    }
}
