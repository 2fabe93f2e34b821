package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.mediapackage.model.CmafPackageCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackage.model.DashPackage;
import software.amazon.awssdk.services.mediapackage.model.HlsManifestCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.HlsPackage;
import software.amazon.awssdk.services.mediapackage.model.MssPackage;
import software.amazon.awssdk.services.mediapackage.model.PlaylistType;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointRequest;

/**
 * Turns {@link PackagingSettings}, {@link AdSignalling} and {@link CdnAuthorization} into MediaPackage's create
 * and update requests. Both carry the same package block, so an Update converges the endpoint on exactly what a
 * Create with the same properties would have made. The manifest is always named {@code index}, which the demo
 * player and CloudFront paths rely on.
 */
final class EndpointPackaging {
    static final String MANIFEST_NAME = "index";
    /** The id of the one HLS manifest inside a CMAF endpoint. */
    static final String CMAF_MANIFEST_ID = "index";

    private EndpointPackaging() {}

    static CreateOriginEndpointRequest create(
            String id,
            String channelId,
            PackagingSettings settings,
            AdSignalling ads,
            Optional<CdnAuthorization> authorization,
            String description,
            Map<String, String> tags) {
        CreateOriginEndpointRequest.Builder b = CreateOriginEndpointRequest.builder()
                .id(id)
                .channelId(channelId)
                .description(description)
                .manifestName(MANIFEST_NAME)
                .tags(tags);
        settings.startoverWindowSeconds().ifPresent(b::startoverWindowSeconds);
        settings.timeDelaySeconds().ifPresent(b::timeDelaySeconds);
        authorization.map(CdnAuthorization::toSdk).ifPresent(b::authorization);
        switch (settings.type()) {
            case HLS -> b.hlsPackage(hls(settings, ads));
            case DASH -> b.dashPackage(dash(settings, ads));
            case MSS -> b.mssPackage(mss(settings));
            case CMAF -> b.cmafPackage(cmaf(settings, ads));
        }
        return b.build();
    }

    /**
     * @param previous the properties the endpoint was configured with; a startover window or time delay that was
     *                 set and is now absent is sent as 0, MediaPackage's "off", because leaving it out of an
     *                 update keeps the old value; for the same reason CDN authorization that was on and is now
     *                 absent is sent as {@link CdnAuthorization#REMOVED}
     */
    static UpdateOriginEndpointRequest update(
            String id,
            PackagingSettings settings,
            AdSignalling ads,
            Optional<CdnAuthorization> authorization,
            Properties previous,
            String description) {
        UpdateOriginEndpointRequest.Builder b = UpdateOriginEndpointRequest.builder()
                .id(id)
                .description(description)
                .manifestName(MANIFEST_NAME);
        settings.startoverWindowSeconds()
                .or(() -> previous.optional(PackagingSettings.STARTOVER_WINDOW_SECONDS)
                        .map(old -> 0))
                .ifPresent(b::startoverWindowSeconds);
        settings.timeDelaySeconds()
                .or(() ->
                        previous.optional(PackagingSettings.TIME_DELAY_SECONDS).map(old -> 0))
                .ifPresent(b::timeDelaySeconds);
        authorization
                .map(CdnAuthorization::toSdk)
                .or(() -> CdnAuthorization.from(previous).map(old -> CdnAuthorization.REMOVED))
                .ifPresent(b::authorization);
        switch (settings.type()) {
            case HLS -> b.hlsPackage(hls(settings, ads));
            case DASH -> b.dashPackage(dash(settings, ads));
            case MSS -> b.mssPackage(mss(settings));
            case CMAF -> b.cmafPackage(cmaf(settings, ads));
        }
        return b.build();
    }

    private static HlsPackage hls(PackagingSettings s, AdSignalling ads) {
        return HlsPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .playlistWindowSeconds(s.windowSeconds())
                .playlistType(PlaylistType.NONE)
                .adMarkers(ads.adMarkers())
                .adTriggers(ads.adTriggers())
                .adsOnDeliveryRestrictions(ads.adsOnDeliveryRestrictions())
                .programDateTimeIntervalSeconds(s.programDateTimeIntervalSeconds())
                .build();
    }

    private static DashPackage dash(PackagingSettings s, AdSignalling ads) {
        return DashPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .manifestWindowSeconds(s.windowSeconds())
                .suggestedPresentationDelaySeconds(s.suggestedPresentationDelaySeconds())
                .minBufferTimeSeconds(s.minBufferTimeSeconds())
                .minUpdatePeriodSeconds(s.minUpdatePeriodSeconds())
                .adTriggers(ads.adTriggers())
                .adsOnDeliveryRestrictions(ads.adsOnDeliveryRestrictions())
                .periodTriggers(ads.periodTriggers())
                .build();
    }

    private static MssPackage mss(PackagingSettings s) {
        return MssPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .manifestWindowSeconds(s.windowSeconds())
                .build();
    }

    private static CmafPackageCreateOrUpdateParameters cmaf(PackagingSettings s, AdSignalling ads) {
        return CmafPackageCreateOrUpdateParameters.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .hlsManifests(HlsManifestCreateOrUpdateParameters.builder()
                        .id(CMAF_MANIFEST_ID)
                        .manifestName(MANIFEST_NAME)
                        .playlistWindowSeconds(s.windowSeconds())
                        .playlistType(PlaylistType.NONE)
                        .adMarkers(ads.adMarkers())
                        .adTriggers(ads.adTriggers())
                        .adsOnDeliveryRestrictions(ads.adsOnDeliveryRestrictions())
                        .programDateTimeIntervalSeconds(s.programDateTimeIntervalSeconds())
                        .build())
                .build();
    }
}
