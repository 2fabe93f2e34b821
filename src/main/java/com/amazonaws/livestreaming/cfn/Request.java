package com.amazonaws.livestreaming.cfn;

import java.util.Optional;

/**
 * One CloudFormation custom-resource event, parsed once and immutable afterwards, so that no manager ever
 * reads the raw event and no two readers can disagree about it.
 *
 * @param requestType        Create, Update or Delete
 * @param responseUrl        presigned S3 URL; never log it (see {@link Redaction#url})
 * @param stackId            the stack ARN, copied verbatim into the answer
 * @param requestId          copied verbatim into the answer
 * @param resourceType       e.g. {@code Custom::MediaLiveChannel}
 * @param logicalResourceId  copied verbatim into the answer
 * @param physicalResourceId present on Update and Delete, null on Create
 * @param properties         ResourceProperties (every scalar a string)
 * @param oldProperties      OldResourceProperties on Update, empty otherwise
 */
public record Request(
        RequestType requestType,
        String responseUrl,
        String stackId,
        String requestId,
        String resourceType,
        String logicalResourceId,
        String physicalResourceId,
        Properties properties,
        Properties oldProperties) {

    private static final String CUSTOM_PREFIX = "Custom::";

    /** The kind after {@code Custom::} (or {@code AWS::CloudFormation::CustomResource}), empty when unusable. */
    public Optional<String> kind() {
        if (resourceType != null
                && resourceType.startsWith(CUSTOM_PREFIX)
                && resourceType.length() > CUSTOM_PREFIX.length()) {
            return Optional.of(resourceType.substring(CUSTOM_PREFIX.length()));
        }
        return Optional.empty();
    }

    /** The stack name, the middle part of {@code arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/GUID}. */
    public String stackName() {
        String[] parts = stackId == null ? new String[0] : stackId.split("/");
        return parts.length >= 2 ? parts[1] : "stack";
    }

    /** The region of the stack, from its ARN; empty when the ARN is not one. */
    public Optional<String> stackRegion() {
        String[] parts = stackId == null ? new String[0] : stackId.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? Optional.of(parts[3]) : Optional.empty();
    }

    /** The account id of the stack, from its ARN; empty when the ARN is not one. */
    public Optional<String> stackAccount() {
        String[] parts = stackId == null ? new String[0] : stackId.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
    }

    /** The id to answer with when nothing better is known: the one CloudFormation gave, else a marker. */
    public String physicalIdOrMarker() {
        return physicalResourceId != null && !physicalResourceId.isEmpty()
                ? physicalResourceId
                : PhysicalIds.nothingCreated(this);
    }
}
