package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.cfn.ResponseBody;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The longest ids CloudFormation puts in an event, which it wants back verbatim in the answer, and the check that an
 * answer still fits CloudFormation's 4096 bytes with them: a stack name of 128 characters in the longest partition
 * and Region, a logical id of 255 characters, a UUID request id, and a physical id of 1024 characters.
 */
public final class LongestIds {
    public static final String STACK_NAME = "S" + "t".repeat(127);
    public static final String STACK_ID = "arn:aws-iso-b:cloudformation:us-isob-east-1:123456789012:stack/" + STACK_NAME
            + "/5b8f1d40-1234-11ef-9abc-0e1f2a3b4c5d";
    public static final String LOGICAL_ID = "L" + "o".repeat(254);
    public static final String REQUEST_ID = "7bfa3c5e-41d6-4a2b-9d2e-2f1f6f0b9a11";
    public static final String PHYSICAL_ID = "P".repeat(PhysicalIds.MAX_LENGTH);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LongestIds() {}

    /** {@code event} with the longest StackId, LogicalResourceId and RequestId. */
    public static byte[] in(byte[] event) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(event);
            node.put("StackId", STACK_ID);
            node.put("LogicalResourceId", LOGICAL_ID);
            node.put("RequestId", REQUEST_ID);
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer {@code harness} sent last was SUCCESS with every one of {@code attributes} in Data, no longer than
     * 4096 bytes on the wire; and the same Data would still fit, whole, beside a physical id of 1024 characters and
     * NoEcho: the Data leaves room for anything CloudFormation can send.
     */
    public static JsonNode assertAnswerFits(HandlerHarness harness, java.util.Set<String> attributes) {
        byte[] sent = harness.answerBytes();
        JsonNode answer = read(sent);
        assertEquals("SUCCESS", answer.path("Status").asText(), () -> answer + "\n" + harness.log());
        assertTrue(sent.length <= ResponseBody.MAX_BYTES, "the answer is " + sent.length + " bytes");
        assertEquals(STACK_ID, answer.get("StackId").asText());
        assertEquals(LOGICAL_ID, answer.get("LogicalResourceId").asText());
        Map<String, String> data = MAPPER.convertValue(answer.get("Data"), new TypeReference<>() {});
        assertEquals(attributes, data.keySet(), "every attribute is in Data");

        Request longest = new Request(
                RequestType.UPDATE,
                "http://127.0.0.1/response",
                STACK_ID,
                REQUEST_ID,
                "Custom::Any",
                LOGICAL_ID,
                PHYSICAL_ID,
                Properties.empty(),
                Properties.empty());
        byte[] worst =
                ResponseBody.build(longest, Outcome.success(PHYSICAL_ID, data).withNoEcho());
        JsonNode worstAnswer = read(worst);
        assertEquals("SUCCESS", worstAnswer.get("Status").asText(), worstAnswer::toString);
        assertEquals(answer.get("Data"), worstAnswer.get("Data"), "Data is not cut");
        assertTrue(worst.length <= ResponseBody.MAX_BYTES, "with a 1024-character id: " + worst.length + " bytes");
        return answer;
    }

    private static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
