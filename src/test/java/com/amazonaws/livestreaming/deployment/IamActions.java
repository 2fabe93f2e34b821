package com.amazonaws.livestreaming.deployment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which IAM actions an AWS API call needs, for the calls the managers make ({@code ResourceSpec.apiCalls()}).
 * Most operations authorise as the action of the same name; the exceptions are spelled out, and so are the
 * actions a call needs besides its own (creating a tagged MediaLive or MediaPackage resource also needs the
 * service's tagging action; a MediaLive channel passes the MediaLive role, an origin endpoint with CDN
 * authorization the MediaPackage role). A call this class does not know fails
 * the test, so a manager that starts calling something new cannot be deployed without its permission.
 */
final class IamActions {
    /** Operations whose actions differ from their names, or that need more than one action. */
    private static final Map<String, List<String>> EXPLICIT = Map.ofEntries(
            Map.entry("S3:ListObjectsV2", List.of("s3:ListBucket")),
            Map.entry("S3:ListObjects", List.of("s3:ListBucket")),
            Map.entry("S3:HeadBucket", List.of("s3:ListBucket")),
            Map.entry("S3:ListObjectVersions", List.of("s3:ListBucketVersions")),
            Map.entry("S3:GetObject", List.of("s3:GetObject")),
            Map.entry("S3:HeadObject", List.of("s3:GetObject")),
            Map.entry("S3:PutObject", List.of("s3:PutObject")),
            // GetObject on the source, PutObject on the destination.
            Map.entry("S3:CopyObject", List.of("s3:GetObject", "s3:PutObject")),
            Map.entry("S3:DeleteObject", List.of("s3:DeleteObject")),
            // Emptying a bucket deletes every version when versioning is (or was) on.
            Map.entry("S3:DeleteObjects", List.of("s3:DeleteObject", "s3:DeleteObjectVersion")),
            Map.entry(
                    "MediaLive:CreateChannel",
                    List.of("medialive:CreateChannel", "medialive:CreateTags", "iam:PassRole")),
            // A MEDIACONNECT input names the role MediaLive uses to reach the flows.
            Map.entry(
                    "MediaLive:CreateInput", List.of("medialive:CreateInput", "medialive:CreateTags", "iam:PassRole")),
            Map.entry("MediaLive:UpdateInput", List.of("medialive:UpdateInput", "iam:PassRole")),
            Map.entry("MediaLive:UpdateChannel", List.of("medialive:UpdateChannel", "iam:PassRole")),
            Map.entry(
                    "MediaLive:CreateInputSecurityGroup",
                    List.of("medialive:CreateInputSecurityGroup", "medialive:CreateTags")),
            // New rules are sent with the group's current tags, so that an update never drops the ownership tags.
            Map.entry(
                    "MediaLive:UpdateInputSecurityGroup",
                    List.of("medialive:UpdateInputSecurityGroup", "medialive:CreateTags")),
            Map.entry("MediaPackage:CreateChannel", List.of("mediapackage:CreateChannel", "mediapackage:TagResource")),
            // An endpoint with CDN authorization names the role MediaPackage reads the secret with.
            Map.entry(
                    "MediaPackage:CreateOriginEndpoint",
                    List.of("mediapackage:CreateOriginEndpoint", "mediapackage:TagResource", "iam:PassRole")),
            Map.entry(
                    "MediaPackage:UpdateOriginEndpoint", List.of("mediapackage:UpdateOriginEndpoint", "iam:PassRole")));

    /** Services whose every other operation is authorised by the action of the same name. */
    private static final Map<String, String> SAME_NAME = Map.of(
            "MediaLive", "medialive",
            "MediaPackage", "mediapackage",
            "Ssm", "ssm");

    private IamActions() {}

    static Set<String> forCall(String apiCall) {
        List<String> explicit = EXPLICIT.get(apiCall);
        if (explicit != null) {
            return new LinkedHashSet<>(explicit);
        }
        int colon = apiCall.indexOf(':');
        String prefix = colon > 0 ? SAME_NAME.get(apiCall.substring(0, colon)) : null;
        if (prefix == null) {
            throw new AssertionError("no IAM mapping for the API call " + apiCall
                    + "; add it to IamActions with the action(s) the Service Authorization Reference lists");
        }
        return Set.of(prefix + ":" + apiCall.substring(colon + 1));
    }
}
