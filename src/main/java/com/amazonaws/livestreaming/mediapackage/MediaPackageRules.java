package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.cfn.PropertyRules.ifValid;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.MAX_SEGMENT_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.MAX_STARTOVER_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.MAX_TIME_DELAY_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.MAX_WINDOW_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.MIN_TIME_DELAY_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.SEGMENT_LENGTH;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.STARTOVER_WINDOW_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.TIME_DELAY_SECONDS;
import static com.amazonaws.livestreaming.mediapackage.PackagingSettings.WINDOW_SECONDS;

import com.amazonaws.livestreaming.cfn.PropertyRules;

/**
 * The up-front checks of the MediaPackage kinds: the same accessors and limits their managers read with, one check
 * per independent property, so that every problem of an event is reported at once.
 */
final class MediaPackageRules {
    /** {@code Custom::MediaPackageChannel}: an explicit ChannelId must be a MediaPackage id. */
    static final PropertyRules CHANNEL =
            PropertyRules.builder().check(MediaPackageIds::explicitChannelId).build();

    /**
     * {@code Custom::MediaPackageEndpoint}: the type, the channel id (with room for the type's suffix when the type
     * is valid), each timing on its own, then what the timings must satisfy together, the ad signalling the type
     * allows (its triggers may be JSON lists) and CDN authorization.
     */
    static final PropertyRules ENDPOINT = PropertyRules.builder()
            .list(AdSignalling.AD_TRIGGERS, AdSignalling.PERIOD_TRIGGERS)
            .check(MediaPackageEndpointManager::type)
            .check(p -> MediaPackageIds.endpointChannelId(
                    p, ifValid(() -> MediaPackageEndpointManager.type(p)).orElse(null)))
            .check(p -> p.optionalIntInRange(SEGMENT_LENGTH, 1, MAX_SEGMENT_SECONDS))
            .check(p -> p.optionalIntInRange(WINDOW_SECONDS, 1, MAX_WINDOW_SECONDS))
            .check(p -> p.optionalIntInRange(STARTOVER_WINDOW_SECONDS, 1, MAX_STARTOVER_SECONDS))
            .check(p -> p.optionalIntInRange(TIME_DELAY_SECONDS, MIN_TIME_DELAY_SECONDS, MAX_TIME_DELAY_SECONDS))
            .check(p -> ifValid(() -> MediaPackageEndpointManager.type(p))
                    .ifPresent(type -> PackagingSettings.from(p, type)))
            .check(p ->
                    ifValid(() -> MediaPackageEndpointManager.type(p)).ifPresent(type -> AdSignalling.from(p, type)))
            .check(CdnAuthorization::from)
            .build();

    private MediaPackageRules() {}
}
