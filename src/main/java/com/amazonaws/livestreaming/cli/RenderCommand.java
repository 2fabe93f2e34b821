package com.amazonaws.livestreaming.cli;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.ChannelRequests;
import com.amazonaws.livestreaming.medialive.ChannelSpec;
import com.amazonaws.livestreaming.medialive.StackDefaults;
import com.amazonaws.livestreaming.profile.EncodingProfile;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.profile.InvalidProfileException;
import com.amazonaws.livestreaming.profile.Packager;
import com.amazonaws.livestreaming.profile.ProfileJson;
import com.amazonaws.livestreaming.profile.ProfileProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code render}: prints the complete CreateChannel request the stack would send, in the PascalCase JSON that
 * {@code aws medialive create-channel --cli-input-json} accepts, without calling AWS. It goes through the same
 * property validation and request builder as the channel manager, so what it prints is what the stack sends.
 */
final class RenderCommand {
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("--profile", ChannelSpec.ENCODING_PROFILE),
            Map.entry("--input-type", ChannelSpec.INPUT_TYPE),
            Map.entry("--channel-class", ChannelSpec.CHANNEL_CLASS),
            Map.entry("--input-id", ChannelSpec.INPUT_ID),
            Map.entry("--role-arn", ChannelSpec.ROLE_ARN),
            Map.entry("--mediapackage-channel-id", ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID),
            Map.entry("--name", ChannelSpec.NAME),
            Map.entry("--log-level", ChannelSpec.LOG_LEVEL),
            Map.entry("--packager", ChannelSpec.PACKAGER),
            Map.entry("--cmaf-ingest-url1", ChannelSpec.CMAF_INGEST_URL_1),
            Map.entry("--cmaf-ingest-url2", ChannelSpec.CMAF_INGEST_URL_2));
    static final String USAGE = "render [--profile 1080p|720p|540p|FILE.json] [--input-type TYPE]"
            + " [--channel-class STANDARD|SINGLE_PIPELINE] [--input-id ID] [--role-arn ARN]"
            + " [--packager v1|v2] [--mediapackage-channel-id ID] [--cmaf-ingest-url1 URL] [--cmaf-ingest-url2 URL]"
            + " [--name NAME] [--log-level LEVEL]";
    /** Stand-ins for the ingest endpoints a v2 stack takes from its MediaPackage v2 channel. */
    private static final List<String> PLACEHOLDER_INGEST_URLS = List.of(
            "https://INGEST_ENDPOINT_1/in/v1/live-streaming/1/live-streaming-livestream/",
            "https://INGEST_ENDPOINT_2/in/v1/live-streaming/2/live-streaming-livestream/");

    private final PrintStream out;
    private final PrintStream err;

    RenderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ChannelSpec.ENCODING_PROFILE, StackDefaults.ENCODING_PROFILE);
        properties.put(ChannelSpec.INPUT_TYPE, StackDefaults.INPUT_TYPE);
        properties.put(ChannelSpec.CHANNEL_CLASS, StackDefaults.CHANNEL_CLASS);
        properties.put(ChannelSpec.INPUT_ID, "INPUT_ID");
        properties.put(ChannelSpec.ROLE_ARN, "arn:aws:iam::123456789012:role/MediaLiveAccessRole");
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String property = OPTIONS.get(args.get(i));
            if (property == null || i + 1 >= args.size()) {
                throw new Main.UsageException(
                        property == null ? "render does not know " + args.get(i) : args.get(i) + " needs a value");
            }
            given.put(property, args.get(i + 1));
        }
        if ("v2".equals(given.get(ChannelSpec.PACKAGER))) {
            properties.put(ChannelSpec.CMAF_INGEST_URL_1, PLACEHOLDER_INGEST_URLS.get(0));
            properties.put(ChannelSpec.CMAF_INGEST_URL_2, PLACEHOLDER_INGEST_URLS.get(1));
        } else {
            properties.put(ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID, "live-streaming-livestream");
        }
        properties.putAll(given);
        try {
            ChannelSpec spec = ChannelSpec.from(Properties.of(properties), "live-streaming");
            EncodingProfile profile = profile(spec.encodingProfile(), spec.packager());
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ProfileJson.write(ChannelRequests.create(spec, profile, Map.of()))));
            return 0;
        } catch (InvalidPropertyException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InvalidProfileException e) {
            for (ProfileProblem problem : e.problems()) {
                err.println(spec(properties) + ": " + problem);
            }
            return 1;
        } catch (IOException e) {
            err.println("cannot read " + spec(properties) + ": " + e.getMessage());
            return 1;
        }
    }

    private static String spec(Map<String, String> properties) {
        return properties.get(ChannelSpec.ENCODING_PROFILE);
    }

    /**
     * A built-in profile by name, or a local file, rendered for the packager; an s3:// profile is for the stack, not
     * for rendering offline.
     */
    private static EncodingProfile profile(String ref, Packager packager) throws IOException {
        if (EncodingProfiles.BUILT_IN.contains(ref)) {
            return EncodingProfiles.renderFor(
                    new EncodingProfiles(() -> {
                                throw new IllegalStateException("render does not call AWS");
                            })
                            .load(ref),
                    packager);
        }
        if (ref.startsWith("s3://")) {
            throw new InvalidPropertyException(
                    ChannelSpec.ENCODING_PROFILE,
                    "render reads no S3 object; download " + ref + " and pass the local file to --profile");
        }
        return EncodingProfiles.render(EncodingProfiles.read(ref, Files.readAllBytes(Path.of(ref))), packager);
    }
}
