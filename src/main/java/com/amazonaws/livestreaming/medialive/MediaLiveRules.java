package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.ChannelSpec.CHANNEL_CLASS;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.CHANNEL_CLASSES;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.ENCODING_PROFILE;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_ID;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_TYPE;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.INPUT_TYPES;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.LOG_LEVEL;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.LOG_LEVELS;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.NAME;
import static com.amazonaws.livestreaming.medialive.ChannelSpec.START;

import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.mediapackage.MediaPackageIds;
import com.amazonaws.livestreaming.profile.EncodingProfiles;

/**
 * The up-front checks of the MediaLive kinds, through the same readers their managers use. URLs and the input id
 * must be ASCII (a URL percent-encodes anything else); every other limit is the default unless named here.
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
            .ascii(INPUT_ID)
            .check(p -> p.required(INPUT_ID))
            .check(p -> p.oneOf(INPUT_TYPE, INPUT_TYPES))
            .check(p -> EncodingProfiles.checkReference(p.required(ENCODING_PROFILE)))
            .check(ChannelSpec::roleArn)
            .check(p -> MediaPackageIds.checkedChannelId(MEDIA_PACKAGE_CHANNEL_ID,
                    p.required(MEDIA_PACKAGE_CHANNEL_ID)))
            .check(p -> p.oneOf(CHANNEL_CLASS, CHANNEL_CLASSES))
            .check(p -> p.yesNo(START, false))
            .check(p -> p.optional(LOG_LEVEL).ifPresent(level -> p.oneOf(LOG_LEVEL, LOG_LEVELS)))
            .check(p -> ChannelSpec.from(p, "stack"))
            .build();

    private MediaLiveRules() {
    }
}
