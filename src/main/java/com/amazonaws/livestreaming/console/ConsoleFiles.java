package com.amazonaws.livestreaming.console;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Puts the console into the demo bucket: every file the build published under the source prefix, found by
 * listing rather than by a hand-kept manifest (so a new asset needs no Java change), then the config file.
 * CopyObject keeps each file's content type from the upload.
 */
final class ConsoleFiles {
    private final S3Client s3;

    ConsoleFiles(S3Client s3) {
        this.s3 = s3;
    }

    /** The keys under {@code prefix} (every page), without folder placeholders and without the config file. */
    List<String> list(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            String relative = object.key().substring(prefix.length());
            if (!relative.isEmpty() && !relative.endsWith("/") && !relative.equals(ConsoleConfig.KEY)) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    /** Copies each source key to the destination, at its path relative to {@code prefix}. */
    void copy(String sourceBucket, String prefix, List<String> keys, String destinationBucket) {
        for (String key : keys) {
            s3.copyObject(CopyObjectRequest.builder()
                    .sourceBucket(sourceBucket)
                    .sourceKey(key)
                    .destinationBucket(destinationBucket)
                    .destinationKey(key.substring(prefix.length()))
                    .build());
        }
    }

    /** Writes config.js; no-cache so a browser sees new URLs right after a stack update. */
    void writeConfig(String bucket, ConsoleConfig config) {
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(ConsoleConfig.KEY)
                        .contentType("application/javascript")
                        .cacheControl("no-cache")
                        .build(),
                RequestBody.fromString(config.toJavaScript()));
    }
}
