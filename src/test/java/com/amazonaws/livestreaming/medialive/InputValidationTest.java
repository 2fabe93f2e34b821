package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.InputStubs.KIND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad template value fails before any AWS call, with one line naming the property. */
class InputValidationTest {
    private static final String FLOW =
            "arn:aws:mediaconnect:us-east-1:123456789012:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:live";
    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaLiveAccessRole";

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private InputManager manager;

    @BeforeEach
    void start() {
        manager = new InputManager(wire.clients(), Duration.ofMillis(10));
    }

    /** {@link #refused(Object...)} of an input of {@code type} and {@code channelClass} with {@code more} properties. */
    private InvalidPropertyException refusedInput(String type, String channelClass, String... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("Type", type);
        properties.put("ChannelClass", channelClass);
        return refusedWith(properties, more);
    }

    /** Creates with {@code properties}, expects the refusal, and checks no AWS call was made. */
    private InvalidPropertyException refused(Object... keyValues) {
        return refusedWith(new HashMap<>(), keyValues);
    }

    private InvalidPropertyException refusedWith(Map<String, Object> properties, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class,
                () -> manager.create(
                        Requests.create(KIND, properties), Requests.invocation().invocation()));
        assertEquals(List.of(), wire.calls());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    @Test
    void unknownTypeListsTheAllowedTypes() {
        InvalidPropertyException e = refused("Type", "UDP_PUSH", "Cidr", "10.0.0.0/8");
        assertEquals("Type", e.property());
        assertEquals(
                "Type is 'UDP_PUSH'; allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE, "
                        + "SRT_CALLER, MEDIACONNECT",
                e.getMessage());
    }

    @Test
    void missingTypeIsRefused() {
        assertEquals(
                "Type is required; allowed values: RTP_PUSH, RTMP_PUSH, URL_PULL, RTMP_PULL, MP4_FILE, SRT_CALLER,"
                        + " MEDIACONNECT",
                refused("Cidr", "10.0.0.0/8").getMessage());
    }

    @Test
    void unknownChannelClassListsTheAllowedClasses() {
        assertEquals(
                "ChannelClass is 'DUAL'; allowed values: STANDARD, SINGLE_PIPELINE",
                refusedInput("RTP_PUSH", "DUAL", "Cidr", "10.0.0.0/8").getMessage());
    }

    @Test
    void pushInputWithoutCidrDoesNotDefaultToTheWholeInternet() {
        InvalidPropertyException e = refused("Type", "RTMP_PUSH");
        assertEquals("Cidr", e.property());
        assertEquals(
                "Cidr is required for push inputs: one or more comma-separated IPv4 CIDR blocks the encoder"
                        + " pushes from, e.g. 203.0.113.0/24 (0.0.0.0/0 opens the input to everyone and must be given"
                        + " explicitly)",
                e.getMessage());
    }

    @Test
    void blankCidrCountsAsMissing() {
        assertEquals("Cidr", refusedInput("RTP_PUSH", "STANDARD", "Cidr", " , ").property());
    }

    @Test
    void malformedCidrIsNamed() {
        assertEquals(
                "Cidr has '10.0.0.300/8', which is not an IPv4 CIDR block like 203.0.113.0/24",
                refusedInput("RTMP_PUSH", "STANDARD", "Cidr", "10.0.0.0/8,10.0.0.300/8")
                        .getMessage());
    }

    @Test
    void cidrWithoutPrefixLengthIsRefused() {
        assertEquals(
                "Cidr has '203.0.113.7', which is not an IPv4 CIDR block like 203.0.113.0/24",
                refusedInput("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.7").getMessage());
    }

    @Test
    void cidrPrefixLongerThan32IsRefused() {
        assertEquals(
                "Cidr",
                refusedInput("RTMP_PUSH", "STANDARD", "Cidr", "203.0.113.0/33").property());
    }

    @Test
    void moreThanTenCidrBlocksIsRefused() {
        StringBuilder cidrs = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            cidrs.append(i == 1 ? "" : ",").append("10.0.").append(i).append(".0/24");
        }
        assertEquals(
                "Cidr has 11 CIDR blocks; MediaLive allows at most 10 in one input security group",
                refusedInput("RTMP_PUSH", "STANDARD", "Cidr", cidrs.toString()).getMessage());
    }

    @Test
    void urlPullOverFtpIsRefused() {
        assertEquals(
                "PriUrl is 'ftp://origin.example.com/live.m3u8'; a URL_PULL input pulls over http:// or"
                        + " https:// from a host, e.g. https://example.com/live/index.m3u8",
                refusedInput(
                                "URL_PULL",
                                "STANDARD",
                                "PriUrl",
                                "ftp://origin.example.com/live.m3u8",
                                "SecUrl",
                                "https://origin.example.com/b.m3u8")
                        .getMessage());
    }

    @Test
    void mp4FileOverRtmpIsRefused() {
        assertEquals(
                "SecUrl",
                refusedInput(
                                "MP4_FILE",
                                "STANDARD",
                                "PriUrl",
                                "https://media.example.com/a.mp4",
                                "SecUrl",
                                "rtmp://media.example.com/a.mp4")
                        .property());
    }

    @Test
    void mp4FileNamesTheSchemesItPullsOver() {
        assertEquals(
                "PriUrl is 'ftp://media.example.com/a.mp4'; a MP4_FILE input pulls over http://, https://, s3://"
                        + " or s3ssl:// from a host, e.g. s3ssl://my-bucket/videos/clip.mp4",
                refusedInput("MP4_FILE", "SINGLE_PIPELINE", "PriUrl", "ftp://media.example.com/a.mp4")
                        .getMessage());
    }

    @Test
    void mp4FileFromABucketWithDotsIsRefused() {
        assertEquals(
                "PriUrl is 's3ssl://my.code.bucket/clip.mp4'; MediaLive cannot read from an S3 bucket whose name"
                        + " has dots; copy the file to a bucket without dots",
                refusedInput("MP4_FILE", "SINGLE_PIPELINE", "PriUrl", "s3ssl://my.code.bucket/clip.mp4")
                        .getMessage());
    }

    @Test
    void mp4FileFromS3MustNameTheObject() {
        assertEquals(
                "SecUrl is 's3://my-bucket/videos/'; it must name the MP4 file itself, e.g."
                        + " s3ssl://my-bucket/videos/clip.mp4",
                refusedInput(
                                "MP4_FILE",
                                "STANDARD",
                                "PriUrl",
                                "s3ssl://my-bucket/videos/clip.mp4",
                                "SecUrl",
                                "s3://my-bucket/videos/")
                        .getMessage());
    }

    @Test
    void urlPullFromS3IsNotAnMp4FileAndIsRefused() {
        assertEquals(
                "PriUrl",
                refusedInput("URL_PULL", "SINGLE_PIPELINE", "PriUrl", "s3ssl://my-bucket/live/index.m3u8")
                        .property());
    }

    @Test
    void refusedUrlIsEchoedWithoutItsQueryString() {
        InvalidPropertyException e = refusedInput(
                "URL_PULL", "SINGLE_PIPELINE", "PriUrl", "ftp://origin.example.com/live.m3u8?token=s3cr3t-token");
        assertEquals("PriUrl", e.property());
        assertFalse(e.getMessage().contains("s3cr3t-token"), e.getMessage());
    }

    @Test
    void rtmpPullOverHttpIsRefused() {
        assertEquals(
                "PriUrl is 'https://203.0.113.5/live'; a RTMP_PULL input pulls over rtmp:// or rtmps:// from a"
                        + " host, e.g. rtmp://203.0.113.5:1935/live/stream",
                refusedInput("RTMP_PULL", "SINGLE_PIPELINE", "PriUrl", "https://203.0.113.5/live")
                        .getMessage());
    }

    @Test
    void pullUrlCarryingCredentialsIsRefusedWithoutEchoingThem() {
        InvalidPropertyException e = refusedInput(
                "URL_PULL", "SINGLE_PIPELINE", "PriUrl", "https://bob:hunter2@origin.example.com/live.m3u8");
        assertEquals("PriUrl must not carry a user name or password; give them in PriUser and PriPass", e.getMessage());
    }

    @Test
    void aPasswordThatAUriParserReadsAsAFragmentIsStillRefusedWithoutEchoingIt() {
        InvalidPropertyException e = refusedInput(
                "URL_PULL", "SINGLE_PIPELINE", "PriUrl", "https://bob:hun#ter2@origin.example.com/live.m3u8");
        assertEquals("PriUrl must not carry a user name or password; give them in PriUser and PriPass", e.getMessage());
    }

    @Test
    void srtCallerNeedsAnSrtUrlWithAPort() {
        assertEquals(
                "PriSrtUrl is 'srt://203.0.113.5'; a SRT_CALLER input calls a listener at srt://<host>:<port>,"
                        + " e.g. srt://203.0.113.5:5000 (put a stream id in PriSrtStreamId)",
                refusedInput("SRT_CALLER", "SINGLE_PIPELINE", "PriSrtUrl", "srt://203.0.113.5")
                        .getMessage());
    }

    @Test
    void srtCallerOverUdpIsRefused() {
        assertEquals(
                "SecSrtUrl",
                refusedInput(
                                "SRT_CALLER",
                                "STANDARD",
                                "PriSrtUrl",
                                "srt://203.0.113.5:5000",
                                "SecSrtUrl",
                                "udp://203.0.113.6:5000")
                        .property());
    }

    @Test
    void srtPassphraseMustBeASecretsManagerArn() {
        InvalidPropertyException e = refusedInput(
                "SRT_CALLER",
                "SINGLE_PIPELINE",
                "PriSrtUrl",
                "srt://203.0.113.5:5000",
                "SrtPassphraseSecretArn",
                "correct horse battery staple");
        assertEquals("SrtPassphraseSecretArn", e.property());
        assertFalse(e.getMessage().contains("horse"), e.getMessage());
    }

    @Test
    void standardPullInputNeedsASecondSource() {
        assertEquals(
                "SecUrl is required for a URL_PULL input of ChannelClass STANDARD (two sources); set it or use"
                        + " ChannelClass SINGLE_PIPELINE",
                refusedInput("URL_PULL", "STANDARD", "PriUrl", "https://origin.example.com/a.m3u8")
                        .getMessage());
    }

    @Test
    void standardSrtInputNeedsASecondListener() {
        assertEquals(
                "SecSrtUrl",
                refusedInput("SRT_CALLER", "STANDARD", "PriSrtUrl", "srt://203.0.113.5:5000")
                        .property());
    }

    @Test
    void standardMediaConnectInputNeedsASecondFlow() {
        assertEquals(
                "SecMediaConnectArn is required for a MEDIACONNECT input of ChannelClass STANDARD (two"
                        + " sources); set it or use ChannelClass SINGLE_PIPELINE",
                refusedInput("MEDIACONNECT", "STANDARD", "PriMediaConnectArn", FLOW, "RoleArn", ROLE)
                        .getMessage());
    }

    @Test
    void malformedMediaConnectArnIsRefused() {
        assertEquals(
                "PriMediaConnectArn is 'arn:aws:mediaconnect:us-east-1:123456789012:flow:live'; it must be a"
                        + " MediaConnect flow ARN like arn:aws:mediaconnect:<region>:<account>:flow:<id>:<name>",
                refusedInput(
                                "MEDIACONNECT",
                                "SINGLE_PIPELINE",
                                "RoleArn",
                                ROLE,
                                "PriMediaConnectArn",
                                "arn:aws:mediaconnect:us-east-1:123456789012:flow:live")
                        .getMessage());
    }

    @Test
    void mediaConnectInputRequiresRoleArn() {
        assertEquals(
                "RoleArn is required for a MEDIACONNECT input",
                refusedInput("MEDIACONNECT", "SINGLE_PIPELINE", "PriMediaConnectArn", FLOW)
                        .getMessage());
    }

    @Test
    void malformedRoleArnIsRefused() {
        assertEquals(
                "RoleArn",
                refusedInput(
                                "MEDIACONNECT",
                                "SINGLE_PIPELINE",
                                "PriMediaConnectArn",
                                FLOW,
                                "RoleArn",
                                "MediaLiveAccessRole")
                        .property());
    }

    @Test
    void passwordWithoutUserIsRefused() {
        assertEquals(
                "PriPass is set but PriUser is not; a password needs a user name",
                refusedInput(
                                "URL_PULL",
                                "SINGLE_PIPELINE",
                                "PriUrl",
                                "https://origin.example.com/a.m3u8",
                                "PriPass",
                                "x")
                        .getMessage());
    }

    @Test
    void badPropertiesOnUpdateAreRefusedBeforeAnyCall() {
        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class,
                () -> manager.update(
                        InputStubs.update(
                                InputStubs.INPUT_ID,
                                Map.of("Type", "RTMP_PUSH", "ChannelClass", "STANDARD", "Cidr", "everyone"),
                                Map.of("Type", "RTMP_PUSH", "ChannelClass", "STANDARD", "Cidr", "10.0.0.0/8")),
                        Requests.invocation().invocation()));
        assertEquals("Cidr", e.property());
        assertEquals(List.of(), wire.calls());
    }
}
