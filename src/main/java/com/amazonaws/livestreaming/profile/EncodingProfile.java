package com.amazonaws.livestreaming.profile;

import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;

/**
 * A named MediaLive encoding ladder: the encoder settings of a channel and the input specification (codec,
 * resolution, maximum bitrate) they were designed for, which decides what MediaLive bills for the input.
 */
public record EncodingProfile(String name, EncoderSettings encoderSettings, InputSpecification inputSpecification) {}
