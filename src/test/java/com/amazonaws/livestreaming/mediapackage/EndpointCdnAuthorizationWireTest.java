package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CDN_ROLE_ARN;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CDN_SECRET_ARN;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.CHANNEL_ID;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ENDPOINT_HASH;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.OUT_HOST;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.endpoint;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ok;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.ownershipTags;
import static com.amazonaws.livestreaming.mediapackage.MediaPackageJson.withAuthorization;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MediaPackage CDN authorization as MediaPackage receives it: the {@code authorization} block on every create and
 * update of an endpoint that has it, an explicitly emptied block when an update turns it off (leaving it out would
 * keep it), and a failure when MediaPackage's answer shows it still on.
 */
class EndpointCdnAuthorizationWireTest {
    private static final String KIND = "MediaPackageEndpoint";
    private static final String LOGICAL_ID = "Resource" + KIND;
    private static final String OUT = "https://" + OUT_HOST + "/out/v1/" + ENDPOINT_HASH;
    private static final String HLS_ID = CHANNEL_ID + "-hls";
    private static final String AUTHORIZATION = """
            {"authorization": {"cdnIdentifierSecret": "%s", "secretsRoleArn": "%s"}}""".formatted(CDN_SECRET_ARN, CDN_ROLE_ARN);

    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    private MediaPackageEndpointManager manager;

    @BeforeEach
    void start() {
        manager = new MediaPackageEndpointManager(wire.clients(), List.of());
    }

    private static Map<String, String> props(String type, boolean authorized) {
        Map<String, String> props = new LinkedHashMap<>(Map.of("ChannelId", CHANNEL_ID, "EndPoint", type));
        if (authorized) {
            props.put("CdnIdentifierSecret", CDN_SECRET_ARN);
            props.put("SecretsRoleArn", CDN_ROLE_ARN);
        }
        return props;
    }

    private static String hlsEndpoint(boolean authorized) {
        String json = endpoint(
                HLS_ID,
                CHANNEL_ID,
                "hlsPackage",
                "{\"segmentDurationSeconds\": 6}",
                OUT + "/index.m3u8",
                ownershipTags(LOGICAL_ID));
        return authorized ? withAuthorization(json, CDN_SECRET_ARN, CDN_ROLE_ARN) : json;
    }

    private void updateAnswers(boolean authorized) {
        wire.server()
                .stubFor(put(urlPathEqualTo("/origin_endpoints/" + HLS_ID)).willReturn(ok(hlsEndpoint(authorized))));
    }

    private Outcome dispatch(Request request) {
        return new Dispatcher(() -> Managers.standard(wire.clients()))
                .dispatch(request, Requests.invocation().invocation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HLS, index.m3u8", "DASH, index.mpd", "MSS, index.ism/Manifest", "CMAF, index.m3u8"})
    void everyEndpointTypeIsCreatedWithTheSecretAndTheRoleMediaPackageReadsItWith(String type, String manifest) {
        String id = CHANNEL_ID + "-" + type.toLowerCase();
        String packageField = type.toLowerCase() + "Package";
        String packageJson = type.equals("CMAF")
                ? "{\"hlsManifests\": [{\"id\": \"index\", \"url\": \"" + OUT + "/" + manifest + "\"}]}"
                : "{}";
        wire.server()
                .stubFor(post(urlPathEqualTo("/origin_endpoints"))
                        .willReturn(ok(withAuthorization(
                                endpoint(
                                        id,
                                        CHANNEL_ID,
                                        packageField,
                                        packageJson,
                                        type.equals("CMAF") ? "" : OUT + "/" + manifest,
                                        ownershipTags(LOGICAL_ID)),
                                CDN_SECRET_ARN,
                                CDN_ROLE_ARN))));

        Outcome outcome = manager.create(
                Requests.create(KIND, props(type, true)), Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        wire.server()
                .verify(postRequestedFor(urlPathEqualTo("/origin_endpoints"))
                        .withRequestBody(equalToJson(AUTHORIZATION, false, true)));
    }

    @Test
    void updateTurningAuthorizationOnSendsTheBlockAndKeepsTheEndpoint() {
        updateAnswers(true);

        Outcome outcome = manager.update(
                Requests.update(KIND, HLS_ID, props("HLS", true), props("HLS", false)),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        assertEquals(HLS_ID, outcome.physicalResourceId());
        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/origin_endpoints/" + HLS_ID))
                        .withRequestBody(equalToJson(AUTHORIZATION, false, true)));
    }

    @Test
    void updateOfAnAuthorizedEndpointSendsTheBlockAgain() {
        updateAnswers(true);

        manager.update(
                Requests.update(KIND, HLS_ID, props("HLS", true), props("HLS", true)),
                Requests.invocation().invocation());

        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/origin_endpoints/" + HLS_ID))
                        .withRequestBody(equalToJson(AUTHORIZATION, false, true)));
    }

    @Test
    void updateTurningAuthorizationOffSendsAnEmptiedBlockAndSucceedsOnceMediaPackageDropsIt() {
        updateAnswers(false);

        Outcome outcome = manager.update(
                Requests.update(KIND, HLS_ID, props("HLS", false), props("HLS", true)),
                Requests.invocation().invocation());

        assertTrue(outcome.succeeded());
        wire.server()
                .verify(putRequestedFor(urlPathEqualTo("/origin_endpoints/" + HLS_ID))
                        .withRequestBody(equalToJson(
                                "{\"authorization\": {\"cdnIdentifierSecret\": \"\", \"secretsRoleArn\": \"\"}}",
                                false,
                                true)));
    }

    @Test
    void updateTurningAuthorizationOffFailsWhenMediaPackageStillReportsIt() {
        updateAnswers(true);

        Outcome outcome = dispatch(Requests.update(KIND, HLS_ID, props("HLS", false), props("HLS", true)));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(HLS_ID, outcome.physicalResourceId());
        assertEquals(
                "MediaPackage kept CDN authorization on origin endpoint " + HLS_ID + " after an update that "
                        + "removes it (the endpoint still names secret " + CDN_SECRET_ARN + "); players without the "
                        + "X-MediaPackage-CDNIdentifier header still get 403 from it",
                outcome.reason());
    }

    @Test
    void updateOfAnEndpointThatNeverHadAuthorizationSendsNoBlock() {
        updateAnswers(false);

        manager.update(
                Requests.update(KIND, HLS_ID, props("HLS", false), props("HLS", false)),
                Requests.invocation().invocation());

        String body = wire.server()
                .findAll(putRequestedFor(urlPathEqualTo("/origin_endpoints/" + HLS_ID)))
                .get(0)
                .getBodyAsString();
        assertFalse(body.contains("authorization"), body);
    }

    @Test
    void aSecretWithoutItsRoleFailsNamingTheMissingPropertyBeforeAnyCall() {
        Map<String, String> props = props("HLS", false);
        props.put("CdnIdentifierSecret", CDN_SECRET_ARN);

        Outcome outcome = dispatch(Requests.create(KIND, props));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "SecretsRoleArn is required when CdnIdentifierSecret is set: CDN authorization needs the "
                        + "secret's ARN and the role MediaPackage reads it with",
                outcome.reason());
        assertTrue(wire.calls().isEmpty());
    }

    @Test
    void aSecretThatIsNotASecretsManagerArnFailsNamingTheProperty() {
        Map<String, String> props = props("HLS", true);
        props.put("CdnIdentifierSecret", "MediaPackage/cdn_auth");

        Outcome outcome = dispatch(Requests.create(KIND, props));

        assertEquals(Outcome.Status.FAILED, outcome.status());
        assertEquals(
                "CdnIdentifierSecret is 'MediaPackage/cdn_auth'; it must be the ARN of a Secrets Manager secret"
                        + " (arn:aws:secretsmanager:<region>:<account>:secret:<name>) in the endpoint's Region",
                outcome.reason());
        assertTrue(wire.calls().isEmpty());
    }
}
