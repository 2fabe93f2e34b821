package com.amazonaws.livestreaming.console;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceFailure;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code Custom::DemoConsole}: publishes the demo player into the stack's demo bucket with the stack's own
 * endpoint URLs, and empties that bucket on Delete so CloudFormation can remove it. The console files come from
 * the regional code bucket, where the build uploaded {@code console/dist}; the config file is the only thing
 * written per stack.
 */
public final class DemoConsoleManager implements ResourceManager {
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    static final String BUCKET_RULE =
            "it must be an S3 bucket name (3-63 lower-case letters, digits, " + "dots and hyphens)";
    private static final String SUFFIX = "-console";
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    static final String REGION_RULE = "it must be an AWS region such as us-east-1";

    private static final ResourceSpec SPEC = new ResourceSpec(
            "DemoConsole",
            Set.of(
                    "SourceBucket",
                    "SourcePrefix",
                    "DestinationBucket",
                    "HlsUrl",
                    "DashUrl",
                    "MssUrl",
                    "CmafUrl",
                    "EndPoint1",
                    "EndPoint2",
                    "InputType",
                    "HlsAdsUrl",
                    "DashAdsUrl",
                    "ChannelId",
                    "Region"),
            Set.of("ConfigKey", "ObjectCount"),
            Set.of("S3:ListObjectsV2", "S3:CopyObject", "S3:PutObject", "S3:ListObjectVersions", "S3:DeleteObjects"));

    private final ConsoleFiles files;
    private final BucketEmptier emptier;

    public DemoConsoleManager(AwsClients clients) {
        this(clients.s3());
    }

    public DemoConsoleManager(S3Client s3) {
        Objects.requireNonNull(s3, "s3");
        this.files = new ConsoleFiles(s3);
        this.emptier = new BucketEmptier(s3);
    }

    @Override
    public ResourceSpec spec() {
        return SPEC;
    }

    @Override
    public PropertyRules propertyRules() {
        return ConsoleRules.RULES;
    }

    @Override
    public Outcome create(Request request, Invocation invocation) {
        return publish(request.properties(), invocation, false);
    }

    /**
     * Copies again, rewrites the config and removes the files the new console no longer has, so the bucket holds
     * exactly one console; a new DestinationBucket gives a new id (a replacement).
     */
    @Override
    public Outcome update(Request request, Invocation invocation) {
        return publish(request.properties(), invocation, true);
    }

    @Override
    public Outcome delete(Request request, Invocation invocation) {
        if (PhysicalIds.isNothingCreated(request.physicalResourceId())
                && !request.properties()
                        .optional("DestinationBucket")
                        .map(b -> BUCKET.matcher(b).matches())
                        .orElse(false)) {
            invocation.log().info("the failed Create had no usable DestinationBucket, so it copied nothing");
            return Outcome.success(request.physicalResourceId());
        }
        String bucket = request.properties()
                .optional("DestinationBucket")
                .orElseGet(() -> bucketOf(request.physicalResourceId()));
        invocation.step("emptying bucket " + bucket);
        int deleted = emptier.empty(bucket);
        invocation
                .log()
                .info(
                        deleted < 0 ? "bucket already gone" : "bucket emptied",
                        Map.of("bucket", bucket, "deleted", Math.max(deleted, 0)));
        return Outcome.success(request.physicalResourceId());
    }

    private Outcome publish(Properties properties, Invocation invocation, boolean removeOthers) {
        String source = properties.matching("SourceBucket", BUCKET, BUCKET_RULE);
        String prefix = prefix(properties.required("SourcePrefix"));
        String destination = properties.matching("DestinationBucket", BUCKET, BUCKET_RULE);
        ConsoleConfig config = new ConsoleConfig(
                properties.optional("HlsUrl", ""),
                properties.optional("DashUrl", ""),
                properties.optional("MssUrl", ""),
                properties.optional("CmafUrl", ""),
                properties.optional("EndPoint1", ""),
                properties.optional("EndPoint2", ""),
                properties.optional("InputType", ""),
                properties.optional("HlsAdsUrl", ""),
                properties.optional("DashAdsUrl", ""),
                properties.optional("ChannelId", ""),
                properties.optional("Region").isPresent() ? properties.matching("Region", REGION, REGION_RULE) : "");

        invocation.step("listing console files in s3://" + source + "/" + prefix);
        List<String> keys;
        try {
            keys = files.list(source, prefix);
        } catch (S3Exception e) {
            if (BucketEmptier.isNoSuchBucket(e)) {
                throw new ResourceFailure("SourceBucket " + source + " does not exist; it must be the regional "
                        + "code bucket holding the console files");
            }
            throw e;
        }
        if (keys.isEmpty()) {
            throw new ResourceFailure(
                    "no console files under s3://" + source + "/" + prefix + "; check SourceBucket and SourcePrefix");
        }
        // Claimed before the first copy: a Create that fails part-way must answer with this id, so the Delete
        // CloudFormation sends next empties the bucket instead of leaving it undeletable in the rollback.
        String physicalId = destination + SUFFIX;
        invocation.made(physicalId);
        invocation.step("copying " + keys.size() + " console files to bucket " + destination);
        files.copy(source, prefix, keys, destination);
        invocation.step("writing " + ConsoleConfig.KEY + " to bucket " + destination);
        files.writeConfig(destination, config);
        if (removeOthers) {
            Set<String> current = new HashSet<>();
            keys.forEach(key -> current.add(key.substring(prefix.length())));
            current.add(ConsoleConfig.KEY);
            invocation.step("removing files of an earlier console from bucket " + destination);
            int removed = emptier.deleteWhere(destination, key -> !current.contains(key));
            invocation
                    .log()
                    .info(
                            "files of an earlier console removed",
                            Map.of("bucket", destination, "removed", Math.max(removed, 0)));
        }
        return Outcome.success(
                physicalId, Map.of("ConfigKey", ConsoleConfig.KEY, "ObjectCount", String.valueOf(keys.size() + 1)));
    }

    /** A prefix names a folder: "a/b" and "a/b/" mean the same; a leading "/" is not part of S3 keys. */
    private static String prefix(String value) {
        String trimmed = value.startsWith("/") ? value.substring(1) : value;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    private static String bucketOf(String physicalId) {
        if (physicalId == null || !physicalId.endsWith(SUFFIX)) {
            throw new ResourceFailure("DestinationBucket is required to delete the console");
        }
        return physicalId.substring(0, physicalId.length() - SUFFIX.length());
    }
}
