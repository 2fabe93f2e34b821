package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Requests;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An input manager against the MediaLive and SSM stand-ins, polling at its production interval on the simulated
 * clock, with helpers that make inputs, security groups and channels as an earlier run would have left them.
 */
final class InputFixture implements AutoCloseable {
    static final Duration BUDGET = Duration.ofSeconds(890);
    /** The tags Ownership writes for the test requests' Create of the input resource. */
    static final Map<String, String> TAGS = Ownership.tags(Requests.create(InputStubs.KIND, Map.of()));
    /** The same resource, made by another request (a replacement, or an earlier deployment). */
    static final Map<String, String> OTHER_TAGS = withTag(TAGS, Ownership.REQUEST_ID, InputStubs.OTHER_REQUEST_ID);

    final AwsStandIn aws = new AwsStandIn();
    final InputManager manager = new InputManager(aws.clients(), InputManager.PRODUCTION_INTERVAL);

    static Map<String, String> withTag(Map<String, String> tags, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(tags);
        copy.put(key, value);
        return copy;
    }

    String group(Map<String, String> tags) {
        return aws.mediaLive().addSecurityGroup(List.of("10.0.0.0/8"), tags);
    }

    /** A STANDARD RTMP push input using {@code groupId}. */
    String pushInput(String groupId, Map<String, String> tags) {
        ObjectNode fields =
                JsonNodeFactory.instance.objectNode().put("type", "RTMP_PUSH").put("name", InputStubs.NAME);
        fields.putArray("inputSecurityGroups").add(groupId);
        fields.putArray("destinations").addObject().put("streamName", InputStubs.NAME + "/primary");
        fields.withArray("destinations").addObject().put("streamName", InputStubs.NAME + "/secondary");
        return aws.mediaLive().addInput(fields, tags);
    }

    /** A STANDARD URL pull input whose sources read their passwords from {@code params} (null for none). */
    String pullInput(Map<String, String> tags, String primaryParam, String secondaryParam) {
        ObjectNode fields =
                JsonNodeFactory.instance.objectNode().put("type", "URL_PULL").put("name", InputStubs.NAME);
        var sources = fields.putArray("sources");
        ObjectNode primary = sources.addObject()
                .put("url", "https://origin.example.com/live/main.m3u8")
                .put("username", "puller");
        ObjectNode secondary = sources.addObject()
                .put("url", "https://backup.example.com/live/main.m3u8")
                .put("username", "puller");
        if (primaryParam != null) {
            primary.put("passwordParam", primaryParam);
        }
        if (secondaryParam != null) {
            secondary.put("passwordParam", secondaryParam);
        }
        return aws.mediaLive().addInput(fields, tags);
    }

    /** A channel reading {@code inputId}, in {@code state}. */
    String channel(String inputId, String state) {
        return aws.mediaLive().addChannel("STANDARD", state, inputId, Map.of());
    }

    Requests.CapturedInvocation invocation() {
        return Requests.invocation(BUDGET, aws.clock());
    }

    Requests.CapturedInvocation invocation(Duration budget) {
        return Requests.invocation(budget, aws.clock());
    }

    /**
     * The calls that are neither Describe nor List nor the restart-mark tags of a stopped channel: what the manager
     * asked AWS to do.
     */
    List<String> actions() {
        return aws.calls().stream()
                .filter(c -> !c.startsWith("MediaLive:Describe")
                        && !c.startsWith("MediaLive:List")
                        && !c.equals("MediaLive:CreateTags")
                        && !c.equals("MediaLive:DeleteTags"))
                .toList();
    }

    @Override
    public void close() {
        aws.close();
    }
}
