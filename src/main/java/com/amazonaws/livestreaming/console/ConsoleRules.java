package com.amazonaws.livestreaming.console;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Redaction;
import com.amazonaws.livestreaming.medialive.InputSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The up-front checks of {@code Custom::DemoConsole}: bucket names, a prefix S3 can hold, playback URLs a browser
 * can open (they end up in the page's config), push URLs and the channel id as plain ASCII, an input type the page
 * knows, and a region the channel link can name.
 */
final class ConsoleRules {
    /** S3's limit on a key, which the prefix is the start of. */
    static final int MAX_PREFIX = 1024;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    static final PropertyRules RULES = PropertyRules.builder()
            .maxLength(MAX_PREFIX, "SourcePrefix")
            .ascii(
                    "HlsUrl",
                    "DashUrl",
                    "MssUrl",
                    "CmafUrl",
                    "HlsAdsUrl",
                    "DashAdsUrl",
                    "EndPoint1",
                    "EndPoint2",
                    "ChannelId")
            .check(p -> p.matching("SourceBucket", DemoConsoleManager.BUCKET, DemoConsoleManager.BUCKET_RULE))
            .check(p -> p.required("SourcePrefix"))
            .check(p -> p.matching("DestinationBucket", DemoConsoleManager.BUCKET, DemoConsoleManager.BUCKET_RULE))
            .check(p -> playbackUrl(p, "HlsUrl"))
            .check(p -> playbackUrl(p, "DashUrl"))
            .check(p -> playbackUrl(p, "MssUrl"))
            .check(p -> playbackUrl(p, "CmafUrl"))
            .check(p -> playbackUrl(p, "HlsAdsUrl"))
            .check(p -> playbackUrl(p, "DashAdsUrl"))
            .check(p -> p.optional("InputType").ifPresent(type -> p.oneOf("InputType", InputSettings.TYPES)))
            .check(p -> p.optional("Region")
                    .ifPresent(
                            region -> p.matching("Region", DemoConsoleManager.REGION, DemoConsoleManager.REGION_RULE)))
            .build();

    private ConsoleRules() {}

    /** An absolute http(s) URL with a host, when given: the player fetches it as it is. */
    static void playbackUrl(Properties properties, String name) {
        properties.optional(name).ifPresent(url -> {
            boolean valid;
            try {
                URI uri = new URI(url);
                valid = uri.getScheme() != null
                        && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        && uri.getHost() != null
                        && !uri.getHost().isEmpty();
            } catch (URISyntaxException e) {
                valid = false;
            }
            if (!valid) {
                throw new InvalidPropertyException(
                        name,
                        name + " is '"
                                + Redaction.shorten(Redaction.urlCredentials(url), 96)
                                + "'; it must be an http:// or https:// URL the player can open, e.g."
                                + " https://d111111abcdef8.cloudfront.net/out/v1/0123abcd/index.m3u8");
            }
        });
    }
}
