package com.amazonaws.livestreaming.cli;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.ChannelRequests;
import com.amazonaws.livestreaming.medialive.ChannelSpec;
import com.amazonaws.livestreaming.medialive.StackDefaults;
import com.amazonaws.livestreaming.profile.EncodingProfile;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.profile.InvalidProfileException;
import com.amazonaws.livestreaming.profile.ProfileJson;
import com.amazonaws.livestreaming.profile.ProfileProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
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
    private static final Map<String, String> OPTIONS = Map.of(
            "--profile", ChannelSpec.ENCODING_PROFILE,
            "--input-type", ChannelSpec.INPUT_TYPE,
            "--channel-class", ChannelSpec.CHANNEL_CLASS,
            "--input-id", ChannelSpec.INPUT_ID,
            "--role-arn", ChannelSpec.ROLE_ARN,
            "--mediapackage-channel-id", ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID,
            "--name", ChannelSpec.NAME,
            "--log-level", ChannelSpec.LOG_LEVEL);
    static final String USAGE = "render [--profile 1080p|720p|540p|FILE.json] [--input-type TYPE]"
            + " [--channel-class STANDARD|SINGLE_PIPELINE] [--input-id ID] [--role-arn ARN]"
            + " [--mediapackage-channel-id ID] [--name NAME] [--log-level LEVEL]";
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
        properties.put(ChannelSpec.MEDIA_PACKAGE_CHANNEL_ID, "live-streaming-livestream");
        for (int i = 0; i < args.size(); i += 2) {
            String property = OPTIONS.get(args.get(i));
            if (property == null || i + 1 >= args.size()) {
                throw new Main.UsageException(property == null ? "render does not know " + args.get(i)
                        : args.get(i) + " needs a value");
            }
            properties.put(property, args.get(i + 1));
        }
        try {
            ChannelSpec spec = ChannelSpec.from(Properties.of(properties), "live-streaming");
            EncodingProfile profile = profile(spec.encodingProfile());
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                    ProfileJson.write(ChannelRequests.create(spec, profile, Map.of()))));
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

    /** A built-in profile by name, or a local file; an s3:// profile is for the stack, not for rendering offline. */
    private static EncodingProfile profile(String ref) throws IOException {
        if (EncodingProfiles.BUILT_IN.contains(ref)) {
            return new EncodingProfiles(() -> {
                throw new IllegalStateException("render does not call AWS");
            }).load(ref);
        }
        if (ref.startsWith("s3://")) {
            throw new InvalidPropertyException(ChannelSpec.ENCODING_PROFILE, "render reads no S3 object; download "
                    + ref + " and pass the local file to --profile");
        }
        return EncodingProfiles.read(ref, Files.readAllBytes(Path.of(ref)));
    }
}
