package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.ChannelSpec.CHANNEL_CLASS;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.CMAF_INGEST_URL_1;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.CMAF_INGEST_URL_2;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.ENCODING_PROFILE;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_TYPE;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_TYPES;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.LOG_LEVEL;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.LOG_LEVELS;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.NAME;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.PACKAGER;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.START;
import static com.amazonaws.livestreaming.medialive.StackDefaults.CHANNEL_CLASSES;

import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.mediapackage.MediaPackageIds;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.profile.Packager;

/**
 * The up-front checks of the MediaLive kinds, through the same readers their managers use. URLs and the input id
 * must be ASCII (a URL percent-encodes anything else); every other limit is the default unless named here. Which
 * destination a channel needs (MediaPackageChannelId for Packager v1, the CMAF ingest URLs for v2) is checked with
 * the whole spec, once the packager is known.
 */
final class MediaLiveRules {
    /** The longest channel name accepted: room for the default {@code <StackName>-livestream} (at most 139). */
    static final int MAX_CHANNEL_NAME = 256;

    /** {@code Custom::MediaLiveInput}: {@link InputSettings#from} reports every independent problem itself. */
    static final PropertyRules INPUT = PropertyRules.builder()
            .list(CidrList.PROPERTY)
            .ascii("PriUrl", "SecUrl", "PriSrtUrl", "SecSrtUrl")
            .check(InputSettings::from)
            .build();

    /** {@code Custom::MediaLiveChannel}: one check per property, then the whole spec as the manager reads it. */
    static final PropertyRules CHANNEL = PropertyRules.builder()
            .maxLength(MAX_CHANNEL_NAME, NAME)
            .ascii(INPUT_ID, CMAF_INGEST_URL_1, CMAF_INGEST_URL_2)
            .check(p -> p.required(INPUT_ID))
            .check(p -> p.oneOf(INPUT_TYPE, INPUT_TYPES))
            .check(p -> EncodingProfiles.checkReference(p.required(ENCODING_PROFILE)))
            .check(ChannelSpec::roleArn)
            .check(p -> p.optional(MEDIA_PACKAGE_CHANNEL_ID)
                    .ifPresent(id -> MediaPackageIds.checkedChannelId(MEDIA_PACKAGE_CHANNEL_ID, id)))
            .check(p -> p.oneOf(PACKAGER, Packager.VALUES, Packager.V1.value()))
            .check(p -> p.optional(CMAF_INGEST_URL_1).ifPresent(url -> ChannelSpec.ingestUrl(p, CMAF_INGEST_URL_1)))
            .check(p -> p.optional(CMAF_INGEST_URL_2).ifPresent(url -> ChannelSpec.ingestUrl(p, CMAF_INGEST_URL_2)))
            .check(p -> p.oneOf(CHANNEL_CLASS, CHANNEL_CLASSES))
            .check(p -> p.yesNo(START, false))
            .check(p -> p.optional(LOG_LEVEL).ifPresent(level -> p.oneOf(LOG_LEVEL, LOG_LEVELS)))
            .check(p -> ChannelSpec.from(p, "stack"))
            .build();

    private MediaLiveRules() {}
}
