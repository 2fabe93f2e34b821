package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackage.model.CreateChannelResponse;
import software.amazon.awssdk.services.mediapackage.model.DescribeChannelResponse;
import software.amazon.awssdk.services.mediapackage.model.HlsIngest;
import software.amazon.awssdk.services.mediapackage.model.IngestEndpoint;
import software.amazon.awssdk.services.mediapackage.model.NotFoundException;
import software.amazon.awssdk.services.mediapackage.model.OriginEndpoint;
import software.amazon.awssdk.services.mediapackage.model.UnprocessableEntityException;
import software.amazon.awssdk.services.mediapackage.model.UpdateChannelResponse;

/**
 * {@code Custom::MediaPackageChannel}: the MediaPackage (v1) channel MediaLive pushes HLS into. Its id is chosen
 * here ({@code <StackName>-livestream} unless {@code ChannelId} says otherwise), so a repeated Create meets its own
 * channel and reuses it when the ownership tags say it belongs to this stack resource. Delete first removes every
 * origin endpoint of the channel, since MediaPackage refuses to delete a channel that still has endpoints.
 *
 * <p>Data: {@code ChannelId}, {@code Arn}, {@code IngestUrl1}, {@code IngestUrl2}. The ingest usernames and
 * passwords MediaPackage returns are never read: MediaLive fetches them itself through the channel id.
 */
public final class MediaPackageChannelManager implements ResourceManager {
    static final String KIND = "MediaPackageChannel";
    static final String DESCRIPTION = "Description";
    /** The tag keys this project writes; others on the channel are the user's and left alone. */
    private static final String OWN_TAG_PREFIX = "LiveStreaming:";

    private static final ResourceSpec SPEC = new ResourceSpec(
            KIND,
            Set.of(MediaPackageIds.CHANNEL_ID, DESCRIPTION),
            Set.of("ChannelId", "Arn", "IngestUrl1", "IngestUrl2"),
            Set.of(
                    "MediaPackage:CreateChannel",
                    "MediaPackage:DescribeChannel",
                    "MediaPackage:UpdateChannel",
                    "MediaPackage:DeleteChannel",
                    "MediaPackage:ListOriginEndpoints",
                    "MediaPackage:DeleteOriginEndpoint",
                    "MediaPackage:TagResource",
                    "MediaPackage:UntagResource"));

    private final Supplier<MediaPackageClient> mediaPackage;

    public MediaPackageChannelManager(AwsClients clients) {
        this.mediaPackage = Objects.requireNonNull(clients, "clients")::mediaPackage;
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
    }

    @Override
    public PropertyRules propertyRules() {
        return MediaPackageRules.CHANNEL;
    }

    @Override
    public Outcome create(Request request, Invocation invocation) {
        String id = MediaPackageIds.channelId(request);
        String description = description(request);
        invocation.step("creating MediaPackage channel " + id);
        try {
            CreateChannelResponse created = mediaPackage
                    .get()
                    .createChannel(b -> b.id(id).description(description).tags(Ownership.tags(request)));
            invocation.made(id);
            invocation.log().info("channel created", Map.of("channelId", id));
            return answer(id, created.arn(), created.hlsIngest());
        } catch (UnprocessableEntityException refused) {
            DescribeChannelResponse existing = describeIfExists(id).orElseThrow(() -> refused);
            if (!ownedBy(existing.tags(), request)) {
                throw new ResourceFailure("MediaPackage channel '" + id + "' already exists and was not made by "
                        + request.logicalResourceId() + " of this stack; set ChannelId to an unused id ("
                        + MediaPackageIds.RULE + ")");
            }
            invocation.made(id);
            invocation.log().info("channel already exists and is this resource's; reusing it", Map.of("channelId", id));
            return answer(id, existing.arn(), existing.hlsIngest());
        }
    }

    @Override
    public Outcome update(Request request, Invocation invocation) {
        String id = MediaPackageIds.channelId(request);
        if (!id.equals(request.physicalResourceId())) {
            invocation
                    .log()
                    .info(
                            "channel id changed; creating a replacement",
                            Map.of("from", String.valueOf(request.physicalResourceId()), "to", id));
            return create(request, invocation);
        }
        invocation.step("updating MediaPackage channel " + id);
        UpdateChannelResponse updated =
                mediaPackage.get().updateChannel(b -> b.id(id).description(description(request)));
        syncTags(updated.arn(), updated.tags(), Ownership.tags(request));
        return answer(id, updated.arn(), updated.hlsIngest());
    }

    /** Deletes the channel the id names, endpoints first; see {@link NamedDelete} for an id that names nothing. */
    @Override
    public Outcome delete(Request request, Invocation invocation) {
        return new NamedDelete(
                        "MediaPackage channel",
                        id -> deleteWithEndpoints(id, invocation),
                        () -> MediaPackageIds.channelId(request),
                        id -> describeIfExists(id).map(c -> c.tags()))
                .run(request, invocation);
    }

    /** Deletes the channel's endpoints and the channel; false when MediaPackage says there is no such channel. */
    private boolean deleteWithEndpoints(String id, Invocation invocation) {
        invocation.step("listing the origin endpoints of MediaPackage channel " + id);
        List<String> endpoints = endpointIds(id);
        for (String endpoint : endpoints) {
            invocation.step("deleting origin endpoint " + endpoint + " of MediaPackage channel " + id);
            try {
                mediaPackage.get().deleteOriginEndpoint(b -> b.id(endpoint));
            } catch (NotFoundException gone) {
                invocation.log().info("origin endpoint already gone", Map.of("endpointId", endpoint));
            }
        }
        invocation.step("deleting MediaPackage channel " + id);
        try {
            mediaPackage.get().deleteChannel(b -> b.id(id));
            invocation.log().info("channel deleted", Map.of("channelId", id, "endpointsDeleted", endpoints.size()));
            return true;
        } catch (NotFoundException gone) {
            invocation.log().info("channel already gone", Map.of("channelId", id));
            return false;
        }
    }

    private List<String> endpointIds(String channelId) {
        List<String> ids = new ArrayList<>();
        try {
            for (OriginEndpoint endpoint : mediaPackage
                    .get()
                    .listOriginEndpointsPaginator(b -> b.channelId(channelId))
                    .originEndpoints()) {
                ids.add(endpoint.id());
            }
        } catch (NotFoundException gone) {
            // the channel is gone, and its endpoints with it
        }
        return ids;
    }

    private Optional<DescribeChannelResponse> describeIfExists(String id) {
        try {
            return Optional.of(mediaPackage.get().describeChannel(b -> b.id(id)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Same stack and same logical resource: a retried Create or a re-run deployment, not someone else's channel. */
    static boolean ownedBy(Map<String, String> tags, Request request) {
        return tags != null
                && request.stackId().equals(tags.get(Ownership.STACK_ID))
                && request.logicalResourceId().equals(tags.get(Ownership.LOGICAL_ID));
    }

    private void syncTags(String arn, Map<String, String> current, Map<String, String> wanted) {
        Map<String, String> changed = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!value.equals(current.get(key))) {
                changed.put(key, value);
            }
        });
        if (!changed.isEmpty()) {
            mediaPackage.get().tagResource(b -> b.resourceArn(arn).tags(changed));
        }
        List<String> stale = current.keySet().stream()
                .filter(key -> key.startsWith(OWN_TAG_PREFIX) && !wanted.containsKey(key))
                .sorted()
                .toList();
        if (!stale.isEmpty()) {
            mediaPackage.get().untagResource(b -> b.resourceArn(arn).tagKeys(stale));
        }
    }

    private static String description(Request request) {
        return request.properties()
                .optional(DESCRIPTION, "Live streaming channel of CloudFormation stack " + request.stackName());
    }

    private static Outcome answer(String id, String arn, HlsIngest ingest) {
        List<IngestEndpoint> endpoints = ingest == null ? List.of() : ingest.ingestEndpoints();
        if (endpoints.size() < 2) {
            throw new ResourceFailure(
                    "MediaPackage channel " + id + " has " + endpoints.size()
                            + " HLS ingest endpoints; MediaLive needs 2",
                    id);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ChannelId", id);
        data.put("Arn", arn);
        data.put("IngestUrl1", endpoints.get(0).url());
        data.put("IngestUrl2", endpoints.get(1).url());
        return Outcome.success(id, data);
    }
}
