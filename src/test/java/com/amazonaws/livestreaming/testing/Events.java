package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** CloudFormation events as the service sends them: every property a string, ServiceToken and ServiceTimeout. */
public final class Events {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {}

    public static byte[] create(String responseUrl, String kind, Map<String, ?> properties) {
        return event("Create", responseUrl, kind, null, properties, null);
    }

    public static byte[] update(
            String responseUrl, String kind, String physicalId, Map<String, ?> properties, Map<String, ?> old) {
        return event("Update", responseUrl, kind, physicalId, properties, old);
    }

    public static byte[] delete(String responseUrl, String kind, String physicalId, Map<String, ?> properties) {
        return event("Delete", responseUrl, kind, physicalId, properties, null);
    }

    public static byte[] event(
            String type,
            String responseUrl,
            String kind,
            String physicalId,
            Map<String, ?> properties,
            Map<String, ?> old) {
        return event(type, responseUrl, kind, "Resource" + kind, Requests.REQUEST_ID, physicalId, properties, old);
    }

    /** An event for the logical resource {@code logicalId}, with a RequestId of its own. */
    public static byte[] event(
            String type,
            String responseUrl,
            String kind,
            String logicalId,
            String physicalId,
            Map<String, ?> properties,
            Map<String, ?> old) {
        return event(type, responseUrl, kind, logicalId, UUID.randomUUID().toString(), physicalId, properties, old);
    }

    private static byte[] event(
            String type,
            String responseUrl,
            String kind,
            String logicalId,
            String requestId,
            String physicalId,
            Map<String, ?> properties,
            Map<String, ?> old) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", type);
        event.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:demo-stack-CustomResource:3");
        event.put("ServiceTimeout", "900");
        event.put("ResponseURL", responseUrl);
        event.put("StackId", Requests.STACK_ID);
        event.put("RequestId", requestId);
        event.put("LogicalResourceId", logicalId);
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.put("ResourceType", "Custom::" + kind);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ServiceToken", event.get("ServiceToken"));
        props.put("ServiceTimeout", "900");
        props.putAll(properties);
        event.put("ResourceProperties", props);
        if (old != null) {
            Map<String, Object> oldProps = new LinkedHashMap<>();
            oldProps.put("ServiceToken", event.get("ServiceToken"));
            oldProps.putAll(old);
            event.put("OldResourceProperties", oldProps);
        }
        try {
            return MAPPER.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
