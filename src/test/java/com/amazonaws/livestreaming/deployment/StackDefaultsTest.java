package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.medialive.StackDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template's parameter defaults are the ones the code (and so {@code render}) takes as the stack's. */
class StackDefaultsTest {
    @ParameterizedTest
    @CsvSource({"ChannelClass, CHANNEL_CLASS", "EncodingProfile, ENCODING_PROFILE", "InputType, INPUT_TYPE"})
    void templateParameterDefaultsAreTheStackDefaults(String parameter, String constant) throws Exception {
        Object expected = StackDefaults.class.getField(constant).get(null);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> parameters =
                (Map<String, Map<String, Object>>) CfnTemplate.load().root().get("Parameters");

        assertEquals(expected, parameters.get(parameter).get("Default"), parameter);
    }

    @Test
    void channelClassParameterAllowsTheClassesTheInputAndChannelAccept() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> parameters =
                (Map<String, Map<String, Object>>) CfnTemplate.load().root().get("Parameters");

        assertEquals(
                StackDefaults.CHANNEL_CLASSES, parameters.get("ChannelClass").get("AllowedValues"));
    }
}
