package com.amazonaws.livestreaming.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medialive.model.InputSpecification;

class InputSpecificationsTest {

    private static InputSpecification of(ObjectNode profile) {
        return InputSpecifications.forLadder(ProfileJson.readEncoderSettings(profile));
    }

    private static InputSpecification spec(String resolution, String maximum) {
        return InputSpecification.builder()
                .codec("AVC")
                .resolution(resolution)
                .maximumBitrate(maximum)
                .build();
    }

    @Test
    void ladderTopped1080pAt6500kNeedsAnHdInputUpTo20Mbps() {
        assertEquals(spec("HD", "MAX_20_MBPS"), of(Profiles.shipped("1080p")));
    }

    @Test
    void ladderTopped720pAt5000kNeedsAnHdInputUpTo10Mbps() {
        assertEquals(spec("HD", "MAX_10_MBPS"), of(Profiles.shipped("720p")));
    }

    @Test
    void ladderTopped540pNeedsOnlyAnSdInput() {
        assertEquals(spec("SD", "MAX_10_MBPS"), of(Profiles.shipped("540p")));
    }

    @Test
    void ladderTallerThan1080NeedsAUhdInputUpTo50Mbps() {
        ObjectNode profile = Profiles.shipped("1080p");
        ((ObjectNode) profile.withArray("VideoDescriptions").get(0))
                .put("Width", 3840)
                .put("Height", 2160);
        Profiles.h264(profile, 0).put("MaxBitrate", 16_000_000);

        assertEquals(spec("UHD", "MAX_50_MBPS"), of(profile));
    }
}
