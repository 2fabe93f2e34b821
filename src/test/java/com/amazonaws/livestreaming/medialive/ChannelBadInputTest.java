package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.testing.BadInput.empty;
import static com.amazonaws.livestreaming.testing.BadInput.missing;
import static com.amazonaws.livestreaming.testing.BadInput.value;

import com.amazonaws.livestreaming.testing.BadInput;
import com.amazonaws.livestreaming.testing.BadInputMatrix;
import com.amazonaws.livestreaming.testing.BadInputSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every property of {@code Custom::MediaLiveChannel}, wrong in every way: one FAILED answer, no AWS call. */
class ChannelBadInputTest extends BadInputSuite {
    private static final String KIND = "MediaLiveChannel";
    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaLiveAccessRole";
    private static final Map<String, Object> VALID = Map.of(
            "Name",
            "demo-stack-livestream",
            "InputId",
            "1234567",
            "InputType",
            "URL_PULL",
            "EncodingProfile",
            "720p",
            "RoleArn",
            ROLE,
            "MediaPackageChannelId",
            "demo-stack-livestream",
            "ChannelClass",
            "SINGLE_PIPELINE",
            "Start",
            "No",
            "LogLevel",
            "ERROR");
    private static final String INGEST =
            "https://abc123.ingest.vwxyz.mediapackagev2.us-east-1.amazonaws.com/in/v1/" + "demo/1/demo-channel/index";
    /** A Packager v2 channel: CMAF ingest instead of a MediaPackage (v1) channel id. */
    private static final Map<String, Object> V2 = Map.of(
            "InputId",
            "1234567",
            "InputType",
            "URL_PULL",
            "EncodingProfile",
            "720p",
            "RoleArn",
            ROLE,
            "ChannelClass",
            "SINGLE_PIPELINE",
            "Packager",
            "v2",
            "CmafIngestUrl1",
            INGEST);

    private static final String INPUT_TYPES =
            "allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE," + " SRT_CALLER, MEDIACONNECT";
    private static final String PROFILES = "allowed values: 1080p, 720p, 540p, or s3://bucket/key.json";
    private static final String ROLE_RULE = "it must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)";
    private static final String MP_ID_RULE = "a MediaPackage id may contain only letters, digits, hyphens (-) and"
            + " underscores (_), 1 to 256 characters";
    private static final String CLASSES = "allowed values: STANDARD, SINGLE_PIPELINE";
    private static final String LEVELS = "allowed values: ERROR, WARNING, INFO, DEBUG, DISABLED";

    ChannelBadInputTest() {
        super(KIND);
    }

    static Stream<BadInput> refused() {
        return Stream.concat(
                Stream.of(
                        value(
                                VALID,
                                "Name",
                                "257 characters",
                                "n".repeat(257),
                                "Name is 257 characters long; at most 256 are" + " allowed"),
                        missing(VALID, "InputId", "InputId is required"),
                        empty(VALID, "InputId", "InputId is required"),
                        value(
                                VALID,
                                "InputId",
                                "non-ASCII digits",
                                "１２３",
                                "InputId contains a non-ASCII character"
                                        + " (U+FF11) at position 1; only ASCII is allowed here (percent-encode other characters in a"
                                        + " URL)"),
                        missing(VALID, "InputType", "InputType is required; " + INPUT_TYPES),
                        value(VALID, "InputType", "unknown", "RTSP_PUSH", "InputType is 'RTSP_PUSH'; " + INPUT_TYPES),
                        value(VALID, "InputType", "lower case", "url_pull", "InputType is 'url_pull'; " + INPUT_TYPES),
                        missing(VALID, "EncodingProfile", "EncodingProfile is required"),
                        empty(VALID, "EncodingProfile", "EncodingProfile is required"),
                        value(VALID, "EncodingProfile", "unknown", "4k", "EncodingProfile is '4k'; " + PROFILES),
                        value(
                                VALID,
                                "EncodingProfile",
                                "an S3 bucket without a key",
                                "s3://profiles",
                                "EncodingProfile is 's3://profiles'; " + PROFILES),
                        value(
                                VALID,
                                "EncodingProfile",
                                "an https URL",
                                "https://example.com/p.json",
                                "EncodingProfile is 'https://example.com/p.json'; " + PROFILES),
                        missing(VALID, "RoleArn", "RoleArn is required"),
                        value(
                                VALID,
                                "RoleArn",
                                "a role name",
                                "MediaLiveAccessRole",
                                "RoleArn is 'MediaLiveAccessRole'; " + ROLE_RULE),
                        value(
                                VALID,
                                "RoleArn",
                                "a user ARN",
                                "arn:aws:iam::123456789012:user/alice",
                                "RoleArn is 'arn:aws:iam::123456789012:user/alice'; " + ROLE_RULE),
                        missing(VALID, "MediaPackageChannelId", "MediaPackageChannelId is required"),
                        value(
                                VALID,
                                "MediaPackageChannelId",
                                "with a space",
                                "demo livestream",
                                "MediaPackageChannelId is 'demo livestream'; " + MP_ID_RULE),
                        value(
                                VALID,
                                "MediaPackageChannelId",
                                "non-ASCII",
                                "kanal-ü",
                                "MediaPackageChannelId is 'kanal-ü'; " + MP_ID_RULE),
                        missing(VALID, "ChannelClass", "ChannelClass is required; " + CLASSES),
                        value(VALID, "ChannelClass", "unknown", "DUAL", "ChannelClass is 'DUAL'; " + CLASSES),
                        value(VALID, "Start", "unknown", "maybe", "Start is 'maybe'; allowed values: Yes, No"),
                        value(VALID, "Start", "a JSON number", 1, "Start is '1'; allowed values: Yes, No"),
                        value(VALID, "LogLevel", "unknown", "VERBOSE", "LogLevel is 'VERBOSE'; " + LEVELS),
                        value(VALID, "Packager", "unknown", "v3", "Packager is 'v3'; allowed values: v1, v2"),
                        value(
                                V2,
                                "MediaPackageChannelId",
                                "with Packager v2",
                                "demo-stack-livestream",
                                "MediaPackageChannelId is for Packager v1; with Packager v2 MediaLive sends to CmafIngestUrl1"
                                        + " and CmafIngestUrl2"),
                        missing(V2, "CmafIngestUrl1", "CmafIngestUrl1 is required with Packager v2"),
                        value(
                                V2,
                                "CmafIngestUrl1",
                                "http",
                                "http://ingest.example.com/in/v1/index",
                                "CmafIngestUrl1 is"
                                        + " 'http://ingest.example.com/in/v1/index'; it must be the https:// CMAF ingest endpoint URL of"
                                        + " a MediaPackage v2 channel"),
                        value(
                                VALID,
                                "CmafIngestUrl1",
                                "with Packager v1",
                                INGEST,
                                "CmafIngestUrl1 is for Packager v2; with"
                                        + " Packager v1 MediaLive sends to MediaPackageChannelId"),
                        value(
                                VALID,
                                "Strat",
                                "a misspelt property",
                                "Yes",
                                "Strat is not a property of Custom::MediaLiveChannel; did you mean Start?"),
                        value(
                                VALID,
                                "EncodingProfil",
                                "a misspelt property",
                                "720p",
                                "EncodingProfil is not a property of Custom::MediaLiveChannel; did you mean EncodingProfile?")),
                BadInputMatrix.everyProperty(KIND, VALID));
    }

    static Stream<BadInput> accepted() {
        return Stream.of(
                missing(VALID, "Name", "absent: <StackName>-livestream"),
                value(VALID, "Name", "non-ASCII", "Übertragung-直播", "any text"),
                value(VALID, "Name", "256 characters", "n".repeat(256), "the longest name"),
                value(VALID, "EncodingProfile", "an S3 profile", "s3://profiles/ladders/qualité.json", "read later"),
                value(VALID, "Start", "a JSON boolean", true, "read as \"true\""),
                value(VALID, "Start", "true", "true", "a flag"),
                missing(VALID, "Start", "absent: No"),
                empty(VALID, "LogLevel", "blank: MediaLive's default"),
                value(VALID, "InputId", "a JSON number", 1234567, "read as \"1234567\""));
    }

    @Test
    void everyIndependentProblemIsReportedInOneAnswer() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("InputType", "RTSP_PUSH");
        properties.put("EncodingProfile", "4k");
        properties.put("RoleArn", "MediaLiveAccessRole");
        properties.put("MediaPackageChannelId", "demo-stack-livestream");
        properties.put("ChannelClass", "SINGLE_PIPELINE");
        properties.put("Start", "maybe");

        assertCreateRefused(
                properties,
                "5 problems: (1) InputType is 'RTSP_PUSH'; " + INPUT_TYPES + "; (2)"
                        + " EncodingProfile is '4k'; " + PROFILES + "; (3) RoleArn is 'MediaLiveAccessRole'; "
                        + ROLE_RULE
                        + "; (4) Start is 'maybe'; allowed values: Yes, No; (5) InputId is required");
    }

    @Test
    void aBadUpdateKeepsTheChannelsIdAndCallsNoAws() {
        Map<String, Object> properties = new LinkedHashMap<>(VALID);
        properties.put("LogLevel", "VERBOSE");

        assertUpdateRefused("1234567", properties, VALID, "LogLevel is 'VERBOSE'; " + LEVELS);
    }
}
