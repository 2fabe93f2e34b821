package com.amazonaws.livestreaming.mediapackage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.amazonaws.livestreaming.testing.Requests;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Realistic MediaPackage (v1) wire bodies, camelCase as the REST-JSON protocol sends them, with values shaped like
 * the real ones (hash hosts, {@code /in/v2} ingest and {@code /out/v1} playback URLs, random ingest credentials).
 */
final class MediaPackageJson {
    static final String CHANNEL_ID = "demo-stack-livestream";
    static final String CHANNEL_ARN =
            "arn:aws:mediapackage:us-east-1:123456789012:channels/5f1d2a3b4c5d4e6f8a9b0c1d2e3f4a5b";
    static final String INGEST_URL_1 = "https://d1c3a5f7b9e14a2c.mediapackage.us-east-1.amazonaws.com/in/v2/"
            + "5f1d2a3b4c5d4e6f8a9b0c1d2e3f4a5b/9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d/channel";
    static final String INGEST_URL_2 = "https://8e2f4a6c1b3d5e7f.mediapackage.us-east-1.amazonaws.com/in/v2/"
            + "5f1d2a3b4c5d4e6f8a9b0c1d2e3f4a5b/1b2c3d4e5f6a4b7c8d9e0f1a2b3c4d5e/channel";
    static final String INGEST_USER_1 = "c1b0a9f8e7d64c5b";
    static final String INGEST_PASSWORD_1 = "Xq7rT2mVn9pLk4sW";
    static final String INGEST_USER_2 = "5e4d3c2b1a0f4e9d";
    static final String INGEST_PASSWORD_2 = "Hj3kZ8bNc6vFy1gQ";
    static final String OUT_HOST = "c4af3793bf76b33c.mediapackage.us-east-1.amazonaws.com";
    static final String ENDPOINT_HASH = "0f1e2d3c4b5a49687766554433221100";
    static final String CDN_SECRET_ARN =
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:CdnIdentifierSecret-Ab3dE6gH9jKl-x1Y2z3";
    static final String CDN_ROLE_ARN =
            "arn:aws:iam::123456789012:role/mediapackage-cdn/5b8f1d40-1234-11ef-9abc-0e1f2a3b4c5d/demo-stack-Cdn-1Q2W3E";

    private MediaPackageJson() {}

    static String ownershipTags(String logicalId) {
        return """
                {"LiveStreaming:Solution": "live-streaming-on-aws",
                 "LiveStreaming:StackId": "%s",
                 "LiveStreaming:LogicalId": "%s",
                 "LiveStreaming:RequestId": "%s"}""".formatted(Requests.STACK_ID, logicalId, Requests.REQUEST_ID);
    }

    /** A channel as CreateChannel, DescribeChannel and UpdateChannel return it, ingest credentials included. */
    static String channel(String id, String description, String tagsJson) {
        return """
                {"arn": "%s",
                 "createdAt": "2026-11-24T17:30:02+00:00",
                 "description": "%s",
                 "egressAccessLogs": {},
                 "hlsIngest": {"ingestEndpoints": [
                   {"id": "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d", "password": "%s", "url": "%s", "username": "%s"},
                   {"id": "1b2c3d4e5f6a4b7c8d9e0f1a2b3c4d5e", "password": "%s", "url": "%s", "username": "%s"}]},
                 "id": "%s",
                 "ingressAccessLogs": {},
                 "tags": %s}""".formatted(
                        CHANNEL_ARN,
                        description,
                        INGEST_PASSWORD_1,
                        INGEST_URL_1,
                        INGEST_USER_1,
                        INGEST_PASSWORD_2,
                        INGEST_URL_2,
                        INGEST_USER_2,
                        id,
                        tagsJson);
    }

    /** An origin endpoint as Create/Describe/UpdateOriginEndpoint return it; {@code packageJson} is e.g. the hlsPackage. */
    static String endpoint(
            String id, String channelId, String packageField, String packageJson, String url, String tagsJson) {
        return """
                {"arn": "arn:aws:mediapackage:us-east-1:123456789012:origin_endpoints/%s",
                 "channelId": "%s",
                 "createdAt": "2026-11-24T17:30:05+00:00",
                 "description": "origin endpoint",
                 "%s": %s,
                 "id": "%s",
                 "manifestName": "index",
                 "origination": "ALLOW",
                 "startoverWindowSeconds": 0,
                 "tags": %s,
                 "timeDelaySeconds": 0,
                 "url": "%s",
                 "whitelist": []}""".formatted(ENDPOINT_HASH, channelId, packageField, packageJson, id, tagsJson, url);
    }

    /** The endpoint JSON with the {@code authorization} block MediaPackage reports when CDN authorization is on. */
    static String withAuthorization(String endpointJson, String secretArn, String roleArn) {
        return "{\"authorization\": {\"cdnIdentifierSecret\": \"" + secretArn + "\", \"secretsRoleArn\": \"" + roleArn
                + "\"}, " + endpointJson.substring(endpointJson.indexOf('{') + 1);
    }

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.mediapackage/")
                .withBody("{\"message\": \"" + message + "\"}");
    }

    static ResponseDefinitionBuilder notFound(String message) {
        return error(404, "NotFoundException", message);
    }
}
