package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackage.model.CmafPackage;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackage.model.DescribeOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackage.model.NotFoundException;
import software.amazon.awssdk.services.mediapackage.model.UnprocessableEntityException;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointResponse;

/**
 * {@code Custom::MediaPackageEndpoint}: one origin endpoint (HLS, DASH, MSS or CMAF) on a MediaPackage channel,
 * with live settings chosen for a CloudFront-fronted stream (see {@link PackagingSettings}). The id is
 * {@code <ChannelId>-<type>}, so a repeated Create finds its own endpoint; a changed type or channel is a new
 * endpoint with a new id, which CloudFormation then treats as a replacement.
 *
 * <p>MediaPackage is eventually consistent: an endpoint created right after its channel can be told the channel
 * does not exist. That NotFound is retried with a short bounded backoff before the Create fails.
 *
 * <p>Ad signalling ({@link AdSignalling}) and CDN authorization ({@link CdnAuthorization}) are part of every
 * create and update; turning either on or off is an update in place (same id, same URL).
 *
 * <p>Data: {@code Id}, {@code Url}, {@code DomainName}, {@code Path}, {@code Manifest} (see {@link EndpointUrl}).
 */
public final class MediaPackageEndpointManager implements ResourceManager {
    static final String KIND = "MediaPackageEndpoint";
    static final String END_POINT = "EndPoint";
    /** Production backoff for a channel not yet visible: about 30 s in all, well inside the Lambda's budget. */
    public static final List<Duration> CHANNEL_NOT_FOUND_BACKOFF = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(15));

    private static final ResourceSpec SPEC = new ResourceSpec(
            KIND,
            properties(),
            Set.of("Id", "Url", "DomainName", "Path", "Manifest"),
            Set.of(
                    "MediaPackage:CreateOriginEndpoint",
                    "MediaPackage:DescribeOriginEndpoint",
                    "MediaPackage:UpdateOriginEndpoint",
                    "MediaPackage:DeleteOriginEndpoint"));

    private final Supplier<MediaPackageClient> mediaPackage;
    private final List<Duration> notFoundBackoff;

    private static Set<String> properties() {
        Set<String> names = new HashSet<>(Set.of(
                MediaPackageIds.CHANNEL_ID,
                END_POINT,
                PackagingSettings.SEGMENT_LENGTH,
                PackagingSettings.WINDOW_SECONDS,
                PackagingSettings.STARTOVER_WINDOW_SECONDS,
                PackagingSettings.TIME_DELAY_SECONDS,
                CdnAuthorization.CDN_IDENTIFIER_SECRET,
                CdnAuthorization.SECRETS_ROLE_ARN));
        names.addAll(AdSignalling.PROPERTIES);
        return names;
    }

    public MediaPackageEndpointManager(AwsClients clients) {
        this(clients, CHANNEL_NOT_FOUND_BACKOFF);
    }

    /** @param notFoundBackoff the waits between CreateOriginEndpoint attempts while the channel is not found */
    public MediaPackageEndpointManager(AwsClients clients, List<Duration> notFoundBackoff) {
        this.mediaPackage = Objects.requireNonNull(clients, "clients")::mediaPackage;
        this.notFoundBackoff = List.copyOf(notFoundBackoff);
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
    }

    @Override
    public PropertyRules propertyRules() {
        return MediaPackageRules.ENDPOINT;
    }

    @Override
    public Outcome create(Request request, Invocation invocation) {
        EndpointType type = type(request.properties());
        String channelId = MediaPackageIds.endpointChannelId(request, type);
        PackagingSettings settings = PackagingSettings.from(request.properties(), type);
        AdSignalling ads = AdSignalling.from(request.properties(), type);
        Optional<CdnAuthorization> authorization = CdnAuthorization.from(request.properties());
        String id = MediaPackageIds.endpointId(channelId, type);
        CreateOriginEndpointRequest create = EndpointPackaging.create(
                id, channelId, settings, ads, authorization, description(request, type), Ownership.tags(request));
        invocation.step("creating MediaPackage " + type + " endpoint " + id);
        try {
            CreateOriginEndpointResponse created = createWhenChannelVisible(create, channelId, invocation);
            invocation.made(id);
            invocation.log().info("origin endpoint created", Map.of("endpointId", id, "type", type.name()));
            return answer(id, type, created.url(), created.cmafPackage());
        } catch (UnprocessableEntityException refused) {
            DescribeOriginEndpointResponse existing = describeIfExists(id).orElseThrow(() -> refused);
            if (!channelId.equals(existing.channelId())
                    || !MediaPackageChannelManager.ownedBy(existing.tags(), request)) {
                throw new ResourceFailure("MediaPackage origin endpoint '" + id + "' already exists (on channel '"
                        + existing.channelId() + "') and was not made by " + request.logicalResourceId()
                        + " of this stack for channel '" + channelId + "'");
            }
            invocation.made(id);
            invocation
                    .log()
                    .info(
                            "origin endpoint already exists and is this resource's; reusing it",
                            Map.of("endpointId", id));
            return answer(id, type, existing.url(), existing.cmafPackage());
        }
    }

    @Override
    public Outcome update(Request request, Invocation invocation) {
        EndpointType type = type(request.properties());
        String channelId = MediaPackageIds.endpointChannelId(request, type);
        PackagingSettings settings = PackagingSettings.from(request.properties(), type);
        AdSignalling ads = AdSignalling.from(request.properties(), type);
        Optional<CdnAuthorization> authorization = CdnAuthorization.from(request.properties());
        Properties old = request.oldProperties();
        boolean sameEndpoint = type.name().equals(old.optional(END_POINT).orElse(null))
                && channelId.equals(old.optional(MediaPackageIds.CHANNEL_ID).orElse(null));
        String id = request.physicalResourceId();
        if (!sameEndpoint && !MediaPackageIds.endpointId(channelId, type).equals(id)) {
            invocation
                    .log()
                    .info(
                            "endpoint type or channel changed; creating a replacement",
                            Map.of("from", String.valueOf(id), "to", MediaPackageIds.endpointId(channelId, type)));
            return create(request, invocation);
        }
        invocation.step("updating MediaPackage " + type + " endpoint " + id);
        UpdateOriginEndpointResponse updated = mediaPackage
                .get()
                .updateOriginEndpoint(
                        EndpointPackaging.update(id, settings, ads, authorization, old, description(request, type)));
        if (authorization.isEmpty() && CdnAuthorization.isOn(updated.authorization())) {
            throw new ResourceFailure("MediaPackage kept CDN authorization on origin endpoint " + id + " after an "
                    + "update that removes it (the endpoint still names secret "
                    + updated.authorization().cdnIdentifierSecret()
                    + "); players without the X-MediaPackage-CDNIdentifier header still get"
                    + " 403 from it");
        }
        return answer(id, type, updated.url(), updated.cmafPackage());
    }

    /** Deletes the endpoint the id names; see {@link NamedDelete} for an id that names nothing. */
    @Override
    public Outcome delete(Request request, Invocation invocation) {
        return new NamedDelete(
                        "MediaPackage origin endpoint",
                        id -> deleteEndpoint(id, invocation),
                        () -> {
                            EndpointType type = type(request.properties());
                            return MediaPackageIds.endpointId(MediaPackageIds.endpointChannelId(request, type), type);
                        },
                        id -> describeIfExists(id)
                                .filter(e -> request.properties()
                                        .optional(MediaPackageIds.CHANNEL_ID)
                                        .map(e.channelId()::equals)
                                        .orElse(false))
                                .map(e -> e.tags()))
                .run(request, invocation);
    }

    /** DeleteOriginEndpoint; false when MediaPackage says there is no such endpoint. */
    private boolean deleteEndpoint(String id, Invocation invocation) {
        invocation.step("deleting MediaPackage origin endpoint " + id);
        try {
            mediaPackage.get().deleteOriginEndpoint(b -> b.id(id));
            invocation.log().info("origin endpoint deleted", Map.of("endpointId", id));
            return true;
        } catch (NotFoundException gone) {
            invocation.log().info("origin endpoint already gone", Map.of("endpointId", id));
            return false;
        }
    }

    /** CreateOriginEndpoint, retried while MediaPackage does not yet see the channel it was just asked to make. */
    private CreateOriginEndpointResponse createWhenChannelVisible(
            CreateOriginEndpointRequest create, String channelId, Invocation invocation) {
        for (int attempt = 0; ; attempt++) {
            try {
                return mediaPackage.get().createOriginEndpoint(create);
            } catch (NotFoundException notYet) {
                if (attempt >= notFoundBackoff.size()) {
                    throw new ResourceFailure("MediaPackage channel '" + channelId + "' (ChannelId) was still not "
                            + "found after " + (attempt + 1) + " attempts to create endpoint " + create.id()
                            + "; check that ChannelId names an existing channel in this Region");
                }
                Duration wait = notFoundBackoff.get(attempt);
                invocation
                        .log()
                        .warn(
                                "channel not found yet; retrying",
                                Map.of("channelId", channelId, "attempt", attempt + 1, "waitMillis", wait.toMillis()));
                invocation.step("waiting for MediaPackage channel " + channelId + " to be visible");
                invocation.sleep(wait);
            }
        }
    }

    private Optional<DescribeOriginEndpointResponse> describeIfExists(String id) {
        try {
            return Optional.of(mediaPackage.get().describeOriginEndpoint(b -> b.id(id)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static EndpointType type(Properties properties) {
        return EndpointType.valueOf(properties.oneOf(END_POINT, EndpointType.names()));
    }

    private static String description(Request request, EndpointType type) {
        return type + " origin endpoint of CloudFormation stack " + request.stackName();
    }

    /** For CMAF the playable URL is that of its HLS manifest; the endpoint's own URL is not a manifest. */
    private static Outcome answer(String id, EndpointType type, String url, CmafPackage cmaf) {
        String playable = type == EndpointType.CMAF
                ? Optional.ofNullable(cmaf)
                        .filter(CmafPackage::hasHlsManifests)
                        .flatMap(c -> c.hlsManifests().stream()
                                .map(m -> m.url())
                                .filter(Objects::nonNull)
                                .findFirst())
                        .orElse(null)
                : url;
        EndpointUrl parsed;
        try {
            parsed = EndpointUrl.parse(playable);
        } catch (ResourceFailure e) {
            throw new ResourceFailure(e.getMessage(), id);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Id", id);
        data.put("Url", parsed.url());
        data.put("DomainName", parsed.domainName());
        data.put("Path", parsed.path());
        data.put("Manifest", parsed.manifest());
        return Outcome.success(id, data);
    }
}
