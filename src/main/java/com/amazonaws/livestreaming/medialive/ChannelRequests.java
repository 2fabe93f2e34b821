package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.profile.EncodingProfile;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.medialive.model.CreateChannelRequest;
import software.amazon.awssdk.services.medialive.model.HlsInputSettings;
import software.amazon.awssdk.services.medialive.model.HlsScte35SourceType;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputSettings;
import software.amazon.awssdk.services.medialive.model.InputType;
import software.amazon.awssdk.services.medialive.model.LogLevel;
import software.amazon.awssdk.services.medialive.model.NetworkInputSettings;
import software.amazon.awssdk.services.medialive.model.OutputDestination;
import software.amazon.awssdk.services.medialive.model.UpdateChannelRequest;

/**
 * Builds the CreateChannel and UpdateChannel requests from a {@link ChannelSpec} and its loaded
 * {@link EncodingProfile} (already rendered for the spec's packager by {@code EncodingProfiles.render}). Pure
 * functions with no client, so the exact request can be printed (or tested) without calling AWS; both requests
 * describe the same channel, so an update converges on what a create would make.
 *
 * <p>SCTE-35 ad markers reach MediaPackage without a setting here: a MediaPackage output group always passes them
 * through (and decorates its HLS with them), and the profile's {@code AvailConfiguration} says which messages are
 * ad avails; for Packager v2 the CMAF Ingest rendering adds a SCTE-35 track when the profile has avails. An HLS pull
 * input ({@code URL_PULL}) reads them from the source's segments, MediaLive's default, which the attachment names
 * explicitly.
 */
public final class ChannelRequests {
    /** The output destination id every profile's MediaPackage output group refers to. */
    public static final String DESTINATION_ID = "destination1";

    private ChannelRequests() {}

    /**
     * The complete CreateChannel request. Its {@code requestId} (MediaLive's idempotency token) is left unset: the
     * caller sets one per CloudFormation request, and a printed request stays deterministic.
     */
    public static CreateChannelRequest create(ChannelSpec spec, EncodingProfile profile, Map<String, String> tags) {
        CreateChannelRequest.Builder request = CreateChannelRequest.builder()
                .name(spec.name())
                .channelClass(spec.channelClass())
                .roleArn(spec.roleArn())
                .inputAttachments(inputAttachments(spec))
                .inputSpecification(profile.inputSpecification())
                .destinations(destinations(spec))
                .encoderSettings(profile.encoderSettings())
                .tags(tags);
        spec.logLevel().ifPresent(request::logLevel);
        return request.build();
    }

    /**
     * The UpdateChannel request that gives channel {@code channelId} everything {@link #create} would, except the
     * channel class (which UpdateChannel cannot change) and tags. An absent LogLevel is sent as DISABLED so that
     * removing the property turns logging off again.
     */
    public static UpdateChannelRequest update(String channelId, ChannelSpec spec, EncodingProfile profile) {
        return UpdateChannelRequest.builder()
                .channelId(channelId)
                .name(spec.name())
                .roleArn(spec.roleArn())
                .inputAttachments(inputAttachments(spec))
                .inputSpecification(profile.inputSpecification())
                .destinations(destinations(spec))
                .encoderSettings(profile.encoderSettings())
                .logLevel(spec.logLevel().orElse(LogLevel.DISABLED))
                .build();
    }

    private static List<InputAttachment> inputAttachments(ChannelSpec spec) {
        InputSettings.Builder settings = InputSettings.builder().sourceEndBehavior(spec.sourceEndBehavior());
        if (spec.inputType() == InputType.URL_PULL) {
            settings.networkInputSettings(NetworkInputSettings.builder()
                    .hlsInputSettings(HlsInputSettings.builder()
                            .scte35Source(HlsScte35SourceType.SEGMENTS)
                            .build())
                    .build());
        }
        return List.of(InputAttachment.builder()
                .inputId(spec.inputId())
                .inputAttachmentName(spec.inputId())
                .inputSettings(settings.build())
                .build());
    }

    /**
     * One destination: a MediaPackage v1 channel (MediaLive connects both pipelines to its two inputs) or the CMAF
     * ingest endpoints of a MediaPackage v2 channel, one per pipeline.
     */
    private static List<OutputDestination> destinations(ChannelSpec spec) {
        return List.of(spec.destination().outputDestination(DESTINATION_ID));
    }
}
