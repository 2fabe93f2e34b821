package com.amazonaws.livestreaming.medialive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medialive.MediaLiveClient;

/** The managers refuse a wiring that would fail later, inside a request, naming the argument. */
class ManagerArgumentsTest {
    @Test
    void aChannelManagerWithoutAPollIntervalIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ChannelManager(mock(MediaLiveClient.class), TestProfiles.loader(), Duration.ZERO));

        assertEquals("pollInterval must be longer than zero, not PT0S", e.getMessage());
    }

    @Test
    void aChannelManagerWithoutMediaLiveIsRefused() {
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> new ChannelManager(null, TestProfiles.loader(), Duration.ofSeconds(5)));

        assertEquals("mediaLive", e.getMessage());
    }
}
