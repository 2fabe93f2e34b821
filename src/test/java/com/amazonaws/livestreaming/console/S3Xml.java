package com.amazonaws.livestreaming.console;

import java.util.List;
import java.util.stream.Collectors;

/** S3's REST-XML answers, as the service writes them, for the stubs of the DemoConsole wire tests. */
final class S3Xml {
    private static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private S3Xml() {
    }

    /** One ListObjectsV2 page; {@code next} is the continuation token, null on the last page. */
    static String listPage(String bucket, String prefix, List<String> keys, String next) {
        String contents = keys.stream().map(key -> "<Contents><Key>" + key + "</Key>"
                        + "<LastModified>2026-11-20T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>"
                        + "<Size>1024</Size><StorageClass>STANDARD</StorageClass></Contents>")
                .collect(Collectors.joining());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult " + NS + "><Name>" + bucket + "</Name>"
                + "<Prefix>" + prefix + "</Prefix><KeyCount>" + keys.size() + "</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (next != null) + "</IsTruncated>"
                + (next != null ? "<NextContinuationToken>" + next + "</NextContinuationToken>" : "")
                + contents + "</ListBucketResult>";
    }

    static String copyResult() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CopyObjectResult " + NS + ">"
                + "<LastModified>2026-11-24T10:00:00.000Z</LastModified>"
                + "<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag></CopyObjectResult>";
    }

    /** One ListObjectVersions page of versions and delete markers; {@code nextKey} null on the last page. */
    static String versionsPage(String bucket, List<String> versionKeys, List<String> markerKeys, String nextKey) {
        String versions = versionKeys.stream().map(key -> "<Version><Key>" + key + "</Key><VersionId>v-" + key
                        + "</VersionId><IsLatest>true</IsLatest><LastModified>2026-11-20T10:00:00.000Z</LastModified>"
                        + "<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1024</Size>"
                        + "<StorageClass>STANDARD</StorageClass></Version>")
                .collect(Collectors.joining());
        String markers = markerKeys.stream().map(key -> "<DeleteMarker><Key>" + key + "</Key><VersionId>m-" + key
                        + "</VersionId><IsLatest>true</IsLatest><LastModified>2026-11-21T10:00:00.000Z</LastModified>"
                        + "</DeleteMarker>")
                .collect(Collectors.joining());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListVersionsResult " + NS + "><Name>" + bucket + "</Name>"
                + "<Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + (nextKey != null) + "</IsTruncated>"
                + (nextKey != null ? "<NextKeyMarker>" + nextKey + "</NextKeyMarker><NextVersionIdMarker>v-"
                + nextKey + "</NextVersionIdMarker>" : "")
                + versions + markers + "</ListVersionsResult>";
    }

    static String deleteResult() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult " + NS + "></DeleteResult>";
    }

    static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id</HostId></Error>";
    }
}
