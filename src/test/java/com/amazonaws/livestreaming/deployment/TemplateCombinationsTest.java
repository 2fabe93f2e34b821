package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.testing.PythonTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack each combination of origin protection and ad insertion builds, as CloudFormation would deploy it
 * ({@link ResolvedTemplate}): CDN authorization on or off, MediaTailor on or off. Each must refer only to what it
 * creates, give the custom resources only properties their managers read, pass cfn-lint as a template of its own,
 * and wire the features it has (and nothing of those it has not).
 */
class TemplateCombinationsTest {
    private static final String ADS = "https://d1kbmkziz9rksx.cloudfront.net/VASTEndpoint.xml";
    private static final String VERSION_ID = "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE";
    /** The AWS managed policies, by the ids CloudFront's developer guide gives. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final List<String> ENDPOINTS = List.of("HlsEndpoint", "DashEndpoint", "MssEndpoint", "CmafEndpoint");

    private final CfnTemplate template = CfnTemplate.load();

    @TempDir
    Path tmp;

    /** Name → parameter values; the other parameters keep their defaults. */
    private static Map<String, Map<String, String>> combinations() {
        Map<String, Map<String, String>> combinations = new LinkedHashMap<>();
        combinations.put("authorization+plain", Map.of());
        combinations.put("open+plain", Map.of("CdnAuthorization", "No", "AdMarkers", "NONE"));
        combinations.put(
                "authorization+mediatailor", Map.of("AdDecisionServerUrl", ADS, "CdnIdentifierVersionId", VERSION_ID));
        combinations.put(
                "open+mediatailor",
                Map.of(
                        "CdnAuthorization",
                        "No",
                        "AdDecisionServerUrl",
                        ADS,
                        "AdMarkers",
                        "DATERANGE",
                        "InputType",
                        "RTMP_PUSH",
                        "InputCIDR",
                        "203.0.113.7/32"));
        return combinations;
    }

    private Map<String, CfnTemplate> resolved() {
        Map<String, CfnTemplate> resolved = new LinkedHashMap<>();
        combinations()
                .forEach((name, values) ->
                        resolved.put(name, CfnTemplate.of(ResolvedTemplate.resolve(template, values))));
        return resolved;
    }

    @Test
    void eachCombinationRefersOnlyToParametersAndResourcesItHas() {
        resolved().forEach((name, stack) -> {
            Set<String> dangling = new TreeSet<>(ResolvedTemplate.names(stack.root()));
            dangling.removeIf(n -> n.startsWith("AWS::"));
            dangling.removeAll(stack.resources().keySet());
            dangling.removeAll(stack.section("Parameters").keySet());
            assertEquals(Set.of(), dangling, name + " refers to what it does not create");
        });
    }

    @Test
    void eachCombinationIsAcceptedByTheTemplatesRules() {
        combinations()
                .forEach((name, values) -> assertEquals(List.of(), ResolvedTemplate.refusals(template, values), name));
    }

    @Test
    void eachCombinationGivesItsCustomResourcesOnlyWhatTheirManagersReadAndReturn() {
        resolved().forEach((name, stack) -> {
            assertEquals(List.of(), TemplateContractTest.unknownProperties(stack), name);
            assertEquals(List.of(), TemplateContractTest.unknownAttributes(stack), name);
        });
    }

    @Test
    void eachCombinationPassesCfnLintAsATemplateOfItsOwn() throws Exception {
        List<String> command = new ArrayList<>(PythonTools.cfnLint());
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, CfnTemplate> stack : resolved().entrySet()) {
            Path file = tmp.resolve(stack.getKey() + ".json");
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(file.toFile(), stack.getValue().root());
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 5 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "cfn-lint found problems:\n" + output);
    }

    @Test
    void withAuthorizationEveryEndpointNamesTheSecretAndCloudFrontSendsItsValue() {
        resolved().forEach((name, stack) -> {
            boolean on = name.startsWith("authorization+");
            for (String endpoint : ENDPOINTS) {
                Map<String, Object> properties = stack.properties(endpoint);
                assertEquals(
                        on ? Map.of("Ref", "CdnIdentifierSecret") : null,
                        properties.get("CdnIdentifierSecret"),
                        name + " " + endpoint);
                assertEquals(
                        on ? Map.of("Fn::GetAtt", List.of("MediaPackageCdnRole", "Arn")) : null,
                        properties.get("SecretsRoleArn"),
                        name + " " + endpoint);
            }
            assertEquals(on, stack.resources().containsKey("CdnIdentifierSecret"), name);
            assertEquals(on, stack.resources().containsKey("MediaPackageCdnRole"), name);
            Object headers = origin(stack, "mediapackage").get("OriginCustomHeaders");
            if (!on) {
                assertEquals(null, headers, name + ": no header without authorization");
                return;
            }
            Map<String, Object> header =
                    CfnTemplate.map(CfnTemplate.list(headers).get(0));
            assertEquals("X-MediaPackage-CDNIdentifier", header.get("HeaderName"));
            String reference =
                    (String) CfnTemplate.map(header.get("HeaderValue")).get("Fn::Sub");
            assertEquals(
                    combinations().get(name).containsKey("CdnIdentifierVersionId")
                            ? "{{resolve:secretsmanager:${CdnIdentifierSecret}:SecretString:MediaPackageCDNIdentifier::"
                                    + "${CdnIdentifierVersionId}}}"
                            : "{{resolve:secretsmanager:${CdnIdentifierSecret}:SecretString:MediaPackageCDNIdentifier}}",
                    reference,
                    name);
        });
    }

    @Test
    void withAdsMediaTailorReadsAndServesThroughThePlaybackDistribution() {
        resolved().forEach((name, stack) -> {
            boolean ads = name.endsWith("+mediatailor");
            assertEquals(ads, stack.resources().containsKey("AdInsertion"), name);
            assertEquals(ads, stack.section("Outputs").containsKey("HlsAdsPlaybackUrl"), name);
            assertEquals(ads, stack.section("Outputs").containsKey("DashAdsPlaybackUrl"), name);
            assertEquals(ads, stack.properties("DemoConsole").containsKey("HlsAdsUrl"), name);
            assertEquals(ads, stack.properties("DemoConsole").containsKey("DashAdsUrl"), name);
            List<String> patterns = behaviours(stack).stream()
                    .map(b -> (String) b.get("PathPattern"))
                    .toList();
            assertEquals(
                    ads
                            ? List.of(
                                    "/v1/segment/*",
                                    "/v1/dashsegment/*",
                                    "/v1/*",
                                    "/segment/*",
                                    "/tm/*",
                                    "*.m3u8",
                                    "*.mpd",
                                    "*/Manifest")
                            : List.of("*.m3u8", "*.mpd", "*/Manifest"),
                    patterns,
                    name + ": MediaTailor's paths come first, its segment paths before /v1/*");
            if (!ads) {
                return;
            }
            Map<String, Object> config = stack.properties("AdInsertion");
            assertEquals(
                    Map.of("Fn::Sub", "https://${Distribution.DomainName}/out/v1/"),
                    config.get("VideoContentSourceUrl"));
            assertEquals(
                    Map.of(
                            "ContentSegmentUrlPrefix",
                            Map.of("Fn::Sub", "https://${Distribution.DomainName}/out/v1/"),
                            "AdSegmentUrlPrefix",
                            Map.of("Fn::Sub", "https://${Distribution.DomainName}/")),
                    config.get("CdnConfiguration"));
            assertEquals(Map.of("Ref", "AdDecisionServerUrl"), config.get("AdDecisionServerUrl"));
            assertEquals(
                    "manifests.mediatailor.${AWS::Region}.amazonaws.com",
                    CfnTemplate.map(origin(stack, "mediatailor-manifests").get("DomainName"))
                            .get("Fn::Sub"));
            assertEquals(
                    "segments.mediatailor.${AWS::Region}.amazonaws.com",
                    CfnTemplate.map(origin(stack, "mediatailor-segments").get("DomainName"))
                            .get("Fn::Sub"));
            assertFalse(
                    origin(stack, "mediatailor-manifests").containsKey("OriginCustomHeaders"),
                    "the CDN identifier goes to MediaPackage only");
        });
    }

    /**
     * MediaTailor's CDN guide: personalised manifests and sessions are never cached, ad segment redirects and ad
     * segments are. Manifest paths are checked by examples of the URLs players ask for, matched as CloudFront matches
     * them (the first behaviour whose pattern fits).
     */
    @Test
    void mediaTailorManifestsAreNeverCachedAndItsSegmentPathsAlwaysAre() {
        CfnTemplate stack = resolved().get("authorization+mediatailor");
        Map<String, String> cachedOrNot = new LinkedHashMap<>();
        cachedOrNot.put("/v1/master/abc/live-1/hash/index.m3u8", "never");
        cachedOrNot.put("/v1/dash/abc/live-1/hash/index.mpd", "never");
        cachedOrNot.put("/v1/session/abc/live-1/hash/index.m3u8", "never");
        cachedOrNot.put("/v1/tracking/abc/live-1/session", "never");
        cachedOrNot.put("/v1/segment/abc/live-1/session/ad/0", "cached");
        cachedOrNot.put("/v1/dashsegment/abc/live-1/session/ad/0", "cached");
        cachedOrNot.put("/segment/abc/ad/0.ts", "cached");
        cachedOrNot.put("/tm/abc/ad/0.ts", "cached");
        cachedOrNot.forEach((path, expected) -> {
            Map<String, Object> behaviour = behaviourFor(stack, path);
            Object policy = behaviour.get("CachePolicyId");
            if (expected.equals("never")) {
                assertEquals(CACHING_DISABLED, policy, path);
                assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, behaviour.get("OriginRequestPolicyId"), path);
            } else {
                String id = (String) CfnTemplate.map(policy).get("Ref");
                Map<String, Object> config =
                        CfnTemplate.map(stack.properties(id).get("CachePolicyConfig"));
                assertTrue(
                        ((Number) config.get("DefaultTTL")).intValue() > 0
                                && ((Number) config.get("MaxTTL")).intValue() > 0,
                        path + " is cached by " + id);
            }
        });
    }

    @Test
    void noCustomPolicyStandsInForAnAwsManagedOne() {
        resolved().forEach((name, stack) -> {
            for (String id : stack.resourcesOfType("AWS::CloudFront::CachePolicy")) {
                Map<String, Object> config =
                        CfnTemplate.map(stack.properties(id).get("CachePolicyConfig"));
                assertTrue(
                        ((Number) config.get("MaxTTL")).intValue() > 0,
                        name + " " + id + " caches nothing: use CachingDisabled " + CACHING_DISABLED);
            }
            assertEquals(
                    List.of(),
                    stack.resourcesOfType("AWS::CloudFront::OriginRequestPolicy"),
                    name + ": MediaTailor's paths use AllViewerExceptHostHeader");
        });
    }

    /** The behaviour CloudFront picks for {@code path}: the first whose pattern matches, else the default. */
    private static Map<String, Object> behaviourFor(CfnTemplate stack, String path) {
        for (Map<String, Object> behaviour : behaviours(stack)) {
            String glob = (String) behaviour.get("PathPattern");
            String regex = ("\\Q" + glob + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (path.matches(regex)) {
                return behaviour;
            }
        }
        return CfnTemplate.map(distribution(stack).get("DefaultCacheBehavior"));
    }

    @Test
    void theEndpointsSignalAdsUnlessAdMarkersIsNone() {
        resolved().forEach((name, stack) -> {
            String markers = combinations().get(name).getOrDefault("AdMarkers", "SCTE35_ENHANCED");
            assertEquals(
                    Map.of("Ref", "AdMarkers"), stack.properties("HlsEndpoint").get("AdMarkers"), name);
            assertEquals(
                    Map.of("Ref", "AdMarkers"), stack.properties("CmafEndpoint").get("AdMarkers"), name);
            assertEquals(
                    markers.equals("NONE") ? null : "ADS",
                    stack.properties("DashEndpoint").get("PeriodTriggers"),
                    name);
            assertEquals(
                    markers,
                    CfnTemplate.map(stack.section("Parameters").get("AdMarkers"))
                            .get("Default"),
                    name);
        });
    }

    private static Map<String, Object> distribution(CfnTemplate stack) {
        return CfnTemplate.map(stack.properties("Distribution").get("DistributionConfig"));
    }

    private static Map<String, Object> origin(CfnTemplate stack, String id) {
        for (Object origin : CfnTemplate.list(distribution(stack).get("Origins"))) {
            if (id.equals(CfnTemplate.map(origin).get("Id"))) {
                return CfnTemplate.map(origin);
            }
        }
        throw new AssertionError("the distribution has no origin " + id);
    }

    private static List<Map<String, Object>> behaviours(CfnTemplate stack) {
        return CfnTemplate.list(distribution(stack).get("CacheBehaviors")).stream()
                .map(CfnTemplate::map)
                .toList();
    }
}
