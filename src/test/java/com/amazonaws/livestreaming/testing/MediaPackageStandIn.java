package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * AWS Elemental MediaPackage (v1) as the wire tests meet it, in its REST-JSON wire form (botocore's
 * {@code mediapackage/2017-10-12} names): channels with their two HLS ingest endpoints, origin endpoints with
 * playback URLs under {@code /out/v1/}, and tags. Ids are the caller's; a second CreateChannel or
 * CreateOriginEndpoint with a taken id answers 422 UnprocessableEntityException, an origin endpoint for an unknown
 * channel 404, DeleteChannel of a channel that still has origin endpoints 422, and every unknown id 404
 * NotFoundException. Deletion is immediate, as in MediaPackage.
 */
public final class MediaPackageStandIn implements StandInService {
    static final String ARN_PREFIX = "arn:aws:mediapackage:us-east-1:123456789012:";
    private static final String HOST = "c4af3793bf76b33c.mediapackage.us-east-1.amazonaws.com";
    /** The first path segments of MediaPackage's operations. */
    private static final Set<String> ROOTS = Set.of("channels", "origin_endpoints", "tags");

    private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    private final Map<String, ObjectNode> endpoints = new LinkedHashMap<>();

    public synchronized List<String> channelIds() {
        return List.copyOf(channels.keySet());
    }

    public synchronized List<String> endpointIds() {
        return List.copyOf(endpoints.keySet());
    }

    public synchronized ObjectNode channel(String id) {
        return channels.get(id);
    }

    @Override
    public String operation(StandInCall call) {
        List<String> path = call.path();
        if (path.isEmpty() || !ROOTS.contains(path.get(0))) {
            return null;
        }
        String op = null;
        if (call.is("GET", "channels")) {
            op = "ListChannels";
        } else if (call.is("POST", "channels")) {
            op = "CreateChannel";
        } else if (call.is("GET", "channels", "*")) {
            op = "DescribeChannel";
        } else if (call.is("PUT", "channels", "*")) {
            op = "UpdateChannel";
        } else if (call.is("DELETE", "channels", "*")) {
            op = "DeleteChannel";
        } else if (call.is("GET", "origin_endpoints")) {
            op = "ListOriginEndpoints";
        } else if (call.is("POST", "origin_endpoints")) {
            op = "CreateOriginEndpoint";
        } else if (call.is("GET", "origin_endpoints", "*")) {
            op = "DescribeOriginEndpoint";
        } else if (call.is("PUT", "origin_endpoints", "*")) {
            op = "UpdateOriginEndpoint";
        } else if (call.is("DELETE", "origin_endpoints", "*")) {
            op = "DeleteOriginEndpoint";
        } else if (call.is("POST", "tags", "*")) {
            op = "TagResource";
        } else if (call.is("DELETE", "tags", "*")) {
            op = "UntagResource";
        } else if (call.is("GET", "tags", "*")) {
            op = "ListTagsForResource";
        }
        return op == null ? null : "MediaPackage:" + op;
    }

    @Override
    public synchronized StandInAnswer handle(String operation, StandInCall call) {
        return switch (operation.substring("MediaPackage:".length())) {
            case "ListChannels" -> MediaLiveStandIn.page(call, 1000, "channels", List.copyOf(channels.values()));
            case "CreateChannel" -> createChannel(call);
            case "DescribeChannel" -> withChannel(call, c -> StandInAnswer.ok(200, c));
            case "UpdateChannel" ->
                withChannel(call, c -> {
                    if (call.body().has("description")) {
                        c.put("description", call.text("description"));
                    }
                    return StandInAnswer.ok(200, c);
                });
            case "DeleteChannel" -> withChannel(call, this::deleteChannel);
            case "ListOriginEndpoints" ->
                MediaLiveStandIn.page(
                        call,
                        1000,
                        "originEndpoints",
                        endpoints.values().stream()
                                .filter(e -> call.queryValue("channelId") == null
                                        || call.queryValue("channelId")
                                                .equals(e.path("channelId").asText()))
                                .toList());
            case "CreateOriginEndpoint" -> createEndpoint(call);
            case "DescribeOriginEndpoint" -> withEndpoint(call, e -> StandInAnswer.ok(200, e));
            case "UpdateOriginEndpoint" -> withEndpoint(call, e -> updateEndpoint(e, call));
            case "DeleteOriginEndpoint" ->
                withEndpoint(call, e -> {
                    endpoints.remove(e.path("id").asText());
                    return new StandInAnswer(202, "", null, null, Duration.ZERO, null);
                });
            case "TagResource" ->
                withTagged(call, tags -> {
                    call.body().path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue()));
                    return new StandInAnswer(204, "", null, null, Duration.ZERO, null);
                });
            case "UntagResource" ->
                withTagged(call, tags -> {
                    call.queryValues("tagKeys").forEach(tags::remove);
                    return new StandInAnswer(204, "", null, null, Duration.ZERO, null);
                });
            case "ListTagsForResource" ->
                withTagged(call, tags -> {
                    ObjectNode body = StandInCall.JSON.createObjectNode();
                    body.set("tags", tags.deepCopy());
                    return StandInAnswer.ok(200, body);
                });
            default -> StandInAnswer.error(400, "UnprocessableEntityException", "stand-in: " + operation);
        };
    }

    @Override
    public synchronized List<String> leftovers() {
        List<String> left = new ArrayList<>();
        channels.keySet().forEach(id -> left.add("MediaPackage channel " + id));
        endpoints.keySet().forEach(id -> left.add("MediaPackage origin endpoint " + id));
        return left;
    }

    private StandInAnswer createChannel(StandInCall call) {
        String id = call.text("id");
        if (channels.containsKey(id)) {
            return StandInAnswer.error(422, "UnprocessableEntityException", "Channel " + id + " already exists.");
        }
        String hash = hash();
        ObjectNode channel = StandInCall.JSON
                .createObjectNode()
                .put("arn", ARN_PREFIX + "channels/" + hash)
                .put("createdAt", "2026-11-24T17:30:02+00:00")
                .put("id", id)
                .put("description", call.body().path("description").asText(""));
        channel.putObject("egressAccessLogs");
        channel.putObject("ingressAccessLogs");
        var ingest = channel.putObject("hlsIngest").putArray("ingestEndpoints");
        for (int i = 0; i < 2; i++) {
            String endpointId = hash();
            ingest.addObject()
                    .put("id", endpointId)
                    .put("username", hash().substring(0, 16))
                    .put("password", hash().substring(0, 16))
                    .put(
                            "url",
                            "https://" + hash().substring(0, 16) + ".mediapackage.us-east-1.amazonaws.com/in/v2/" + hash
                                    + "/" + endpointId + "/channel");
        }
        channel.set(
                "tags",
                call.body().has("tags") ? call.body().get("tags").deepCopy() : StandInCall.JSON.createObjectNode());
        channels.put(id, channel);
        return StandInAnswer.ok(200, channel);
    }

    private StandInAnswer deleteChannel(ObjectNode channel) {
        String id = channel.path("id").asText();
        if (endpoints.values().stream()
                .anyMatch(e -> id.equals(e.path("channelId").asText()))) {
            return StandInAnswer.error(
                    422, "UnprocessableEntityException", "Channel " + id + " has origin endpoints; delete them first.");
        }
        channels.remove(id);
        return new StandInAnswer(202, "", null, null, Duration.ZERO, null);
    }

    private StandInAnswer createEndpoint(StandInCall call) {
        String id = call.text("id");
        String channelId = call.text("channelId");
        if (!channels.containsKey(channelId)) {
            return StandInAnswer.error(404, "NotFoundException", "Channel " + channelId + " not found.");
        }
        if (endpoints.containsKey(id)) {
            return StandInAnswer.error(
                    422, "UnprocessableEntityException", "Origin endpoint " + id + " already exists.");
        }
        ObjectNode endpoint = call.object().deepCopy();
        String hash = hash();
        endpoint.put("arn", ARN_PREFIX + "origin_endpoints/" + hash)
                .put("createdAt", "2026-11-24T17:30:05+00:00")
                .put("origination", endpoint.path("origination").asText("ALLOW"))
                .put("manifestName", endpoint.path("manifestName").asText("index"))
                .put(
                        "startoverWindowSeconds",
                        endpoint.path("startoverWindowSeconds").asInt(0))
                .put("timeDelaySeconds", endpoint.path("timeDelaySeconds").asInt(0))
                .put("description", endpoint.path("description").asText(""));
        if (!endpoint.has("tags")) {
            endpoint.putObject("tags");
        }
        if (!endpoint.has("whitelist")) {
            endpoint.putArray("whitelist");
        }
        endpoint.put("url", url(endpoint, hash));
        endpoints.put(id, endpoint);
        return StandInAnswer.ok(200, endpoint);
    }

    private StandInAnswer updateEndpoint(ObjectNode endpoint, StandInCall call) {
        String hash = endpoint.path("url").asText().replaceAll(".*/out/v1/([^/]+)/.*", "$1");
        call.object().fields().forEachRemaining(f -> endpoint.set(f.getKey(), f.getValue()));
        endpoint.put("url", url(endpoint, hash));
        return StandInAnswer.ok(200, endpoint);
    }

    /** The playback URL; for CMAF each HLS manifest gets its own, and the endpoint's is the folder. */
    private static String url(ObjectNode endpoint, String hash) {
        String base = "https://" + HOST + "/out/v1/" + hash + "/";
        String manifest = endpoint.path("manifestName").asText("index");
        if (endpoint.has("cmafPackage")) {
            for (JsonNode m : endpoint.path("cmafPackage").path("hlsManifests")) {
                ((ObjectNode) m)
                        .put(
                                "url",
                                base
                                        + m.path("manifestName")
                                                .asText(m.path("id").asText()) + ".m3u8");
            }
            return base + manifest;
        }
        if (endpoint.has("dashPackage")) {
            return base + manifest + ".mpd";
        }
        if (endpoint.has("mssPackage")) {
            return base + manifest + ".ism/Manifest";
        }
        return base + manifest + ".m3u8";
    }

    private StandInAnswer withChannel(StandInCall call, Function<ObjectNode, StandInAnswer> f) {
        return StandInAnswer.found(channels, call.segment(1), "Channel", f);
    }

    private StandInAnswer withEndpoint(StandInCall call, Function<ObjectNode, StandInAnswer> f) {
        return StandInAnswer.found(endpoints, call.segment(1), "Origin endpoint", f);
    }

    private StandInAnswer withTagged(StandInCall call, Function<ObjectNode, StandInAnswer> f) {
        String arn = call.segment(1);
        for (ObjectNode resource : List.copyOf(channels.values())) {
            if (arn.equals(resource.path("arn").asText())) {
                return f.apply((ObjectNode) resource.get("tags"));
            }
        }
        for (ObjectNode resource : List.copyOf(endpoints.values())) {
            if (arn.equals(resource.path("arn").asText())) {
                return f.apply((ObjectNode) resource.get("tags"));
            }
        }
        return StandInAnswer.error(404, "NotFoundException", "Resource " + arn + " not found.");
    }

    private static String hash() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
