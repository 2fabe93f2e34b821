package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Map;
import software.amazon.awssdk.services.mediapackage.model.CmafPackageCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackage.model.DashPackage;
import software.amazon.awssdk.services.mediapackage.model.HlsManifestCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.HlsPackage;
import software.amazon.awssdk.services.mediapackage.model.MssPackage;
import software.amazon.awssdk.services.mediapackage.model.PlaylistType;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointRequest;

/**
 * Turns {@link PackagingSettings} into MediaPackage's create and update requests. Both carry the same package
 * block, so an Update converges the endpoint on exactly what a Create with the same properties would have made.
 * The manifest is always named {@code index}, which the demo player and CloudFront paths rely on.
 */
final class EndpointPackaging {
    static final String MANIFEST_NAME = "index";
    /** The id of the one HLS manifest inside a CMAF endpoint. */
    static final String CMAF_MANIFEST_ID = "index";

    private EndpointPackaging() {
    }

    static CreateOriginEndpointRequest create(String id, String channelId, PackagingSettings settings,
                                              String description, Map<String, String> tags) {
        CreateOriginEndpointRequest.Builder b = CreateOriginEndpointRequest.builder()
                .id(id)
                .channelId(channelId)
                .description(description)
                .manifestName(MANIFEST_NAME)
                .tags(tags);
        settings.startoverWindowSeconds().ifPresent(b::startoverWindowSeconds);
        settings.timeDelaySeconds().ifPresent(b::timeDelaySeconds);
        switch (settings.type()) {
            case HLS -> b.hlsPackage(hls(settings));
            case DASH -> b.dashPackage(dash(settings));
            case MSS -> b.mssPackage(mss(settings));
            case CMAF -> b.cmafPackage(cmaf(settings));
        }
        return b.build();
    }

    /**
     * @param previous the properties the endpoint was configured with; a startover window or time delay that was
     *                 set and is now absent is sent as 0, MediaPackage's "off", because leaving it out of an
     *                 update keeps the old value
     */
    static UpdateOriginEndpointRequest update(String id, PackagingSettings settings, Properties previous,
                                              String description) {
        UpdateOriginEndpointRequest.Builder b = UpdateOriginEndpointRequest.builder()
                .id(id)
                .description(description)
                .manifestName(MANIFEST_NAME);
        settings.startoverWindowSeconds()
                .or(() -> previous.optional(PackagingSettings.STARTOVER_WINDOW_SECONDS).map(old -> 0))
                .ifPresent(b::startoverWindowSeconds);
        settings.timeDelaySeconds()
                .or(() -> previous.optional(PackagingSettings.TIME_DELAY_SECONDS).map(old -> 0))
                .ifPresent(b::timeDelaySeconds);
        switch (settings.type()) {
            case HLS -> b.hlsPackage(hls(settings));
            case DASH -> b.dashPackage(dash(settings));
            case MSS -> b.mssPackage(mss(settings));
            case CMAF -> b.cmafPackage(cmaf(settings));
        }
        return b.build();
    }

    private static HlsPackage hls(PackagingSettings s) {
        return HlsPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .playlistWindowSeconds(s.windowSeconds())
                .playlistType(PlaylistType.NONE)
                .build();
    }

    private static DashPackage dash(PackagingSettings s) {
        return DashPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .manifestWindowSeconds(s.windowSeconds())
                .suggestedPresentationDelaySeconds(s.suggestedPresentationDelaySeconds())
                .minBufferTimeSeconds(s.minBufferTimeSeconds())
                .minUpdatePeriodSeconds(s.minUpdatePeriodSeconds())
                .build();
    }

    private static MssPackage mss(PackagingSettings s) {
        return MssPackage.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .manifestWindowSeconds(s.windowSeconds())
                .build();
    }

    private static CmafPackageCreateOrUpdateParameters cmaf(PackagingSettings s) {
        return CmafPackageCreateOrUpdateParameters.builder()
                .segmentDurationSeconds(s.segmentSeconds())
                .hlsManifests(HlsManifestCreateOrUpdateParameters.builder()
                        .id(CMAF_MANIFEST_ID)
                        .manifestName(MANIFEST_NAME)
                        .playlistWindowSeconds(s.windowSeconds())
                        .playlistType(PlaylistType.NONE)
                        .build())
                .build();
    }
}
