package com.amazonaws.livestreaming.medialive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Properties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medialive.model.ChannelClass;

/** An input's ChannelClass has the stack's default and the channel's list of values: one default, one list. */
class InputChannelClassTest {
    private static final String URL = "https://example.com/live/index.m3u8";

    @Test
    void inputWithoutChannelClassTakesTheStackDefaultAndNeedsOneSource() {
        InputSettings settings = InputSettings.from(Properties.of(Map.of("Type", "URL_PULL", "PriUrl", URL)));

        assertEquals(ChannelClass.fromValue(StackDefaults.CHANNEL_CLASS), settings.channelClass());
        assertEquals(ChannelClass.SINGLE_PIPELINE, settings.channelClass());
        assertEquals(
                List.of(Pipeline.PRIMARY),
                settings.pullSources().stream().map(s -> s.pipeline()).toList());
    }

    @Test
    void inputAndChannelAllowTheSameClasses() {
        for (String channelClass : StackDefaults.CHANNEL_CLASSES) {
            InputSettings settings = InputSettings.from(Properties.of(
                    Map.of("Type", "URL_PULL", "PriUrl", URL, "SecUrl", URL, "ChannelClass", channelClass)));

            assertEquals(channelClass, settings.channelClass().toString());
        }
        assertEquals(
                List.of(ChannelClass.STANDARD.toString(), ChannelClass.SINGLE_PIPELINE.toString()),
                StackDefaults.CHANNEL_CLASSES);
    }
}
