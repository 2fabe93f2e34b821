package com.amazonaws.livestreaming.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon S3 as the wire tests meet it, path-style on the endpoint override, in its REST-XML wire form: buckets
 * (versioned or not) of objects, with the calls the project makes: ListObjectsV2 (paginated by continuation token),
 * GetObject, PutObject, CopyObject, ListObjectVersions (paginated by key and version-id markers) and DeleteObjects.
 * A versioned bucket keeps every version, and deleting a key without a version id adds a delete marker; an
 * unversioned one keeps one version, "null". An unknown bucket answers 404 NoSuchBucket, an unknown key 404
 * NoSuchKey; deleting a version that does not exist succeeds, as on S3.
 *
 * <p>Objects {@linkplain #seed seeded} by a test are its fixtures (the code bucket's console files, a profile);
 * everything else a test's calls write is listed by {@link #leftovers()}, so "nothing left" covers console files.
 */
public final class S3StandIn implements StandInService {
    private static final Pattern OBJECT = Pattern.compile(
            "<Object>\\s*<Key>(.*?)</Key>\\s*"
                    + "(?:<VersionId>(.*?)</VersionId>\\s*)?(?:<[^>]+>[^<]*</[^>]+>\\s*)*</Object>",
            Pattern.DOTALL);

    /** One version of a key (or a delete marker). */
    private record Version(String id, boolean marker, String body, String contentType, boolean fixture) {}

    private static final class Bucket {
        final boolean versioned;
        final TreeMap<String, List<Version>> keys = new TreeMap<>();

        Bucket(boolean versioned) {
            this.versioned = versioned;
        }

        Version latest(String key) {
            List<Version> versions = keys.get(key);
            return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>();
    private int pageSize = 1000;
    private long nextVersion = 1;

    /** Makes a bucket directly (no API call), as CloudFormation or the build would have. */
    public synchronized void bucket(String name, boolean versioned) {
        buckets.put(name, new Bucket(versioned));
    }

    /** Puts a fixture object directly (no API call): it is not a leftover. */
    public synchronized void seed(String bucket, String key, String body) {
        write(bucket, key, body, "application/octet-stream", true);
    }

    /** Lists answer at most {@code size} keys (or versions) a page. */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** The keys whose latest version is an object (not a delete marker), in order. */
    public synchronized List<String> keys(String bucket) {
        return buckets.get(bucket).keys.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()
                        && !e.getValue().get(e.getValue().size() - 1).marker())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The content of the latest version of a key, or null. */
    public synchronized String object(String bucket, String key) {
        Version latest = buckets.get(bucket).latest(key);
        return latest == null || latest.marker() ? null : latest.body();
    }

    /** Removes every object of the bucket directly (no API call). */
    public synchronized void empty(String bucket) {
        buckets.get(bucket).keys.clear();
    }

    @Override
    public String operation(StandInCall call) {
        String authorization = call.header("Authorization");
        if (authorization == null
                || !authorization.contains("/s3/aws4_request")
                || call.path().isEmpty()) {
            return null;
        }
        String op = null;
        boolean onBucket = call.path().size() == 1;
        if (onBucket && call.is("GET", "*") && call.query().containsKey("versions")) {
            op = "ListObjectVersions";
        } else if (onBucket && call.is("GET", "*") && "2".equals(call.queryValue("list-type"))) {
            op = "ListObjectsV2";
        } else if (onBucket && call.is("POST", "*") && call.query().containsKey("delete")) {
            op = "DeleteObjects";
        } else if (!onBucket && "PUT".equals(call.method())) {
            op = call.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
        } else if (!onBucket && "GET".equals(call.method())) {
            op = "GetObject";
        }
        return op == null ? null : "S3:" + op;
    }

    @Override
    public synchronized StandInAnswer handle(String operation, StandInCall call) {
        Bucket bucket = buckets.get(call.segment(0));
        if (bucket == null) {
            return StandInAnswer.xmlError(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        String name = call.segment(0);
        String key = String.join("/", call.path().subList(1, call.path().size()));
        return switch (operation.substring("S3:".length())) {
            case "ListObjectsV2" -> listObjects(name, bucket, call);
            case "ListObjectVersions" -> listVersions(name, bucket, call);
            case "DeleteObjects" -> deleteObjects(bucket, call);
            case "GetObject" -> {
                Version latest = bucket.latest(key);
                yield latest == null || latest.marker()
                        ? StandInAnswer.xmlError(404, "NoSuchKey", "The specified key does not exist.")
                        : StandInAnswer.text(200, latest.body(), latest.contentType());
            }
            case "PutObject" -> {
                write(name, key, call.text(), String.valueOf(call.header("content-type")), false);
                yield StandInAnswer.text(200, "", null);
            }
            case "CopyObject" -> copy(name, key, call.header("x-amz-copy-source"));
            default -> StandInAnswer.xmlError(400, "InvalidRequest", "stand-in: " + operation);
        };
    }

    @Override
    public synchronized List<String> leftovers() {
        List<String> left = new ArrayList<>();
        buckets.forEach((name, bucket) -> bucket.keys.forEach((key, versions) -> versions.stream()
                .filter(v -> !v.fixture())
                .forEach(v -> left.add("S3 " + (v.marker() ? "delete marker " : "object ") + name + "/" + key
                        + (bucket.versioned ? " (version " + v.id() + ")" : "")))));
        return left;
    }

    private void write(String bucketName, String key, String body, String contentType, boolean fixture) {
        Bucket bucket = buckets.get(bucketName);
        List<Version> versions = bucket.keys.computeIfAbsent(key, k -> new ArrayList<>());
        if (!bucket.versioned) {
            versions.clear();
        }
        versions.add(new Version(bucket.versioned ? "v" + nextVersion++ : "null", false, body, contentType, fixture));
    }

    private StandInAnswer copy(String bucketName, String key, String source) {
        String decoded =
                URLDecoder.decode(source.startsWith("/") ? source.substring(1) : source, StandardCharsets.UTF_8);
        int slash = decoded.indexOf('/');
        Bucket from = slash < 0 ? null : buckets.get(decoded.substring(0, slash));
        if (from == null) {
            return StandInAnswer.xmlError(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        Version latest = from.latest(decoded.substring(slash + 1));
        if (latest == null || latest.marker()) {
            return StandInAnswer.xmlError(404, "NoSuchKey", "The specified key does not exist.");
        }
        write(bucketName, key, latest.body(), latest.contentType(), false);
        return StandInAnswer.text(200, S3Xml.copyResult(), "application/xml");
    }

    private StandInAnswer listObjects(String name, Bucket bucket, StandInCall call) {
        String prefix = call.queryValue("prefix") == null ? "" : call.queryValue("prefix");
        List<String> matching = new ArrayList<>();
        bucket.keys.forEach((key, versions) -> {
            if (key.startsWith(prefix)
                    && !versions.isEmpty()
                    && !versions.get(versions.size() - 1).marker()) {
                matching.add(key);
            }
        });
        String token = call.queryValue("continuation-token");
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(matching.size(), from + pageSize);
        return StandInAnswer.text(
                200,
                S3Xml.listPage(
                        name, prefix, matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null),
                "application/xml");
    }

    private StandInAnswer listVersions(String name, Bucket bucket, StandInCall call) {
        List<S3Xml.ObjectVersion> all = new ArrayList<>();
        bucket.keys.forEach((key, versions) -> {
            for (int i = versions.size() - 1; i >= 0; i--) {
                all.add(new S3Xml.ObjectVersion(
                        key, versions.get(i).id(), versions.get(i).marker()));
            }
        });
        int from = 0;
        String keyMarker = call.queryValue("key-marker");
        if (keyMarker != null) {
            String versionMarker = call.queryValue("version-id-marker");
            while (from < all.size()
                    && !(all.get(from).key().equals(keyMarker)
                            && (versionMarker == null
                                    || all.get(from).versionId().equals(versionMarker)))) {
                from++;
            }
            from++;
        }
        int to = Math.min(all.size(), from + pageSize);
        List<S3Xml.ObjectVersion> page = all.subList(Math.min(from, all.size()), to);
        S3Xml.ObjectVersion last = to < all.size() && !page.isEmpty() ? page.get(page.size() - 1) : null;
        return StandInAnswer.text(
                200,
                S3Xml.versionsPage(
                        name, page, last == null ? null : last.key(), last == null ? null : last.versionId()),
                "application/xml");
    }

    private StandInAnswer deleteObjects(Bucket bucket, StandInCall call) {
        Matcher objects = OBJECT.matcher(call.text());
        while (objects.find()) {
            String key = unescape(objects.group(1));
            String versionId = objects.group(2);
            List<Version> versions = bucket.keys.get(key);
            if (versionId != null) {
                if (versions != null) {
                    versions.removeIf(v -> v.id().equals(versionId));
                }
            } else if (bucket.versioned) {
                bucket.keys
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Version("m" + nextVersion++, true, null, null, false));
            } else if (versions != null) {
                versions.clear();
            }
            if (versions != null && versions.isEmpty()) {
                bucket.keys.remove(key);
            }
        }
        return StandInAnswer.text(200, S3Xml.deleteResult(), "application/xml");
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
