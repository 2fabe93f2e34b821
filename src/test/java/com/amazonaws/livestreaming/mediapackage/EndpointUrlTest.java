package com.amazonaws.livestreaming.mediapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.ResourceFailure;
import org.junit.jupiter.api.Test;

class EndpointUrlTest {
    @Test
    void splitsAPlaybackUrlIntoCloudFrontOriginHostPathAndManifest() {
        EndpointUrl url =
                EndpointUrl.parse("https://abc123.mediapackage.us-east-1.amazonaws.com/out/v1/0123abcd/index.m3u8");

        assertEquals(
                new EndpointUrl(
                        "https://abc123.mediapackage.us-east-1.amazonaws.com/out/v1/0123abcd/index.m3u8",
                        "abc123.mediapackage.us-east-1.amazonaws.com",
                        "/out/v1/0123abcd/index.m3u8",
                        "/0123abcd/index.m3u8"),
                url);
    }

    @Test
    void keepsTheSmoothStreamingManifestSuffix() {
        assertEquals(
                "/0123abcd/index.ism/Manifest",
                EndpointUrl.parse(
                                "https://abc123.mediapackage.eu-west-1.amazonaws.com/out/v1/0123abcd/index.ism/Manifest")
                        .manifest());
    }

    @Test
    void urlOutsideTheOutV1OriginPathIsAFailureCloudFrontCouldNotServe() {
        ResourceFailure failure = assertThrows(
                ResourceFailure.class,
                () -> EndpointUrl.parse("https://abc123.mediapackage.us-east-1.amazonaws.com/in/v2/0123abcd/channel"));

        assertEquals(
                "MediaPackage returned the endpoint URL 'https://abc123.mediapackage.us-east-1.amazonaws.com/"
                        + "in/v2/0123abcd/channel', which is not https://<host>/out/v1/...; CloudFront could not serve it",
                failure.getMessage());
    }

    @Test
    void missingUrlIsAFailureToo() {
        assertThrows(ResourceFailure.class, () -> EndpointUrl.parse(null));
    }
}
