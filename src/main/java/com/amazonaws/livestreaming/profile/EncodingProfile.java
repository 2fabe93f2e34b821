package com.amazonaws.livestreaming.profile;

import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.InputSpecification;

/**
 * What a MediaLive channel needs from a profile: the encoder settings (the ABR ladder and its single MediaPackage
 * output group, destination {@code destination1}) and the input specification those settings call for. The name
 * is the reference it was loaded from ({@code 1080p}, or the {@code s3://} URL).
 */
public record EncodingProfile(String name, EncoderSettings encoderSettings, InputSpecification inputSpecification) {}
