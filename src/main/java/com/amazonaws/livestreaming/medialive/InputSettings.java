package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.aws.IamRoleArn;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Problems;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.medialive.model.Algorithm;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.InputType;

/**
 * What the template asks of the input, fully validated before any AWS call, so a typo fails in a second with a
 * one-line reason naming the property instead of after a half-made input. It holds no password values (see
 * {@link InputPasswords}), so it is safe to log.
 *
 * @param type         one of the supported input types
 * @param channelClass STANDARD (two sources or destinations) or SINGLE_PIPELINE (one)
 * @param cidrs        the push whitelist; present exactly for push types
 * @param pullSources  URL_PULL, RTMP_PULL and MP4_FILE sources, primary first (MP4_FILE also from S3:
 *                     {@code s3ssl://bucket/key.mp4}, read with the channel's role)
 * @param flowArns     MEDIACONNECT flows, primary first
 * @param roleArn      the role MediaLive assumes to read MediaConnect flows
 * @param srtSources   SRT_CALLER listeners to call, primary first
 * @param decryption   the SRT decryption, when the source is encrypted
 */
public record InputSettings(
        InputType type,
        ChannelClass channelClass,
        Optional<CidrList> cidrs,
        List<PullSource> pullSources,
        List<String> flowArns,
        Optional<String> roleArn,
        List<SrtSource> srtSources,
        Optional<SrtDecryption> decryption) {

    /** A source MediaLive pulls from; {@code hasPassword} says a password is kept in SSM for it. */
    public record PullSource(Pipeline pipeline, String url, Optional<String> username, boolean hasPassword) {}

    /** An SRT listener MediaLive calls. */
    public record SrtSource(Pipeline pipeline, String host, int port, Optional<String> streamId) {
        public String url() {
            return "srt://" + host + ":" + port;
        }
    }

    /** How to decrypt an encrypted SRT source: the passphrase lives in Secrets Manager, MediaLive reads it there. */
    public record SrtDecryption(String passphraseSecretArn, Algorithm algorithm) {}

    /** The input types this kind makes, in the order the error message lists them. */
    public static final List<String> TYPES =
            List.of("RTP_PUSH", "RTMP_PUSH", "URL_PULL", "RTMP_PULL", "MP4_FILE", "SRT_CALLER", "MEDIACONNECT");

    static final Set<InputType> PUSH = Set.of(InputType.RTP_PUSH, InputType.RTMP_PUSH);
    static final Set<InputType> PULL = Set.of(InputType.URL_PULL, InputType.RTMP_PULL, InputType.MP4_FILE);
    static final String SRT_ALGORITHM = "SrtDecryptionAlgorithm";
    private static final List<String> ALGORITHMS = List.of("AES128", "AES192", "AES256");
    private static final int MAX_STREAM_ID = 512;
    private static final String PARTITION = "arn:aws(?:-[a-z]+)*:";
    private static final Pattern FLOW_ARN = Pattern.compile(
            PARTITION + "mediaconnect:[a-z]{2}(?:-[a-z]+)+-\\d+:\\d{12}:flow:[A-Za-z0-9-]+:[A-Za-z0-9._-]+");
    private static final Pattern SECRET_ARN =
            Pattern.compile(PARTITION + "secretsmanager:[a-z]{2}(?:-[a-z]+)+-\\d+:\\d{12}:secret:[\\w/+=.@-]+");

    public InputSettings {
        pullSources = List.copyOf(pullSources);
        flowArns = List.copyOf(flowArns);
        srtSources = List.copyOf(srtSources);
    }

    /**
     * Reads and validates every property the type needs; throws {@link InvalidPropertyException} carrying every
     * problem found (the sources of both pipelines, the role, the decryption are checked independently).
     */
    public static InputSettings from(Properties p) {
        Problems problems = new Problems();
        Optional<InputType> typeRead = problems.read(() -> InputType.fromValue(p.oneOf("Type", TYPES)));
        Optional<ChannelClass> classRead = problems.read(() -> ChannelClass.fromValue(
                p.oneOf("ChannelClass", StackDefaults.CHANNEL_CLASSES, StackDefaults.CHANNEL_CLASS)));
        problems.throwIfAny();
        InputType type = typeRead.orElseThrow();
        ChannelClass channelClass = classRead.orElseThrow();
        List<Pipeline> pipelines = channelClass == ChannelClass.STANDARD
                ? List.of(Pipeline.PRIMARY, Pipeline.SECONDARY)
                : List.of(Pipeline.PRIMARY);
        Optional<CidrList> cidrs = PUSH.contains(type) ? problems.read(() -> CidrList.from(p)) : Optional.empty();
        List<PullSource> pull = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        List<SrtSource> srt = new ArrayList<>();
        Optional<String> role = Optional.empty();
        Optional<SrtDecryption> decryption = Optional.empty();
        for (Pipeline pipeline : pipelines) {
            if (PULL.contains(type)) {
                problems.read(() -> pullSource(p, type, pipeline)).ifPresent(pull::add);
            } else if (type == InputType.MEDIACONNECT) {
                problems.read(() -> matching(
                                p,
                                pipeline.property("MediaConnectArn"),
                                type,
                                pipeline,
                                FLOW_ARN,
                                "it must be a MediaConnect flow ARN like"
                                        + " arn:aws:mediaconnect:<region>:<account>:flow:<id>:<name>"))
                        .ifPresent(flows::add);
            } else if (type == InputType.SRT_CALLER) {
                problems.read(() -> srtSource(p, pipeline)).ifPresent(srt::add);
            }
        }
        if (type == InputType.MEDIACONNECT) {
            role = problems.read(() -> matching(
                    p,
                    "RoleArn",
                    type,
                    null,
                    IamRoleArn.pattern(),
                    "it must be an IAM role ARN like " + IamRoleArn.FORM + " that MediaLive may assume"));
        }
        if (type == InputType.SRT_CALLER && p.optional("SrtPassphraseSecretArn").isPresent()) {
            Optional<String> secret = problems.read(() -> passphraseSecretArn(p));
            Optional<Algorithm> algorithm =
                    problems.read(() -> Algorithm.fromValue(p.oneOf(SRT_ALGORITHM, ALGORITHMS, "AES128")));
            if (secret.isPresent() && algorithm.isPresent()) {
                decryption = Optional.of(new SrtDecryption(secret.get(), algorithm.get()));
            }
        }
        problems.throwIfAny();
        return new InputSettings(type, channelClass, cidrs, pull, flows, role, srt, decryption);
    }

    private static String passphraseSecretArn(Properties p) {
        String secret = p.required("SrtPassphraseSecretArn");
        if (!SECRET_ARN.matcher(secret).matches()) {
            // not echoed: a user who misread the property may have put the passphrase itself here
            throw new InvalidPropertyException(
                    "SrtPassphraseSecretArn",
                    "SrtPassphraseSecretArn is not a Secrets"
                            + " Manager secret ARN; MediaLive reads the SRT passphrase from Secrets Manager, so give the ARN of"
                            + " the secret holding it, like arn:aws:secretsmanager:<region>:<account>:secret:<name>");
        }
        return secret;
    }

    public boolean isPush() {
        return PUSH.contains(type);
    }

    public boolean isStandard() {
        return channelClass == ChannelClass.STANDARD;
    }

    private static PullSource pullSource(Properties p, InputType type, Pipeline pipeline) {
        String name = pipeline.property("Url");
        String url = requiredFor(p, name, type, pipeline);
        Set<String> schemes = type == InputType.RTMP_PULL
                ? Set.of("rtmp", "rtmps")
                : type == InputType.MP4_FILE ? Set.of("http", "https", "s3", "s3ssl") : Set.of("http", "https");
        String expected = type == InputType.RTMP_PULL
                ? "rtmp:// or rtmps://"
                : type == InputType.MP4_FILE ? "http://, https://, s3:// or s3ssl://" : "http:// or https://";
        if (rawAuthority(url).contains("@") || uri(url).getRawUserInfo() != null) {
            throw new InvalidPropertyException(
                    name,
                    name + " must not carry a user name or password; give them in " + pipeline.property("User")
                            + " and " + pipeline.property("Pass"));
        }
        URI uri = parse(name, url, "a " + type + " input pulls over " + expected);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + shown(url) + "'; a " + type
                            + " input pulls over " + expected + " from a host, e.g. "
                            + (type == InputType.RTMP_PULL
                                    ? "rtmp://203.0.113.5:1935/live/stream"
                                    : type == InputType.MP4_FILE
                                            ? "s3ssl://my-bucket/videos/clip.mp4"
                                            : "https://example.com/live/index.m3u8"));
        }
        if (scheme.startsWith("s3")) {
            checkS3Source(name, url, uri);
        }
        Optional<String> user = p.optional(pipeline.property("User"));
        boolean hasPassword = p.optional(pipeline.property("Pass")).isPresent();
        if (hasPassword && user.isEmpty()) {
            throw new InvalidPropertyException(
                    pipeline.property("Pass"),
                    pipeline.property("Pass") + " is set but " + pipeline.property("User")
                            + " is not; a password needs a user name");
        }
        return new PullSource(pipeline, url, user, hasPassword);
    }

    /**
     * MediaLive reads {@code s3ssl://bucket/key} (or {@code s3://}) with the channel's role; it refuses bucket names
     * with dots, and a file input must name an object.
     */
    private static void checkS3Source(String name, String url, URI uri) {
        if (uri.getHost().contains(".")) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + shown(url) + "'; MediaLive cannot read from an "
                            + "S3 bucket whose name has dots; copy the file to a bucket without dots");
        }
        String key = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (key.isEmpty() || key.endsWith("/")) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + shown(url) + "'; it must name the MP4 file "
                            + "itself, e.g. s3ssl://my-bucket/videos/clip.mp4");
        }
    }

    private static SrtSource srtSource(Properties p, Pipeline pipeline) {
        String name = pipeline.property("SrtUrl");
        String url = requiredFor(p, name, InputType.SRT_CALLER, pipeline);
        String expected = "a SRT_CALLER input calls a listener at srt://<host>:<port>, e.g. srt://203.0.113.5:5000";
        URI uri = parse(name, url, expected);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidPropertyException(
                    name,
                    name + " must not carry a user name or password; "
                            + "an encrypted SRT source takes its passphrase from SrtPassphraseSecretArn");
        }
        boolean valid = "srt".equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null
                && !uri.getHost().isEmpty()
                && uri.getPort() >= 1
                && uri.getPort() <= 65535
                && (uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!valid) {
            throw new InvalidPropertyException(
                    name,
                    name + " is '" + shown(url) + "'; " + expected + " (put a stream id in "
                            + pipeline.property("SrtStreamId") + ")");
        }
        Optional<String> streamId = p.optional(pipeline.property("SrtStreamId"));
        if (streamId.isPresent() && streamId.get().length() > MAX_STREAM_ID) {
            throw new InvalidPropertyException(
                    pipeline.property("SrtStreamId"),
                    pipeline.property("SrtStreamId") + " is " + streamId.get().length()
                            + " characters; SRT allows at most " + MAX_STREAM_ID);
        }
        return new SrtSource(pipeline, uri.getHost(), uri.getPort(), streamId);
    }

    /** A URL for a reason line: shortened, and without its query, which may carry an access token. */
    private static String shown(String url) {
        int query = url.indexOf('?');
        return Redaction.shorten(Redaction.urlCredentials(query < 0 ? url : url.substring(0, query) + "?..."), 96);
    }

    /**
     * What follows {@code scheme://} up to the first {@code /}: the authority as typed, so that a password holding
     * {@code #}, {@code ?} or {@code @} (which a URI parser would read as a fragment, query or host) is still seen.
     */
    private static String rawAuthority(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = url.indexOf('/', start + 3);
        return url.substring(start + 3, end < 0 ? url.length() : end);
    }

    /** The URI, or none when it does not parse (reported by {@link #parse} with the expected form). */
    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return URI.create("x:/");
        }
    }

    private static URI parse(String name, String value, String expected) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidPropertyException(name, name + " is not a valid URL; " + expected);
        }
    }

    private static String requiredFor(Properties p, String name, InputType type, Pipeline pipeline) {
        return p.optional(name)
                .orElseThrow(() -> new InvalidPropertyException(
                        name,
                        name + " is required for a "
                                + type + " input"
                                + (pipeline == Pipeline.SECONDARY
                                        ? " of ChannelClass STANDARD (two sources); set it or use ChannelClass SINGLE_PIPELINE"
                                        : "")));
    }

    private static String matching(
            Properties p, String name, InputType type, Pipeline pipeline, Pattern pattern, String describe) {
        requiredFor(p, name, type, pipeline);
        return p.matching(name, pattern, describe);
    }
}
