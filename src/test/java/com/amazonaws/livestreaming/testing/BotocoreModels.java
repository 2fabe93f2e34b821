package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official AWS API models botocore carries (the ones the AWS CLI uses), read once per test run, as oracles for
 * the stand-ins: shapes, operations and the errors each operation is documented to return. botocore comes from the
 * pinned venv ({@link PythonTools}).
 */
public final class BotocoreModels {
    /** botocore's name of each service the project calls, by the SDK's service name. */
    private static final Map<String, String> SERVICES =
            Map.of("MediaLive", "medialive", "MediaPackage", "mediapackage", "Ssm", "ssm", "S3", "s3");

    private static final Map<String, JsonNode> LOADED = new ConcurrentHashMap<>();

    private BotocoreModels() {}

    /** A service's model by botocore's name, e.g. {@code medialive}. */
    public static JsonNode model(String service) {
        return LOADED.computeIfAbsent(service, PythonTools::serviceModel);
    }

    /**
     * The calls ({@code Service:Operation}, the SDK's names) among {@code calls} whose model lists the error shape
     * {@code error} (e.g. {@code ConflictException}).
     */
    public static Set<String> callsThatCanAnswer(Set<String> calls, String error) {
        Set<String> found = new TreeSet<>();
        for (String call : calls) {
            String service = SERVICES.get(call.substring(0, call.indexOf(':')));
            if (service == null) {
                fail("no botocore model is known for " + call);
            }
            JsonNode operation = model(service).path("operations").path(call.substring(call.indexOf(':') + 1));
            assertTrue(!operation.isMissingNode(), call + " is not an operation of botocore's " + service);
            operation.path("errors").forEach(e -> {
                if (error.equals(e.path("shape").asText())) {
                    found.add(call);
                }
            });
        }
        return found;
    }
}
