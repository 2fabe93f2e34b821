package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.Redaction;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import java.net.URI;
import java.util.Map;

/**
 * Where an origin endpoint plays, split the way CloudFront needs it: the distribution uses {@code domainName} as
 * origin (no origin path) and forwards {@code /out/v1/*} unchanged, so {@code https://<distribution>/out/v1<manifest>}
 * plays the same stream as {@code url}.
 *
 * @param url        the full endpoint URL, e.g. {@code https://abc.mediapackage.us-east-1.amazonaws.com/out/v1/0a1b/index.m3u8}
 * @param domainName its host, {@code abc.mediapackage.us-east-1.amazonaws.com}
 * @param path       its path, {@code /out/v1/0a1b/index.m3u8}
 * @param manifest   the path after the {@code /out/v1} prefix, {@code /0a1b/index.m3u8}
 */
record EndpointUrl(String url, String domainName, String path, String manifest) {
    /** The path prefix every MediaPackage (v1) playback URL starts with. */
    public static final String ORIGIN_PATH = "/out/v1";

    /** Parses a URL MediaPackage returned; one that CloudFront could not front this way is a failure. */
    public static EndpointUrl parse(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || !"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawPath() == null
                || !uri.getRawPath().startsWith(ORIGIN_PATH + "/")) {
            throw new ResourceFailure("MediaPackage returned the endpoint URL '"
                    + Redaction.shorten(String.valueOf(url), 200) + "', which is not https://<host>" + ORIGIN_PATH
                    + "/...; CloudFront could not serve it");
        }
        String path = uri.getRawPath();
        return new EndpointUrl(url, uri.getHost(), path, path.substring(ORIGIN_PATH.length()));
    }

    /** The Data attributes: Url, DomainName, Path, Manifest. */
    public Map<String, String> data() {
        return Map.of("Url", url, "DomainName", domainName, "Path", path, "Manifest", manifest);
    }
}
