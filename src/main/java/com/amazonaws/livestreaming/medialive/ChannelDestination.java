package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.profile.Packager;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.medialive.model.MediaPackageOutputDestinationSettings;
import software.amazon.awssdk.services.medialive.model.OutputDestination;
import software.amazon.awssdk.services.medialive.model.OutputDestinationSettings;

/**
 * Where the channel's one output group sends the ladder: a MediaPackage v1 channel (MediaLive finds its two inputs
 * itself) or the CMAF ingest endpoints of a MediaPackage v2 channel (one URL per pipeline, in pipeline order).
 * Either way the profile's output group refers to it as {@link ChannelRequests#DESTINATION_ID}.
 */
public sealed interface ChannelDestination {
    /** The packager this destination belongs to, which decides the output group the profile is rendered as. */
    Packager packager();

    /** The channel's OutputDestination with the given id. */
    OutputDestination outputDestination(String id);

    /** A MediaPackage v1 channel, by id. */
    record MediaPackageChannel(String channelId) implements ChannelDestination {
        public MediaPackageChannel {
            Objects.requireNonNull(channelId);
        }

        @Override
        public Packager packager() {
            return Packager.V1;
        }

        @Override
        public OutputDestination outputDestination(String id) {
            return OutputDestination.builder()
                    .id(id)
                    .mediaPackageSettings(MediaPackageOutputDestinationSettings.builder()
                            .channelId(channelId)
                            .build())
                    .build();
        }
    }

    /**
     * The CMAF ingest endpoint URLs of a MediaPackage v2 channel: one for a SINGLE_PIPELINE channel, two for a
     * STANDARD one. MediaLive signs its requests with the channel's role, so no credentials are involved.
     */
    record CmafIngest(List<String> urls) implements ChannelDestination {
        public CmafIngest {
            urls = List.copyOf(urls);
            if (urls.isEmpty() || urls.size() > 2) {
                throw new IllegalArgumentException("a channel has one or two pipelines, so one or two ingest URLs");
            }
        }

        @Override
        public Packager packager() {
            return Packager.V2;
        }

        @Override
        public OutputDestination outputDestination(String id) {
            return OutputDestination.builder()
                    .id(id)
                    .settings(urls.stream()
                            .map(url ->
                                    OutputDestinationSettings.builder().url(url).build())
                            .toList())
                    .build();
        }
    }
}
