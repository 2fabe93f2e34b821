package com.amazonaws.livestreaming.console;

import static com.amazonaws.livestreaming.testing.BadInput.empty;
import static com.amazonaws.livestreaming.testing.BadInput.missing;
import static com.amazonaws.livestreaming.testing.BadInput.value;

import com.amazonaws.livestreaming.testing.BadInput;
import com.amazonaws.livestreaming.testing.BadInputMatrix;
import com.amazonaws.livestreaming.testing.BadInputSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every property of {@code Custom::DemoConsole}, wrong in every way: one FAILED answer, no AWS call. */
class DemoConsoleBadInputTest extends BadInputSuite {
    private static final String KIND = "DemoConsole";
    private static final Map<String, Object> VALID = DemoConsoleWireTest.properties("demo-stack-demobucket-1x2y3z");
    private static final String BUCKET_RULE =
            "it must be an S3 bucket name (3-63 lower-case letters, digits, dots" + " and hyphens)";
    private static final String PLAYABLE = "it must be an http:// or https:// URL the player can open, e.g."
            + " https://d111111abcdef8.cloudfront.net/out/v1/0123abcd/index.m3u8";

    DemoConsoleBadInputTest() {
        super(KIND);
    }

    static Stream<BadInput> refused() {
        return Stream.concat(
                Stream.of(
                        missing(VALID, "SourceBucket", "SourceBucket is required"),
                        value(
                                VALID,
                                "SourceBucket",
                                "upper case",
                                "Solutions",
                                "SourceBucket is 'Solutions'; " + BUCKET_RULE),
                        value(
                                VALID,
                                "SourceBucket",
                                "64 characters",
                                "b".repeat(64),
                                "SourceBucket is '" + "b".repeat(64) + "'; " + BUCKET_RULE),
                        missing(VALID, "SourcePrefix", "SourcePrefix is required"),
                        empty(VALID, "SourcePrefix", "SourcePrefix is required"),
                        value(
                                VALID,
                                "SourcePrefix",
                                "longer than an S3 key",
                                "p".repeat(1025),
                                "SourcePrefix is 1025 characters long; at most 1024 are allowed"),
                        missing(VALID, "DestinationBucket", "DestinationBucket is required"),
                        value(
                                VALID,
                                "DestinationBucket",
                                "an underscore",
                                "demo_bucket",
                                "DestinationBucket is 'demo_bucket'; " + BUCKET_RULE),
                        value(
                                VALID,
                                "DestinationBucket",
                                "non-ASCII",
                                "démo-bucket",
                                "DestinationBucket is 'démo-bucket'; " + BUCKET_RULE),
                        value(
                                VALID,
                                "HlsUrl",
                                "a path without a host",
                                "/out/v1/abc/index.m3u8",
                                "HlsUrl is '/out/v1/abc/index.m3u8'; " + PLAYABLE),
                        value(
                                VALID,
                                "DashUrl",
                                "ftp",
                                "ftp://d111.cloudfront.net/index.mpd",
                                "DashUrl is 'ftp://d111.cloudfront.net/index.mpd'; " + PLAYABLE),
                        value(VALID, "MssUrl", "not a URL", "index ism", "MssUrl is 'index ism'; " + PLAYABLE),
                        value(
                                VALID,
                                "HlsAdsUrl",
                                "a relative path",
                                "v1/master/index.m3u8",
                                "HlsAdsUrl is 'v1/master/index.m3u8'; " + PLAYABLE),
                        value(
                                VALID,
                                "DashAdsUrl",
                                "ftp",
                                "ftp://ads.example.com/index.mpd",
                                "DashAdsUrl is 'ftp://ads.example.com/index.mpd'; " + PLAYABLE),
                        value(
                                VALID,
                                "CmafUrl",
                                "non-ASCII",
                                "https://d111.cloudfront.net/out/v1/ü/index.m3u8",
                                "CmafUrl contains a non-ASCII character (U+00FC) at position 36; only ASCII is allowed here"
                                        + " (percent-encode other characters in a URL)"),
                        value(
                                VALID,
                                "EndPoint1",
                                "non-ASCII",
                                "rtmp://198.51.100.10:1935/démo/primary",
                                "EndPoint1 contains a non-ASCII character (U+00E9) at position 28; only ASCII is allowed here"
                                        + " (percent-encode other characters in a URL)"),
                        value(
                                VALID,
                                "InputType",
                                "unknown",
                                "RTSP_PUSH",
                                "InputType is 'RTSP_PUSH'; allowed values: RTP_PUSH,"
                                        + " RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE, SRT_CALLER, MEDIACONNECT"),
                        value(
                                VALID,
                                "Region",
                                "not a region",
                                "Europe",
                                "Region is 'Europe'; it must be an AWS region such as us-east-1"),
                        value(
                                VALID,
                                "ChannelId",
                                "non-ASCII",
                                "123456é",
                                "ChannelId contains a non-ASCII character (U+00E9) at position 7; only ASCII is allowed here"
                                        + " (percent-encode other characters in a URL)"),
                        value(
                                VALID,
                                "HLSUrl",
                                "a misspelt property",
                                "https://d111.cloudfront.net/out/v1/abc/index.m3u8",
                                "HLSUrl is not a property of Custom::DemoConsole; did you mean HlsUrl?")),
                BadInputMatrix.everyProperty(KIND, VALID));
    }

    static Stream<BadInput> accepted() {
        return Stream.of(
                missing(VALID, "HlsUrl", "absent: the format is greyed out"),
                empty(VALID, "DashUrl", "blank: the format is greyed out"),
                missing(VALID, "EndPoint1", "absent: a pull input"),
                missing(VALID, "InputType", "absent"),
                missing(VALID, "ChannelId", "absent: the stall notice names no channel"),
                missing(VALID, "Region", "absent: the stall notice names no channel"),
                value(
                        VALID,
                        "SourcePrefix",
                        "non-ASCII",
                        "live-streaming-on-aws/vérsion/console/",
                        "S3 keys are UTF-8"),
                value(
                        VALID,
                        "HlsUrl",
                        "with a query",
                        "https://d111.cloudfront.net/out/v1/abc/index.m3u8?aws.manifest" + "filter=video_height:1-720",
                        "played as given"));
    }

    @Test
    void everyIndependentProblemIsReportedInOneAnswer() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("SourceBucket", "Solutions");
        properties.put("SourcePrefix", "console/");
        properties.put("DestinationBucket", "demo_bucket");
        properties.put("HlsUrl", "/index.m3u8");

        assertCreateRefused(
                properties,
                "3 problems: (1) SourceBucket is 'Solutions'; " + BUCKET_RULE
                        + "; (2) DestinationBucket is 'demo_bucket'; " + BUCKET_RULE + "; (3) HlsUrl is '/index.m3u8'; "
                        + PLAYABLE);
    }

    @Test
    void aBadUpdateKeepsTheConsolesIdAndCallsNoAws() {
        Map<String, Object> properties = new LinkedHashMap<>(VALID);
        properties.put("HlsUrl", "/index.m3u8");

        assertUpdateRefused(
                "demo-stack-demobucket-1x2y3z-console", properties, VALID, "HlsUrl is '/index.m3u8'; " + PLAYABLE);
    }
}
