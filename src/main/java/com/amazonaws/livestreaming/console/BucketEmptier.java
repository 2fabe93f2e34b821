package com.amazonaws.livestreaming.console;

import com.amazonaws.livestreaming.cfn.ResourceFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deletes everything in a bucket so CloudFormation can delete the bucket itself. It lists object versions, not
 * objects: in a versioned bucket only removing every version and delete marker empties it, and in an
 * unversioned bucket the same listing returns each object once (version "null"). Objects of version "null"
 * are deleted by key alone, which needs only s3:DeleteObject; real versions need s3:DeleteObjectVersion too.
 */
final class BucketEmptier {
    /** DeleteObjects takes at most this many keys per call. */
    static final int BATCH = 1000;

    private final S3Client s3;

    BucketEmptier(S3Client s3) {
        this.s3 = s3;
    }

    /** Deletes every version and delete marker; returns how many were deleted, or -1 if the bucket is gone. */
    int empty(String bucket) {
        return deleteWhere(bucket, key -> true);
    }

    /**
     * Deletes every version and delete marker of the keys {@code doomed} accepts; returns how many were deleted, or
     * -1 if the bucket is gone.
     */
    int deleteWhere(String bucket, Predicate<String> doomed) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        int deleted = 0;
        try {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                    ListObjectVersionsRequest.builder().bucket(bucket).build())) {
                page.versions().stream()
                        .filter(v -> doomed.test(v.key()))
                        .forEach(v -> batch.add(id(v.key(), v.versionId())));
                page.deleteMarkers().stream()
                        .filter(m -> doomed.test(m.key()))
                        .forEach(m -> batch.add(id(m.key(), m.versionId())));
                while (batch.size() >= BATCH) {
                    List<ObjectIdentifier> full = new ArrayList<>(batch.subList(0, BATCH));
                    batch.subList(0, BATCH).clear();
                    deleted += delete(bucket, full);
                }
            }
            if (!batch.isEmpty()) {
                deleted += delete(bucket, batch);
            }
        } catch (S3Exception e) {
            if (isNoSuchBucket(e)) {
                return -1;
            }
            throw e;
        }
        return deleted;
    }

    private int delete(String bucket, List<ObjectIdentifier> ids) {
        DeleteObjectsResponse response = s3.deleteObjects(
                r -> r.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().get(0);
            throw new ResourceFailure("could not delete " + response.errors().size() + " objects from bucket " + bucket
                    + ", e.g. " + first.key() + ": " + first.code() + " " + first.message());
        }
        return ids.size();
    }

    private static ObjectIdentifier id(String key, String versionId) {
        ObjectIdentifier.Builder id = ObjectIdentifier.builder().key(key);
        if (versionId != null && !"null".equals(versionId)) {
            id.versionId(versionId);
        }
        return id.build();
    }

    static boolean isNoSuchBucket(S3Exception e) {
        return e.awsErrorDetails() != null
                && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }
}
