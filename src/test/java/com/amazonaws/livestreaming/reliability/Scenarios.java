package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.testing.ChannelProperties;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.mediapackage.model.HlsPackage;

/**
 * The requests the suite faults, per kind: together they make every AWS call each kind's spec declares (the suite
 * fails when one is never made), each on the state AWS is in when CloudFormation sends it in a real stack.
 */
final class Scenarios {
    static final String MP_CHANNEL = ChannelProperties.MEDIAPACKAGE_CHANNEL;
    private static final String PROFILES = "demo-stack-profiles";
    private static final String CODE_BUCKET = "demo-stack-code-us-east-1";
    private static final String CONSOLE_PREFIX = "live-streaming-on-aws/v1.0.0/console/";
    private static final String DEMO_BUCKET = "demo-stack-demobucket-1x2y3z";
    private static final List<String> CONSOLE_FILES = List.of(
            "index.html",
            "assets/css/console.css",
            "assets/js/console.js",
            "assets/lib/hls.min.js",
            "assets/lib/dash.all.min.js");
    private static final Consumer<World> NOTHING = w -> {};

    private Scenarios() {}

    static List<Scenario> all() {
        return List.of(
                // Custom::MediaPackageChannel
                Scenario.create("MediaPackageChannel", "MediaPackageChannel", "new channel", NOTHING, w -> Map.of()),
                Scenario.create(
                                "MediaPackageChannel",
                                "MediaPackageChannel",
                                "channel made by the first delivery",
                                NOTHING,
                                w -> Map.of())
                        .secondDelivery(),
                Scenario.update(
                                "MediaPackageChannel",
                                "MediaPackageChannel",
                                "new Description, a stale own tag",
                                NOTHING,
                                w -> Map.of(),
                                w -> Map.of("Description", "Live channel of demo-stack, renamed"))
                        .afterCreate(Scenarios::tagStale),
                Scenario.delete(
                                "MediaPackageChannel",
                                "MediaPackageChannel",
                                "channel with an endpoint",
                                NOTHING,
                                w -> Map.of())
                        .afterCreate(Scenarios::addEndpoint),
                // Custom::MediaPackageEndpoint
                Scenario.create(
                        "MediaPackageEndpoint",
                        "HlsEndpoint",
                        "HLS endpoint",
                        Scenarios::mediaPackageChannel,
                        w -> hls("6")),
                Scenario.create(
                                "MediaPackageEndpoint",
                                "HlsEndpoint",
                                "endpoint made by the first delivery",
                                Scenarios::mediaPackageChannel,
                                w -> hls("6"))
                        .secondDelivery(),
                Scenario.update(
                        "MediaPackageEndpoint",
                        "HlsEndpoint",
                        "new SegmentLength",
                        Scenarios::mediaPackageChannel,
                        w -> hls("6"),
                        w -> hls("4")),
                Scenario.delete(
                        "MediaPackageEndpoint",
                        "HlsEndpoint",
                        "HLS endpoint",
                        Scenarios::mediaPackageChannel,
                        w -> hls("6")),
                // Custom::MediaLiveInput
                Scenario.create("MediaLiveInput", "Input", "RTMP push input", NOTHING, w -> push("203.0.113.7/32")),
                Scenario.create(
                        "MediaLiveInput",
                        "Input",
                        "URL pull input with a password",
                        NOTHING,
                        w -> pull("https://origin.example.com/live/main.m3u8", true)),
                Scenario.update(
                        "MediaLiveInput",
                        "Input",
                        "new Cidr",
                        NOTHING,
                        w -> push("203.0.113.7/32"),
                        w -> push("198.51.100.0/24")),
                Scenario.update(
                                "MediaLiveInput",
                                "Input",
                                "new URL and password while its channel runs",
                                NOTHING,
                                w -> pull("https://origin.example.com/live/main.m3u8", true),
                                w -> withPassword(pull("https://origin.example.com/live/backup.m3u8", true), "rotated"))
                        .afterCreate(Scenarios::runChannelOnInput),
                Scenario.update(
                        "MediaLiveInput",
                        "Input",
                        "password dropped",
                        NOTHING,
                        w -> pull("https://origin.example.com/live/main.m3u8", true),
                        w -> pull("https://origin.example.com/live/main.m3u8", false)),
                Scenario.update(
                                "MediaLiveInput",
                                "Input",
                                "new URL, the channel's restart fails",
                                NOTHING,
                                w -> pull("https://origin.example.com/live/main.m3u8", true),
                                w -> pull("https://origin.example.com/live/backup.m3u8", true))
                        .afterCreate(Scenarios::runChannelThatWillNotStartAgain)
                        .failing(),
                Scenario.delete("MediaLiveInput", "Input", "RTMP push input", NOTHING, w -> push("203.0.113.7/32")),
                Scenario.delete(
                        "MediaLiveInput",
                        "Input",
                        "URL pull input with a password",
                        NOTHING,
                        w -> pull("https://origin.example.com/live/main.m3u8", true)),
                // Custom::MediaLiveChannel
                Scenario.create(
                        "MediaLiveChannel",
                        "Channel",
                        "started, profile from S3",
                        Scenarios::channelInput,
                        w -> channel(w, "s3://" + PROFILES + "/ladders/540p.json")),
                Scenario.create(
                                "MediaLiveChannel",
                                "Channel",
                                "MediaLive cannot start it",
                                w -> {
                                    channelInput(w);
                                    w.aws()
                                            .mediaLive()
                                            .startFails("Role Permissions", "MediaLive cannot assume the role");
                                },
                                w -> channel(w, "540p"))
                        .failing(),
                Scenario.update(
                        "MediaLiveChannel",
                        "Channel",
                        "new profile while it runs",
                        Scenarios::channelInput,
                        w -> channel(w, "s3://" + PROFILES + "/ladders/540p.json"),
                        w -> channel(w, "s3://" + PROFILES + "/ladders/720p.json")),
                Scenario.update(
                        "MediaLiveChannel",
                        "Channel",
                        "new ChannelClass while it runs",
                        Scenarios::channelInput,
                        w -> channel(w, "540p", "STANDARD"),
                        w -> channel(w, "540p", "SINGLE_PIPELINE")),
                Scenario.delete(
                        "MediaLiveChannel",
                        "Channel",
                        "running channel",
                        Scenarios::channelInput,
                        w -> channel(w, "540p")),
                // Custom::DemoConsole
                Scenario.create(
                        "DemoConsole",
                        "DemoConsole",
                        "console files and config",
                        Scenarios::consoleBuckets,
                        w -> console("https://d111.cloudfront.net/out/v1/abc/index.m3u8")),
                Scenario.update(
                                "DemoConsole",
                                "DemoConsole",
                                "new URL, a stale file",
                                Scenarios::consoleBuckets,
                                w -> console("https://d111.cloudfront.net/out/v1/abc/index.m3u8"),
                                w -> console("https://d222.cloudfront.net/out/v1/abc/index.m3u8"))
                        .afterCreate(Scenarios::addStaleConsoleFile),
                Scenario.delete(
                        "DemoConsole",
                        "DemoConsole",
                        "console files and config",
                        Scenarios::consoleBuckets,
                        w -> console("https://d111.cloudfront.net/out/v1/abc/index.m3u8")));
    }

    // ---- MediaPackage ----

    private static void mediaPackageChannel(World w) {
        w.aws().clients().mediaPackage().createChannel(b -> b.id(MP_CHANNEL));
        w.fixture("mediaPackageChannel", MP_CHANNEL);
    }

    private static Map<String, String> hls(String segmentLength) {
        return Map.of("ChannelId", MP_CHANNEL, "EndPoint", "HLS", "SegmentLength", segmentLength);
    }

    private static void tagStale(World w, String channelId) {
        var mediaPackage = w.aws().clients().mediaPackage();
        String arn = mediaPackage.describeChannel(b -> b.id(channelId)).arn();
        mediaPackage.tagResource(b -> b.resourceArn(arn).tags(Map.of("LiveStreaming:Obsolete", "yes")));
    }

    private static void addEndpoint(World w, String channelId) {
        w.aws()
                .clients()
                .mediaPackage()
                .createOriginEndpoint(b -> b.id(channelId + "-hls")
                        .channelId(channelId)
                        .hlsPackage(
                                HlsPackage.builder().segmentDurationSeconds(6).build()));
    }

    // ---- MediaLive inputs ----

    private static Map<String, String> push(String cidr) {
        return Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", cidr);
    }

    private static Map<String, String> pull(String url, boolean password) {
        Map<String, String> properties =
                new HashMap<>(Map.of("Type", "URL_PULL", "ChannelClass", "SINGLE_PIPELINE", "PriUrl", url));
        if (password) {
            properties.put("PriUser", "puller");
            properties.put("PriPass", "pull-secret");
        }
        return Map.copyOf(properties);
    }

    private static Map<String, String> withPassword(Map<String, String> properties, String password) {
        Map<String, String> changed = new HashMap<>(properties);
        changed.put("PriPass", password);
        return Map.copyOf(changed);
    }

    /** A running channel (another stack resource) reads the input; CloudFormation deletes it before the input. */
    private static void runChannelOnInput(World w, String inputId) {
        String channel =
                w.fixture("channel", w.aws().mediaLive().addChannel("SINGLE_PIPELINE", "RUNNING", inputId, Map.of()));
        w.beforeFollowUps(() -> w.aws().mediaLive().remove(channel));
    }

    private static void runChannelThatWillNotStartAgain(World w, String inputId) {
        runChannelOnInput(w, inputId);
        w.aws().mediaLive().startFails("Input Source Unavailable", "MediaLive cannot reach the source");
    }

    // ---- MediaLive channels ----

    private static void channelInput(World w) {
        w.fixture(
                "input",
                w.aws()
                        .mediaLive()
                        .addInput(
                                JsonNodeFactory.instance
                                        .objectNode()
                                        .put("type", "URL_PULL")
                                        .put("name", "demo-stack-Input"),
                                Map.of()));
        w.aws().s3().bucket(PROFILES, false);
        w.aws().s3().seed(PROFILES, "ladders/540p.json", profile("540p"));
        w.aws().s3().seed(PROFILES, "ladders/720p.json", profile("720p"));
    }

    private static Map<String, String> channel(World w, String profile) {
        return channel(w, profile, "SINGLE_PIPELINE");
    }

    /** The input {@link #channelInput} makes has no sources yet, so MediaLive counts it STANDARD: both classes fit. */
    private static Map<String, String> channel(World w, String profile, String channelClass) {
        return ChannelProperties.of(w.get("input"), "URL_PULL", profile, channelClass, "Yes");
    }

    private static String profile(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/encoding-profiles/medialive-" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the demo console ----

    private static void consoleBuckets(World w) {
        var s3 = w.aws().s3();
        s3.bucket(CODE_BUCKET, false);
        CONSOLE_FILES.forEach(file -> s3.seed(CODE_BUCKET, CONSOLE_PREFIX + file, "<!-- " + file + " -->"));
        s3.bucket(DEMO_BUCKET, true);
        s3.pageSize(4);
    }

    private static Map<String, String> console(String hlsUrl) {
        return Map.of(
                "SourceBucket",
                CODE_BUCKET,
                "SourcePrefix",
                CONSOLE_PREFIX,
                "DestinationBucket",
                DEMO_BUCKET,
                "HlsUrl",
                hlsUrl,
                "DashUrl",
                "https://d111.cloudfront.net/out/v1/def/index.mpd",
                "InputType",
                "URL_PULL",
                "ChannelId",
                "1234567",
                "Region",
                "us-east-1");
    }

    private static void addStaleConsoleFile(World w, String physicalId) {
        w.aws()
                .clients()
                .s3()
                .putObject(
                        b -> b.bucket(DEMO_BUCKET).key("assets/js/old-player.js"),
                        RequestBody.fromString("// an earlier console's file"));
    }
}
