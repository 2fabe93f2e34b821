package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
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
        return assertThrows(InvalidPropertyException.class, () -> spec(properties)).getMessage();
    }

    @Test
    void typicalPropertiesAreReadWithTheirDefaults() {
        ChannelSpec spec = spec(properties());

        assertEquals(new ChannelSpec("demo-stack-livestream", "2468013", InputType.RTMP_PUSH, "720p",
                "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole", "demo-stack-livestream",
                ChannelClass.STANDARD, false, Optional.empty()), spec);
    }

    @Test
    void startAndLogLevelAreRead() {
        ChannelSpec spec = spec(properties("Start", "Yes", "LogLevel", "DEBUG"));

        assertTrue(spec.start());
        assertEquals(Optional.of(LogLevel.DEBUG), spec.logLevel());
    }

    @Test
    void unknownInputTypeNamesTheAllowedValues() {
        assertEquals("InputType is 'UDP_PUSH'; allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE, "
                + "SRT_CALLER, MEDIACONNECT", reason(properties("InputType", "UDP_PUSH")));
    }

    @Test
    void unknownChannelClassNamesTheAllowedValues() {
        assertEquals("ChannelClass is 'DOUBLE'; allowed values: STANDARD, SINGLE_PIPELINE",
                reason(properties("ChannelClass", "DOUBLE")));
    }

    @Test
    void unknownLogLevelNamesTheAllowedValues() {
        assertEquals("LogLevel is 'VERBOSE'; allowed values: ERROR, WARNING, INFO, DEBUG, DISABLED",
                reason(properties("LogLevel", "VERBOSE")));
    }

    @Test
    void startMustBeYesOrNo() {
        assertEquals("Start is 'maybe'; allowed values: Yes, No", reason(properties("Start", "maybe")));
    }

    @Test
    void roleArnMustBeAnIamRole() {
        assertEquals("RoleArn is 'MediaLiveAccessRole'; it must be an IAM role ARN "
                + "(arn:aws:iam::<account>:role/<name>)", reason(properties("RoleArn", "MediaLiveAccessRole")));
    }

    @Test
    void missingInputIdIsNamed() {
        assertEquals("InputId is required", reason(properties("InputId", "")));
    }

    @Test
    void onlyFileAndHlsPullSourcesLoop() {
        for (String type : ChannelSpec.INPUT_TYPES) {
            boolean loops = spec(properties("InputType", type)).sourceEndBehavior().toString().equals("LOOP");
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
