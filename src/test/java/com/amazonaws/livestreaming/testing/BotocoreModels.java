package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The official AWS API models botocore carries (the ones the AWS CLI uses), as test oracles: shapes, operations and
 * the errors each operation is documented to return. Found through {@code python3}; a machine without botocore
 * fails the test that needs it, saying so.
 */
public final class BotocoreModels {
    /** The model of each service the project calls, by the SDK's service name. */
    private static final Map<String, String> MODELS = Map.of("MediaLive", "medialive/2017-10-14",
            "MediaPackage", "mediapackage/2017-10-12", "Ssm", "ssm/2014-11-06", "S3", "s3/2006-03-01");
    private static final Map<String, JsonNode> LOADED = new ConcurrentHashMap<>();

    private BotocoreModels() {
    }

    /** A service's model, e.g. {@code medialive/2017-10-14}. */
    public static JsonNode model(String serviceAndVersion) {
        return LOADED.computeIfAbsent(serviceAndVersion, BotocoreModels::load);
    }

    /**
     * The calls ({@code Service:Operation}, the SDK's names) among {@code calls} whose model lists the error shape
     * {@code error} (e.g. {@code ConflictException}).
     */
    public static Set<String> callsThatCanAnswer(Set<String> calls, String error) {
        Set<String> found = new TreeSet<>();
        for (String call : calls) {
            String service = call.substring(0, call.indexOf(':'));
            String model = MODELS.get(service);
            if (model == null) {
                fail("no botocore model is known for " + service);
            }
            JsonNode operation = model(model).path("operations").path(call.substring(call.indexOf(':') + 1));
            assertTrue(!operation.isMissingNode(), call + " is not an operation of " + model);
            operation.path("errors").forEach(e -> {
                if (error.equals(e.path("shape").asText())) {
                    found.add(call);
                }
            });
        }
        return found;
    }

    private static JsonNode load(String serviceAndVersion) {
        Path data = botocore().resolve("data").resolve(serviceAndVersion);
        Path model = Files.exists(data.resolve("service-2.json.gz")) ? data.resolve("service-2.json.gz")
                : data.resolve("service-2.json");
        assertTrue(Files.isRegularFile(model), "botocore has no model at " + model);
        try (InputStream raw = Files.newInputStream(model);
             InputStream in = model.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return StandInCall.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model, e);
        }
    }

    /** Where botocore is installed. */
    public static Path botocore() {
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c",
                    "import botocore, os; print(os.path.dirname(botocore.__file__))")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("python3 is needed to find botocore's API models and could not be run: " + e.getMessage());
        }
        try {
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                return fail("python3 could not import botocore (pip install botocore): " + output);
            }
            return Path.of(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while looking for botocore");
        }
    }
}
