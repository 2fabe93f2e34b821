package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.testing.BadInput.empty;
import static com.amazonaws.livestreaming.testing.BadInput.missing;
import static com.amazonaws.livestreaming.testing.BadInput.value;
import static com.amazonaws.livestreaming.testing.BadInput.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.BadInput;
import com.amazonaws.livestreaming.testing.BadInputMatrix;
import com.amazonaws.livestreaming.testing.BadInputSuite;
import com.amazonaws.livestreaming.testing.LongestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every property of {@code Custom::MediaLiveInput}, wrong in every way, on the input type that reads it: one FAILED
 * answer, no AWS call.
 */
class InputBadInputTest extends BadInputSuite {
    private static final String KIND = "MediaLiveInput";
    private static final Map<String, Object> PULL = Map.of(
            "Type",
            "URL_PULL",
            "ChannelClass",
            "STANDARD",
            "PriUrl",
            "https://origin.example.com/live/a.m3u8",
            "SecUrl",
            "https://origin.example.com/live/b.m3u8",
            "PriUser",
            "viewer",
            "PriPass",
            "s3cret",
            "SecUser",
            "viewer",
            "SecPass",
            "s3cret");
    private static final Map<String, Object> PUSH =
            Map.of("Type", "RTMP_PUSH", "ChannelClass", "SINGLE_PIPELINE", "Cidr", "203.0.113.0/24");
    private static final String FLOW =
            "arn:aws:mediaconnect:us-east-1:123456789012:flow:" + "1-23aBC45dEF67hiJ8-12AbC34DE5fG:live";
    private static final Map<String, Object> MEDIACONNECT = Map.of(
            "Type",
            "MEDIACONNECT",
            "ChannelClass",
            "SINGLE_PIPELINE",
            "PriMediaConnectArn",
            FLOW,
            "RoleArn",
            "arn:aws:iam::123456789012:role/MediaLiveAccessRole");
    private static final Map<String, Object> SRT = Map.of(
            "Type",
            "SRT_CALLER",
            "ChannelClass",
            "SINGLE_PIPELINE",
            "PriSrtUrl",
            "srt://203.0.113.5:5000",
            "PriSrtStreamId",
            "live",
            "SrtPassphraseSecretArn",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:srt-AbCdEf",
            "SrtDecryptionAlgorithm",
            "AES256");
    private static final String TYPES =
            "allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE," + " SRT_CALLER, MEDIACONNECT";
    private static final String NOT_A_CIDR = "which is not an IPv4 CIDR block like 203.0.113.0/24";
    private static final String HTTP_PULL = "a URL_PULL input pulls over http:// or https:// from a host, e.g."
            + " https://example.com/live/index.m3u8";

    InputBadInputTest() {
        super(KIND);
    }

    static Stream<BadInput> refused() {
        return Stream.concat(
                Stream.of(
                        missing(PULL, "Type", "Type is required; " + TYPES),
                        empty(PULL, "Type", "Type is required; " + TYPES),
                        value(PULL, "Type", "unknown", "UDP_PUSH", "Type is 'UDP_PUSH'; " + TYPES),
                        value(
                                PULL,
                                "ChannelClass",
                                "unknown",
                                "DUAL",
                                "ChannelClass is 'DUAL'; allowed values: STANDARD," + " SINGLE_PIPELINE"),
                        missing(
                                PUSH,
                                "Cidr",
                                "Cidr is required for push inputs: one or more comma-separated IPv4 CIDR blocks"
                                        + " the encoder pushes from, e.g. 203.0.113.0/24 (0.0.0.0/0 opens the input to everyone and"
                                        + " must be given explicitly)"),
                        value(
                                PUSH,
                                "Cidr",
                                "an octet above 255",
                                "10.0.0.300/8",
                                "Cidr has '10.0.0.300/8', " + NOT_A_CIDR),
                        value(PUSH, "Cidr", "IPv6", "2001:db8::/32", "Cidr has '2001:db8::/32', " + NOT_A_CIDR),
                        value(PUSH, "Cidr", "non-ASCII digits", "１０.0.0.0/8", "Cidr has '１０.0.0.0/8', " + NOT_A_CIDR),
                        value(
                                PUSH,
                                "Cidr",
                                "eleven blocks",
                                IntStream.rangeClosed(1, 11)
                                        .mapToObj(i -> "10.0." + i + ".0/24")
                                        .collect(Collectors.joining(",")),
                                "Cidr has 11 CIDR blocks; MediaLive allows at most 10 in one input security group"),
                        value(
                                PUSH,
                                "Cidr",
                                "a list holding an object",
                                List.of("10.0.0.0/8", Map.of("a", "b")),
                                "Cidr must be a list of single values"),
                        missing(PULL, "PriUrl", "PriUrl is required for a URL_PULL input"),
                        value(
                                PULL,
                                "PriUrl",
                                "ftp",
                                "ftp://origin.example.com/live.m3u8",
                                "PriUrl is 'ftp://origin.example.com/live.m3u8'; " + HTTP_PULL),
                        value(
                                PULL,
                                "PriUrl",
                                "not a URL",
                                "origin example",
                                "PriUrl is not a valid URL; a URL_PULL input" + " pulls over http:// or https://"),
                        value(
                                PULL,
                                "PriUrl",
                                "with a password",
                                "https://viewer:s3cret@origin.example.com/a.m3u8",
                                "PriUrl must not carry a user name or password; give them in PriUser and PriPass"),
                        value(
                                PULL,
                                "PriUrl",
                                "non-ASCII",
                                "https://origin.example.com/übertragung.m3u8",
                                "PriUrl contains a non-ASCII character (U+00FC) at position 28; only ASCII is allowed here"
                                        + " (percent-encode other characters in a URL)"),
                        value(
                                PULL,
                                "PriUrl",
                                "2049 characters",
                                "https://origin.example.com/" + "a".repeat(2022),
                                "PriUrl is 2049 characters long; at most 2048 are allowed"),
                        values(
                                PULL,
                                "PriUrl",
                                "https on an RTMP_PULL input",
                                Map.of(
                                        "Type",
                                        "RTMP_PULL",
                                        "ChannelClass",
                                        "STANDARD",
                                        "SecUrl",
                                        "rtmp://203.0.113.5:1935/live/b"),
                                "PriUrl is"
                                        + " 'https://origin.example.com/live/a.m3u8'; a RTMP_PULL input pulls over rtmp:// or rtmps://"
                                        + " from a host, e.g. rtmp://203.0.113.5:1935/live/stream"),
                        missing(
                                PULL,
                                "SecUrl",
                                "SecUrl is required for a URL_PULL input of ChannelClass STANDARD (two"
                                        + " sources); set it or use ChannelClass SINGLE_PIPELINE"),
                        missing(PULL, "PriUser", "PriPass is set but PriUser is not; a password needs a user name"),
                        missing(PULL, "SecUser", "SecPass is set but SecUser is not; a password needs a user name"),
                        value(
                                PULL,
                                "PriUser",
                                "2049 characters",
                                "u".repeat(2049),
                                "PriUser is 2049 characters long; at most 2048 are allowed"),
                        value(
                                PULL,
                                "PriPass",
                                "2049 characters",
                                "p".repeat(2049),
                                "PriPass is 2049 characters long; at most 2048 are allowed"),
                        missing(
                                MEDIACONNECT,
                                "PriMediaConnectArn",
                                "PriMediaConnectArn is required for a MEDIACONNECT input"),
                        value(
                                MEDIACONNECT,
                                "PriMediaConnectArn",
                                "not a flow ARN",
                                "arn:aws:mediaconnect:flow",
                                "PriMediaConnectArn is 'arn:aws:mediaconnect:flow'; it must be a MediaConnect flow ARN like"
                                        + " arn:aws:mediaconnect:<region>:<account>:flow:<id>:<name>"),
                        values(
                                MEDIACONNECT,
                                "SecMediaConnectArn",
                                "missing on STANDARD",
                                Map.of("ChannelClass", "STANDARD"),
                                "SecMediaConnectArn is required for a MEDIACONNECT input of ChannelClass STANDARD (two"
                                        + " sources); set it or use ChannelClass SINGLE_PIPELINE"),
                        missing(MEDIACONNECT, "RoleArn", "RoleArn is required for a MEDIACONNECT input"),
                        value(
                                MEDIACONNECT,
                                "RoleArn",
                                "a role name",
                                "MediaLiveAccessRole",
                                "RoleArn is"
                                        + " 'MediaLiveAccessRole'; it must be an IAM role ARN like arn:aws:iam::<account>:role/<name>"
                                        + " that MediaLive may assume"),
                        missing(SRT, "PriSrtUrl", "PriSrtUrl is required for a SRT_CALLER input"),
                        value(
                                SRT,
                                "PriSrtUrl",
                                "without a port",
                                "srt://203.0.113.5",
                                "PriSrtUrl is 'srt://203.0.113.5';"
                                        + " a SRT_CALLER input calls a listener at srt://<host>:<port>, e.g. srt://203.0.113.5:5000"
                                        + " (put a stream id in PriSrtStreamId)"),
                        values(
                                SRT,
                                "SecSrtUrl",
                                "missing on STANDARD",
                                Map.of("ChannelClass", "STANDARD"),
                                "SecSrtUrl is required for a SRT_CALLER input of ChannelClass STANDARD (two sources); set it or"
                                        + " use ChannelClass SINGLE_PIPELINE"),
                        value(
                                SRT,
                                "PriSrtStreamId",
                                "513 characters",
                                "s".repeat(513),
                                "PriSrtStreamId is 513 characters; SRT allows at most 512"),
                        value(
                                SRT,
                                "SrtPassphraseSecretArn",
                                "the passphrase itself",
                                "hunter2",
                                "SrtPassphraseSecretArn is"
                                        + " not a Secrets Manager secret ARN; MediaLive reads the SRT passphrase from Secrets Manager,"
                                        + " so give the ARN of the secret holding it, like"
                                        + " arn:aws:secretsmanager:<region>:<account>:secret:<name>"),
                        value(
                                SRT,
                                "SrtDecryptionAlgorithm",
                                "unknown",
                                "AES512",
                                "SrtDecryptionAlgorithm is 'AES512'; allowed values: AES128, AES192, AES256"),
                        value(
                                PULL,
                                "PriURL",
                                "a misspelt property",
                                "https://origin.example.com/live/a.m3u8",
                                "PriURL is not a property of Custom::MediaLiveInput; did you mean PriUrl?"),
                        value(
                                PUSH,
                                "Cidrs",
                                "a misspelt property",
                                "203.0.113.0/24",
                                "Cidrs is not a property of Custom::MediaLiveInput; did you mean Cidr?")),
                BadInputMatrix.everyProperty(KIND, PULL));
    }

    static Stream<BadInput> accepted() {
        return Stream.of(
                empty(PULL, "ChannelClass", "blank: STANDARD"),
                value(PUSH, "Cidr", "a JSON list", List.of("203.0.113.0/24", "198.51.100.7/32"), "a list"),
                value(PUSH, "Cidr", "the whole internet, written out", "0.0.0.0/0", "explicit"),
                value(PUSH, "Cidr", "spaces after commas", "203.0.113.0/24, 198.51.100.7/32", "trimmed"),
                value(
                        PULL,
                        "PriUrl",
                        "a long access token in the query",
                        "https://origin.example.com/a.m3u8?token=" + "t".repeat(1900),
                        "queries are not shown in Data"),
                value(PULL, "PriUser", "non-ASCII", "zuschauer-ü", "any text"),
                value(PULL, "PriPass", "non-ASCII", "pässwörd", "any text"),
                value(SRT, "PriSrtStreamId", "non-ASCII", "直播", "any text"),
                missing(SRT, "SrtDecryptionAlgorithm", "absent: AES128"),
                value(PULL, "PriSrtUrl", "a property the type does not read", "not even a URL", "ignored"));
    }

    @Test
    void everyIndependentProblemIsReportedInOneAnswer() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Type", "URL_PULL");
        properties.put("ChannelClass", "STANDARD");
        properties.put("PriUrl", "ftp://origin.example.com/live.m3u8");
        properties.put("SecUrl", "https://origin.example.com/live/b.m3u8");
        properties.put("SecPass", "s3cret");
        properties.put("Cidrs", "203.0.113.0/24");

        assertCreateRefused(
                properties,
                "3 problems: (1) PriUrl is 'ftp://origin.example.com/live.m3u8'; "
                        + HTTP_PULL
                        + "; (2) SecPass is set but SecUser is not; a password needs a user name; (3) Cidrs is not"
                        + " a property of Custom::MediaLiveInput; did you mean Cidr?");
    }

    @Test
    void aRefusalNamingEveryPropertyStillFitsWithTheLongestIds() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : matrix.manager(KIND).spec().properties()) {
            properties.put(name, "x".repeat(10_240));
        }

        JsonNode answer = matrix.createWithLongestIds(KIND, properties);

        assertEquals("FAILED", answer.get("Status").asText());
        String reason = answer.get("Reason").asText();
        assertTrue(reason.startsWith(properties.size() + " problems: (1) "), reason);
        assertEquals(LongestIds.LOGICAL_ID, answer.get("LogicalResourceId").asText());
    }

    @Test
    void aBadUpdateKeepsTheInputsIdAndCallsNoAws() {
        Map<String, Object> properties = new LinkedHashMap<>(PUSH);
        properties.put("Cidr", "203.0.113.0/33");

        assertUpdateRefused("1234567", properties, PUSH, "Cidr has '203.0.113.0/33', " + NOT_A_CIDR);
    }
}
