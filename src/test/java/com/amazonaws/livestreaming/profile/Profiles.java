package com.amazonaws.livestreaming.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;

/** The shipped profile files, as users see them in the repository, for tests to read or break. */
final class Profiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private Profiles() {}

    static Path file(String name) {
        return Path.of("encoding-profiles", "medialive-" + name + ".json");
    }

    static ObjectNode shipped(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The destination the first output group (MediaPackage) of {@code settings} sends to. */
    static String mediaPackageDestination(EncoderSettings settings) {
        return settings.outputGroups()
                .get(0)
                .outputGroupSettings()
                .mediaPackageGroupSettings()
                .destination()
                .destinationRefId();
    }

    /** The H264Settings of the rung at {@code index}. */
    static ObjectNode h264(ObjectNode profile, int index) {
        return (ObjectNode) profile.withArray("VideoDescriptions")
                .get(index)
                .get("CodecSettings")
                .get("H264Settings");
    }
}
