package com.amazonaws.livestreaming.mediapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.testing.Requests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaPackageIdsTest {
    @Test
    void defaultChannelIdIsTheStackNameWithALivestreamSuffix() {
        assertEquals(
                "demo-stack-livestream", MediaPackageIds.channelId(Requests.create("MediaPackageChannel", Map.of())));
    }

    @Test
    void channelIdOfTheMaximumLengthIsAccepted() {
        String id = "c".repeat(256);
        assertEquals(id, MediaPackageIds.channelId(Requests.create("MediaPackageChannel", Map.of("ChannelId", id))));
    }

    @Test
    void endpointChannelIdMustLeaveRoomForTheTypeSuffix() {
        String id = "c".repeat(252);
        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class,
                () -> MediaPackageIds.endpointChannelId(
                        Requests.create("MediaPackageEndpoint", Map.of("ChannelId", id)), EndpointType.CMAF));

        assertEquals("ChannelId", e.property());
        assertEquals(
                "ChannelId is '" + "c".repeat(61) + "...'; a MediaPackage id may contain only letters, digits, "
                        + "hyphens (-) and underscores (_), 1 to 251 characters, leaving room for the endpoint suffix",
                e.getMessage());
    }

    @Test
    void endpointIdIsTheChannelIdWithTheLowerCaseType() {
        assertEquals("live-dash", MediaPackageIds.endpointId("live", EndpointType.DASH));
    }
}
