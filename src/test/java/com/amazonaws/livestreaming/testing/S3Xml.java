package com.amazonaws.livestreaming.testing;

import java.util.List;
import java.util.stream.Collectors;

/** S3's REST-XML answers, as the service writes them, for the DemoConsole wire tests' stubs and {@link S3StandIn}. */
public final class S3Xml {
    private static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private S3Xml() {}

    /** One ListObjectsV2 page; {@code next} is the continuation token, null on the last page. */
    public static String listPage(String bucket, String prefix, List<String> keys, String next) {
        String contents = keys.stream()
                .map(key -> "<Contents><Key>" + key + "</Key>"
                        + "<LastModified>2026-11-20T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>"
                        + "<Size>1024</Size><StorageClass>STANDARD</StorageClass></Contents>")
                .collect(Collectors.joining());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult " + NS + "><Name>" + bucket + "</Name>"
                + "<Prefix>" + prefix + "</Prefix><KeyCount>" + keys.size() + "</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (next != null) + "</IsTruncated>"
                + (next != null ? "<NextContinuationToken>" + next + "</NextContinuationToken>" : "")
                + contents + "</ListBucketResult>";
    }

    public static String copyResult() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CopyObjectResult " + NS + ">"
                + "<LastModified>2026-11-24T10:00:00.000Z</LastModified>"
                + "<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag></CopyObjectResult>";
    }

    /** One ListObjectVersions page of versions and delete markers; {@code nextKey} null on the last page. */
    public static String versionsPage(
            String bucket, List<String> versionKeys, List<String> markerKeys, String nextKey) {
        List<ObjectVersion> entries = new java.util.ArrayList<>();
        versionKeys.forEach(key -> entries.add(new ObjectVersion(key, "v-" + key, false)));
        markerKeys.forEach(key -> entries.add(new ObjectVersion(key, "m-" + key, true)));
        return versionsPage(bucket, entries, nextKey, nextKey == null ? null : "v-" + nextKey);
    }

    /** One version of a key, or one delete marker, as ListObjectVersions lists it. */
    public record ObjectVersion(String key, String versionId, boolean deleteMarker) {}

    /** One ListObjectVersions page; {@code nextKey} and {@code nextVersionId} null on the last page. */
    public static String versionsPage(
            String bucket, List<ObjectVersion> entries, String nextKey, String nextVersionId) {
        StringBuilder versions = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        for (ObjectVersion entry : entries) {
            if (entry.deleteMarker()) {
                markers.append("<DeleteMarker><Key>")
                        .append(escape(entry.key()))
                        .append("</Key><VersionId>")
                        .append(entry.versionId())
                        .append("</VersionId><IsLatest>true</IsLatest>"
                                + "<LastModified>2026-11-21T10:00:00.000Z</LastModified></DeleteMarker>");
            } else {
                versions.append("<Version><Key>")
                        .append(escape(entry.key()))
                        .append("</Key><VersionId>")
                        .append(entry.versionId())
                        .append("</VersionId><IsLatest>true</IsLatest><LastModified>"
                                + "2026-11-20T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328"
                                + "&quot;</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass></Version>");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListVersionsResult " + NS + "><Name>" + bucket + "</Name>"
                + "<Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (nextKey != null) + "</IsTruncated>"
                + (nextKey != null
                        ? "<NextKeyMarker>" + escape(nextKey) + "</NextKeyMarker><NextVersionIdMarker>" + nextVersionId
                                + "</NextVersionIdMarker>"
                        : "")
                + versions + markers + "</ListVersionsResult>";
    }

    /** Text as XML element content. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String deleteResult() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult " + NS + "></DeleteResult>";
    }

    public static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id</HostId></Error>";
    }
}
