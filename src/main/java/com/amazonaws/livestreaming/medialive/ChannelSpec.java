package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.IamRoleArn;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.profile.Packager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.InputSourceEndBehavior;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.LogLevel;

/**
 * The channel a {@code Custom::MediaLiveChannel} asks for, validated once from its properties, so the request
 * builders and the state machine never see a raw string. It names the encoding profile by reference only: loading
 * the profile (possibly from S3) is the manager's job, which keeps {@link ChannelRequests} free of I/O.
 *
 * @param name                  the channel name; defaults to {@code <StackName>-livestream}
 * @param inputId               the MediaLive input to attach
 * @param inputType             the type of that input, which decides what happens when its source ends
 * @param encodingProfile       a built-in profile name or an {@code s3://} reference
 * @param roleArn               the IAM role MediaLive assumes while the channel runs
 * @param destination           where the output group sends the ladder: a MediaPackage v1 channel or the CMAF
 *                              ingest endpoints of a MediaPackage v2 channel (the {@code Packager} property)
 * @param channelClass          STANDARD (two pipelines) or SINGLE_PIPELINE
 * @param start                 whether the channel should be running once the stack is done
 * @param logLevel              CloudWatch Logs level; empty means MediaLive's default (no logs)
 */
public record ChannelSpec(
        String name,
        String inputId,
        InputType inputType,
        String encodingProfile,
        String roleArn,
        ChannelDestination destination,
        ChannelClass channelClass,
        boolean start,
        Optional<LogLevel> logLevel) {

    public static final String NAME = "Name";
    public static final String INPUT_ID = "InputId";
    public static final String INPUT_TYPE = "InputType";
    public static final String ENCODING_PROFILE = "EncodingProfile";
    public static final String ROLE_ARN = "RoleArn";
    public static final String MEDIA_PACKAGE_CHANNEL_ID = "MediaPackageChannelId";
    public static final String CHANNEL_CLASS = "ChannelClass";
    public static final String START = "Start";
    public static final String LOG_LEVEL = "LogLevel";
    public static final String PACKAGER = "Packager";
    public static final String CMAF_INGEST_URL_1 = "CmafIngestUrl1";
    public static final String CMAF_INGEST_URL_2 = "CmafIngestUrl2";

    /** Every property the kind reads. */
    public static final Set<String> PROPERTIES = Set.of(
            NAME,
            INPUT_ID,
            INPUT_TYPE,
            ENCODING_PROFILE,
            ROLE_ARN,
            MEDIA_PACKAGE_CHANNEL_ID,
            CHANNEL_CLASS,
            START,
            LOG_LEVEL,
            PACKAGER,
            CMAF_INGEST_URL_1,
            CMAF_INGEST_URL_2);

    /** The properties that UpdateChannel applies; a change of any of them reconfigures the channel. */
    public static final Set<String> CONFIGURATION = Set.of(
            NAME,
            INPUT_ID,
            INPUT_TYPE,
            ENCODING_PROFILE,
            ROLE_ARN,
            MEDIA_PACKAGE_CHANNEL_ID,
            LOG_LEVEL,
            PACKAGER,
            CMAF_INGEST_URL_1,
            CMAF_INGEST_URL_2);

    /** The input types the MediaLiveInput kind makes, in the order its documentation lists them. */
    public static final List<String> INPUT_TYPES =
            List.of("RTP_PUSH", "RTMP_PUSH", "URL_PULL", "RTMP_PULL", "MP4_FILE", "SRT_CALLER", "MEDIACONNECT");

    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARNING", "INFO", "DEBUG", "DISABLED");

    private static final Set<InputType> LOOPING = Set.of(InputType.MP4_FILE, InputType.URL_PULL);
    private static final Pattern INGEST_URL = Pattern.compile("https://\\S+");

    /** Reads and validates the properties; each problem is an InvalidPropertyException naming the property. */
    public static ChannelSpec from(Properties properties, String stackName) {
        ChannelClass channelClass =
                ChannelClass.fromValue(properties.oneOf(CHANNEL_CLASS, StackDefaults.CHANNEL_CLASSES));
        return new ChannelSpec(
                properties.optional(NAME, stackName + "-livestream"),
                properties.required(INPUT_ID),
                InputType.fromValue(properties.oneOf(INPUT_TYPE, INPUT_TYPES)),
                properties.required(ENCODING_PROFILE),
                roleArn(properties),
                destination(properties, channelClass),
                channelClass,
                properties.yesNo(START, false),
                properties.optional(LOG_LEVEL).map(v -> LogLevel.fromValue(properties.oneOf(LOG_LEVEL, LOG_LEVELS))));
    }

    /** The role MediaLive assumes while the channel runs. */
    static String roleArn(Properties properties) {
        return properties.matching(
                ROLE_ARN, IamRoleArn.pattern(), "it must be an IAM role ARN (" + IamRoleArn.FORM + ")");
    }

    /**
     * Packager v1 sends to the MediaPackage channel {@code MediaPackageChannelId}; v2 to the CMAF ingest URLs of a
     * MediaPackage v2 channel, one per pipeline ({@code CmafIngestUrl2} is used by STANDARD channels only). The other
     * packager's properties are refused rather than ignored, so a template cannot silently send to the wrong place.
     */
    private static ChannelDestination destination(Properties properties, ChannelClass channelClass) {
        Packager packager = Packager.of(properties.oneOf(PACKAGER, Packager.VALUES, Packager.V1.value()));
        if (packager == Packager.V1) {
            for (String v2Only : List.of(CMAF_INGEST_URL_1, CMAF_INGEST_URL_2)) {
                if (properties.optional(v2Only).isPresent()) {
                    throw new InvalidPropertyException(
                            v2Only,
                            v2Only + " is for Packager v2; with Packager v1" + " MediaLive sends to "
                                    + MEDIA_PACKAGE_CHANNEL_ID);
                }
            }
            return new ChannelDestination.MediaPackageChannel(properties.required(MEDIA_PACKAGE_CHANNEL_ID));
        }
        if (properties.optional(MEDIA_PACKAGE_CHANNEL_ID).isPresent()) {
            throw new InvalidPropertyException(
                    MEDIA_PACKAGE_CHANNEL_ID,
                    MEDIA_PACKAGE_CHANNEL_ID + " is for Packager" + " v1; with Packager v2 MediaLive sends to "
                            + CMAF_INGEST_URL_1 + " and " + CMAF_INGEST_URL_2);
        }
        List<String> urls = new ArrayList<>();
        urls.add(ingestUrl(properties, CMAF_INGEST_URL_1));
        if (channelClass == ChannelClass.STANDARD) {
            urls.add(ingestUrl(properties, CMAF_INGEST_URL_2));
        }
        return new ChannelDestination.CmafIngest(urls);
    }

    static String ingestUrl(Properties properties, String name) {
        if (properties.optional(name).isEmpty()) {
            String why =
                    name.equals(CMAF_INGEST_URL_2) ? " on a STANDARD channel (its second pipeline sends there)" : "";
            throw new InvalidPropertyException(name, name + " is required with Packager v2" + why);
        }
        return properties.matching(
                name, INGEST_URL, "it must be the https:// CMAF ingest endpoint URL of a" + " MediaPackage v2 channel");
    }

    /** The packager the channel sends to, which decides the output group its profile is rendered as. */
    public Packager packager() {
        return destination.packager();
    }

    /**
     * File and HLS pull sources end; looping them keeps a demo stream on air indefinitely. Live sources continue
     * (MediaLive shows slate or fails over) when they stop.
     */
    public InputSourceEndBehavior sourceEndBehavior() {
        return LOOPING.contains(inputType) ? InputSourceEndBehavior.LOOP : InputSourceEndBehavior.CONTINUE;
    }
}
