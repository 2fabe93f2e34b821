package com.amazonaws.livestreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function set up without a Region answers FAILED saying so, not with an internal error. */
class ConfigurationErrorTest {
    @Test
    void aMissingRegionIsAnsweredAsAConfigurationError() {
        try (ResponseEndpoint endpoint = new ResponseEndpoint()) {
            Handler handler = new Handler(
                    () -> Managers.standard(new AwsClients(AwsClients.Settings.fromEnvironment(Map.of()))),
                    new ResponseSender(1, d -> {}),
                    new JsonLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                    Duration.ofSeconds(5));

            handler.handle(
                    Events.create(endpoint.url(), "MediaPackageChannel", Map.of()),
                    new LocalContext(Duration.ofMinutes(1)));

            JsonNode answer = endpoint.onlyAnswer();
            assertEquals("FAILED", answer.get("Status").asText());
            assertEquals(
                    "configuration error: AWS_REGION is not set; set it (or AWS_DEFAULT_REGION) to the Region of"
                            + " the stack, e.g. AWS_REGION=us-east-1",
                    answer.get("Reason").asText());
        }
    }
}
