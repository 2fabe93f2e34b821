package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.PropertyCheck;
import com.amazonaws.livestreaming.cfn.Redaction;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResponseBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Runs bad-input rows through the Lambda handler as CloudFormation would: the real managers, the real AWS SDK
 * pointed at a WireMock stand-in that has no stubs at all, and a real local ResponseURL. A row passes when there
 * is exactly one FAILED answer whose Reason is the expected one line, and the stand-in received no request at all:
 * input that can be rejected up front costs no AWS call. One instance serves a whole test class.
 */
public final class BadInputMatrix implements AutoCloseable {
    private final HandlerHarness harness = new HandlerHarness();

    public ResourceManager manager(String kind) {
        return harness.registry().find(kind).orElseThrow(() -> new AssertionError("no manager for Custom::" + kind));
    }

    /** Sends a Create and returns its one answer, having checked that no AWS request was made. */
    public JsonNode create(String kind, Map<String, ?> properties) {
        return answer(Events.create(harness.responseUrl(), kind, properties));
    }

    /** As {@link #create}, with the longest StackId, LogicalResourceId and RequestId CloudFormation sends. */
    public JsonNode createWithLongestIds(String kind, Map<String, ?> properties) {
        return answer(LongestIds.in(Events.create(harness.responseUrl(), kind, properties)));
    }

    /** Sends an Update and returns its one answer, having checked that no AWS request was made. */
    public JsonNode update(String kind, String physicalId, Map<String, ?> properties, Map<String, ?> old) {
        return answer(Events.update(harness.responseUrl(), kind, physicalId, properties, old));
    }

    private JsonNode answer(byte[] event) {
        JsonNode answer = harness.run(event);
        assertTrue(
                harness.answerBytes().length <= ResponseBody.MAX_BYTES,
                "the answer is " + harness.answerBytes().length + " bytes");
        var requests = harness.aws().server().getAllServeEvents();
        assertEquals(
                0,
                requests.size(),
                () -> "AWS requests were made: "
                        + requests.stream()
                                .map(e -> e.getRequest().getMethod() + " "
                                        + e.getRequest().getUrl())
                                .toList()
                        + "; answer " + answer);
        return answer;
    }

    /** A Create with the row's properties gets one FAILED answer with the row's reason and makes no AWS call. */
    public void assertRefused(String kind, BadInput row) {
        JsonNode answer = create(kind, row.properties());
        assertEquals("FAILED", answer.get("Status").asText(), answer::toString);
        String reason = answer.get("Reason").asText();
        assertFalse(reason.contains("\n") || reason.contains("\r"), "one line: " + reason);
        assertTrue(reason.contains(row.property()), "the reason names " + row.property() + ": " + reason);
        switch (row.match()) {
            case EXACT -> assertEquals(row.reason(), reason);
            case STARTS_WITH ->
                assertTrue(
                        reason.startsWith(row.reason()),
                        "expected a reason starting with <" + row.reason() + "> but was <" + reason + ">");
            case CONTAINS ->
                assertTrue(
                        reason.startsWith(row.reason()) || reason.contains(") " + row.reason()),
                        "expected <" + row.reason() + "> among the problems of <" + reason + ">");
        }
        assertTrue(answer.get("PhysicalResourceId").asText().startsWith("NotCreated:"), answer::toString);
    }

    /** The row's properties pass the up-front check (the manager would go on to call AWS with them). */
    public void assertAccepted(String kind, BadInput row) {
        ResourceManager manager = manager(kind);
        List<InvalidPropertyException> problems =
                PropertyCheck.problems(manager.spec(), manager.propertyRules(), Properties.of(row.properties()));
        assertEquals(List.of(), problems.stream().map(Throwable::getMessage).toList());
    }

    /**
     * The rows every property of a kind gets, whoever added it: a list where a single value goes (unless the kind
     * takes a list), an object, a line break, 10 KB of text, and its name in lower case. Each must find the
     * property's own problem; a property that needs another one may add that problem to the same answer.
     */
    public static Stream<BadInput> everyProperty(String kind, Map<String, ?> base) {
        ResourceManager manager = SPECS.find(kind).orElseThrow(() -> new AssertionError("no Custom::" + kind));
        List<BadInput> rows = new ArrayList<>();
        for (String name : manager.spec().properties().stream().sorted().toList()) {
            if (!manager.propertyRules().limit(name).list()) {
                rows.add(contains(
                        base, name, "a list", List.of("a", "b"), name + " must be a single value, not a list"));
            }
            rows.add(contains(
                    base,
                    name,
                    "an object",
                    Map.of("Ref", "Something"),
                    name + " must be a single value, not an object"));
            rows.add(contains(
                    base,
                    name,
                    "a line break",
                    "line one\nline two",
                    name + " contains a control character"
                            + (Redaction.isSecretName(name) ? "" : " (U+000A) at position 9")
                            + "; a value must be one line of printable text"));
            rows.add(contains(base, name, "10 KB", "a".repeat(10_240), name + " "));
            String lower = name.toLowerCase(Locale.ROOT);
            rows.add(new BadInput(
                    lower,
                    "added in lower case",
                    with(base, lower, "x"),
                    lower + " is not a property of Custom::" + kind + "; did you mean " + name + "?",
                    BadInput.Match.EXACT));
        }
        return rows.stream();
    }

    private static BadInput contains(Map<String, ?> base, String name, String how, Object value, String problem) {
        return new BadInput(name, how, with(base, name, value), problem, BadInput.Match.CONTAINS);
    }

    private static Map<String, Object> with(Map<String, ?> base, String name, Object value) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        properties.put(name, value);
        return properties;
    }

    /** The real managers, for their specs and rules while rows are built; their clients point nowhere. */
    private static final Registry SPECS = Managers.standard(new AwsClients(new AwsClients.Settings(
            Region.US_EAST_1,
            Optional.empty(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "notARealSecretKey")),
            1,
            Duration.ofSeconds(1),
            List.of())));

    @Override
    public void close() {
        harness.close();
    }
}
