package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.profile.Packager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.LogLevel;

class ChannelSpecTest {
    private static ChannelSpec spec(Map<String, Object> properties) {
        return ChannelSpec.from(Properties.of(properties), "demo-stack");
    }

    private static String reason(Map<String, Object> properties) {
        return assertThrows(InvalidPropertyException.class, () -> spec(properties))
                .getMessage();
    }

    @Test
    void typicalPropertiesAreReadWithTheirDefaults() {
        ChannelSpec spec = spec(properties());

        assertEquals(
                new ChannelSpec(
                        "demo-stack-livestream",
                        "2468013",
                        InputType.RTMP_PUSH,
                        "720p",
                        "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole",
                        new ChannelDestination.MediaPackageChannel("demo-stack-livestream"),
                        ChannelClass.STANDARD,
                        false,
                        Optional.empty()),
                spec);
        assertEquals(Packager.V1, spec.packager());
    }

    @Test
    void packagerV2OnAStandardChannelSendsToBothIngestEndpoints() {
        ChannelSpec spec = spec(v2("CmafIngestUrl2", INGEST_2));

        assertEquals(new ChannelDestination.CmafIngest(List.of(INGEST_1, INGEST_2)), spec.destination());
        assertEquals(Packager.V2, spec.packager());
    }

    @Test
    void packagerV2OnASinglePipelineChannelSendsToTheFirstIngestEndpointOnly() {
        ChannelSpec spec = spec(v2("CmafIngestUrl2", INGEST_2, "ChannelClass", "SINGLE_PIPELINE"));

        assertEquals(new ChannelDestination.CmafIngest(List.of(INGEST_1)), spec.destination());
    }

    @Test
    void packagerV2NeedsTheFirstIngestUrl() {
        assertEquals(
                "CmafIngestUrl1 is required with Packager v2",
                reason(v2("CmafIngestUrl1", "", "ChannelClass", "SINGLE_PIPELINE")));
    }

    @Test
    void packagerV2OnAStandardChannelNeedsTheSecondIngestUrl() {
        assertEquals(
                "CmafIngestUrl2 is required with Packager v2 on a STANDARD channel (its second pipeline sends "
                        + "there)",
                reason(v2()));
    }

    @Test
    void ingestUrlMustBeHttps() {
        assertEquals(
                "CmafIngestUrl1 is 'rtmp://example.com/live'; it must be the https:// CMAF ingest endpoint URL "
                        + "of a MediaPackage v2 channel",
                reason(v2("CmafIngestUrl1", "rtmp://example.com/live", "ChannelClass", "SINGLE_PIPELINE")));
    }

    @Test
    void packagerV2RefusesAMediaPackageV1ChannelId() {
        assertEquals(
                "MediaPackageChannelId is for Packager v1; with Packager v2 MediaLive sends to CmafIngestUrl1 "
                        + "and CmafIngestUrl2",
                reason(v2("CmafIngestUrl2", INGEST_2, "MediaPackageChannelId", "demo")));
    }

    @Test
    void packagerV1RefusesIngestUrls() {
        assertEquals(
                "CmafIngestUrl1 is for Packager v2; with Packager v1 MediaLive sends to MediaPackageChannelId",
                reason(properties("CmafIngestUrl1", INGEST_1)));
    }

    @Test
    void unknownPackagerNamesTheAllowedValues() {
        assertEquals("Packager is 'v3'; allowed values: v1, v2", reason(properties("Packager", "v3")));
    }

    private static final String INGEST_1 =
            "https://abc123-1.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com" + "/in/v1/demo-stack/1/live/";
    private static final String INGEST_2 =
            "https://abc123-2.ingest.xyz.mediapackagev2.us-east-1.amazonaws.com" + "/in/v1/demo-stack/1/live/";

    /** Packager v2 properties: the v1 channel id removed, the first ingest URL given, then the overrides. */
    private static Map<String, Object> v2(String... overrides) {
        Map<String, Object> properties =
                properties("Packager", "v2", "MediaPackageChannelId", "", "CmafIngestUrl1", INGEST_1);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    @Test
    void startAndLogLevelAreRead() {
        ChannelSpec spec = spec(properties("Start", "Yes", "LogLevel", "DEBUG"));

        assertTrue(spec.start());
        assertEquals(Optional.of(LogLevel.DEBUG), spec.logLevel());
    }

    @Test
    void unknownInputTypeNamesTheAllowedValues() {
        assertEquals(
                "InputType is 'UDP_PUSH'; allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE, "
                        + "SRT_CALLER, MEDIACONNECT",
                reason(properties("InputType", "UDP_PUSH")));
    }

    @Test
    void unknownChannelClassNamesTheAllowedValues() {
        assertEquals(
                "ChannelClass is 'DOUBLE'; allowed values: STANDARD, SINGLE_PIPELINE",
                reason(properties("ChannelClass", "DOUBLE")));
    }

    @Test
    void unknownLogLevelNamesTheAllowedValues() {
        assertEquals(
                "LogLevel is 'VERBOSE'; allowed values: ERROR, WARNING, INFO, DEBUG, DISABLED",
                reason(properties("LogLevel", "VERBOSE")));
    }

    @Test
    void startMustBeYesOrNo() {
        assertEquals("Start is 'maybe'; allowed values: Yes, No", reason(properties("Start", "maybe")));
    }

    @Test
    void roleArnMustBeAnIamRole() {
        assertEquals(
                "RoleArn is 'MediaLiveAccessRole'; it must be an IAM role ARN "
                        + "(arn:aws:iam::<account>:role/<name>)",
                reason(properties("RoleArn", "MediaLiveAccessRole")));
    }

    @Test
    void missingInputIdIsNamed() {
        assertEquals("InputId is required", reason(properties("InputId", "")));
    }

    @Test
    void onlyFileAndHlsPullSourcesLoop() {
        for (String type : ChannelSpec.INPUT_TYPES) {
            boolean loops = spec(properties("InputType", type))
                    .sourceEndBehavior()
                    .toString()
                    .equals("LOOP");
            assertEquals(type.equals("MP4_FILE") || type.equals("URL_PULL"), loops, type);
        }
    }

    @Test
    void renderedCreateRequestNeedsNoClientAndCarriesNoIdempotencyToken() {
        var profile = TestProfiles.loader().apply("720p");

        var request = ChannelRequests.create(spec(properties()), profile, Map.of("Team", "video"));

        assertEquals(profile.encoderSettings(), request.encoderSettings());
        assertEquals(Map.of("Team", "video"), request.tags());
        assertNull(request.requestId());
    }
}
