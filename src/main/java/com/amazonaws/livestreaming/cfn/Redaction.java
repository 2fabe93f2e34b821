package com.amazonaws.livestreaming.cfn;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What may leave the process in a log line or a Reason. The presigned ResponseURL is a bearer credential until it
 * expires, and passwords arrive as plain properties, so everything printed goes through here first.
 */
public final class Redaction {
    /** Property names that hold secrets: anything that says pass, password, passphrase, secret, token. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token|credential).*");
    /** Names the pattern above matches that hold no secret. */
    private static final Set<String> NOT_SECRET = Set.of("ServiceToken");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    /**
     * {@code scheme://user:password@}: the user info of a URL anywhere in a text, read from the raw authority (up to
     * the first {@code /}, through its last {@code @}), so a password holding {@code #}, {@code ?} or {@code @} is
     * masked whole.
     */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/]*@");
    /** {@code scheme://host/path?query}: the query of a URL anywhere in a text, where tokens and signatures live. */
    private static final Pattern URL_QUERY = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#]*)\\?[^\\s#]*");

    public static final String MASK = "****";

    private Redaction() {}

    /**
     * Whether a value of this name is masked. {@code ServiceToken} is not a secret (it is the function's ARN, which
     * the template names openly) and is shown, so a person can tell which function version served a request.
     */
    public static boolean isSecretName(String name) {
        return name != null
                && !NOT_SECRET.contains(name)
                && SECRET_NAME.matcher(name).matches();
    }

    /** Scheme, host and path of a URL, never its query (where the signature lives). */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + host + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            int cut = url.indexOf('?');
            return cut < 0 ? "(unparseable url)" : url.substring(0, cut);
        }
    }

    /**
     * {@code text} with the user info and the query of every URL in it masked: a pull source URL may carry
     * {@code user:password@} or an access token, and it arrives as a plain property.
     */
    public static String urlCredentials(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        String masked = URL_USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        return URL_QUERY.matcher(masked).replaceAll("$1?" + MASK);
    }

    /**
     * A copy with every secret-named value (at any depth) replaced by {@link #MASK}, and the credentials of any URL
     * in the other values masked (see {@link #urlCredentials}).
     */
    public static Map<String, Object> properties(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, redactValue(k, v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(String name, Object value) {
        if (isSecretName(name) && value != null) {
            return MASK;
        }
        if (value instanceof Map<?, ?> map) {
            return properties((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> redactValue("", v)).toList();
        }
        if (value instanceof String text) {
            return urlCredentials(text);
        }
        return value;
    }

    /** One line: control characters and line breaks become spaces, runs of spaces fold. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(CONTROL.matcher(text).replaceAll(" "))
                .replaceAll(" ")
                .trim();
    }

    public static String shorten(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, Math.max(0, maxChars - 3)) + "...";
    }
}
