package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.ChannelDestination;
import com.amazonaws.livestreaming.medialive.ChannelSpec;
import com.amazonaws.livestreaming.profile.CmafIngestLadder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template for each {@code Packager}, resolved as CloudFormation would deploy it: the stack must be complete
 * (nothing refers to a resource the other packager has), carry exactly that packager's resources and outputs, and
 * hand the MediaLive channel, the console and the viewers the right URLs. Attribute values are stand-ins shaped like
 * the real ones (MediaPackage v2 manifest URLs are built from each endpoint's own names), so the template's URL
 * arithmetic is checked on realistic input.
 */
class PackagerTemplateTest {
    private static final CfnTemplate TEMPLATE = CfnTemplate.load();
    private static final String EGRESS = "abc123.egress.xyz789.mediapackagev2.us-east-1.amazonaws.com";
    private static final Set<String> V2_TYPES = Set.of(
            "AWS::MediaPackageV2::ChannelGroup",
            "AWS::MediaPackageV2::Channel",
            "AWS::MediaPackageV2::ChannelPolicy",
            "AWS::MediaPackageV2::OriginEndpoint",
            "AWS::MediaPackageV2::OriginEndpointPolicy");

    private static ResolvedStack stack(String packager, String... parameters) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("Packager", packager));
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        return ResolvedStack.of(TEMPLATE, values);
    }

    /** Both packagers with the parameters that switch other parts of the template on and off. */
    static Stream<Arguments> stacks() {
        List<Arguments> stacks = new ArrayList<>();
        for (String packager : List.of("v1", "v2")) {
            stacks.add(Arguments.of(packager, List.of()));
            stacks.add(Arguments.of(
                    packager,
                    List.of(
                            "InputType",
                            "RTMP_PUSH",
                            "InputCIDR",
                            "203.0.113.7/32",
                            "ChannelClass",
                            "STANDARD",
                            "DeployDemoConsole",
                            "No")));
            stacks.add(Arguments.of(
                    packager,
                    List.of(
                            "InputType",
                            "SRT_CALLER",
                            "PriSrtUrl",
                            "srt://198.51.100.7:5000",
                            "EncodingProfile",
                            "s3://my-bucket/profiles/mine.json")));
        }
        return stacks.stream();
    }

    @ParameterizedTest(name = "Packager {0} with {1}")
    @MethodSource("stacks")
    void everyReferenceNamesSomethingTheStackHas(String packager, List<String> parameters) {
        ResolvedStack stack = stack(packager, parameters.toArray(String[]::new));

        assertEquals(Set.of(), stack.danglingReferences());
    }

    @ParameterizedTest(name = "Packager {0} with {1}")
    @MethodSource("stacks")
    void everyOutputAndCustomResourcePropertyEvaluates(String packager, List<String> parameters) {
        ResolvedStack stack = stack(packager, parameters.toArray(String[]::new));
        Attributes attributes = new Attributes(stack);

        stack.stack()
                .section("Outputs")
                .forEach((name, output) -> assertFalse(
                        String.valueOf(stack.evaluate(CfnTemplate.map(output).get("Value"), attributes))
                                .isBlank(),
                        name));
        for (String id : stack.stack().customResources()) {
            stack.evaluate(stack.stack().properties(id), attributes);
        }
    }

    @Test
    void aV2StackHasTheMediaPackageV2ResourcesAndNoneOfV1() {
        Map<String, Long> types = typeCounts(stack("v2"));

        assertEquals(1L, types.get("AWS::MediaPackageV2::ChannelGroup"));
        assertEquals(1L, types.get("AWS::MediaPackageV2::Channel"));
        assertEquals(1L, types.get("AWS::MediaPackageV2::ChannelPolicy"));
        assertEquals(4L, types.get("AWS::MediaPackageV2::OriginEndpoint"));
        assertEquals(4L, types.get("AWS::MediaPackageV2::OriginEndpointPolicy"));
        assertEquals(
                Set.of("ConsoleOriginAccessControl", "V2OriginAccessControl"),
                new TreeSet<>(stack("v2").stack().resourcesOfType("AWS::CloudFront::OriginAccessControl")));
        assertFalse(types.containsKey("Custom::MediaPackageChannel"));
        assertFalse(types.containsKey("Custom::MediaPackageEndpoint"));
        assertEquals(
                Set.of("V2Distribution", "ConsoleDistribution"),
                new TreeSet<>(stack("v2").stack().resourcesOfType("AWS::CloudFront::Distribution")));
    }

    @Test
    void aV1StackIsTheMediaPackageV1StackItWasBefore() {
        ResolvedStack stack = stack("v1");
        Map<String, Long> types = typeCounts(stack);

        assertEquals(1L, types.get("Custom::MediaPackageChannel"));
        assertEquals(4L, types.get("Custom::MediaPackageEndpoint"));
        assertTrue(types.keySet().stream().noneMatch(V2_TYPES::contains), types.toString());
        assertEquals(
                Set.of("Distribution", "ConsoleDistribution"),
                new TreeSet<>(stack.stack().resourcesOfType("AWS::CloudFront::Distribution")));
    }

    @Test
    void bothPackagersOfferTheSameOutputs() {
        for (List<String> parameters : List.of(
                List.<String>of(),
                List.of("InputType", "RTMP_PUSH", "InputCIDR", "203.0.113.7/32", "ChannelClass", "STANDARD"))) {
            String[] values = parameters.toArray(String[]::new);
            assertEquals(
                    stack("v1", values).stack().section("Outputs").keySet(),
                    stack("v2", values).stack().section("Outputs").keySet(),
                    parameters.toString());
        }
        assertTrue(stack("v2")
                .stack()
                .section("Outputs")
                .keySet()
                .containsAll(List.of(
                        "HlsPlaybackUrl", "DashPlaybackUrl", "MssPlaybackUrl", "CmafPlaybackUrl", "DemoConsoleUrl")));
    }

    @Test
    void theMediaLiveChannelOfAV2StackSendsCmafIngestToBothIngestEndpoints() {
        ResolvedStack stack = stack("v2", "ChannelClass", "STANDARD");

        ChannelSpec spec = channelSpec(stack);

        assertEquals(
                new ChannelDestination.CmafIngest(
                        List.of(
                                "https://abc123-1.ingest.xyz789.mediapackagev2.us-east-1.amazonaws.com/in/v1/demo-stack/1/live/",
                                "https://abc123-2.ingest.xyz789.mediapackagev2.us-east-1.amazonaws.com/in/v1/demo-stack/1/live/")),
                spec.destination());
    }

    @Test
    void theMediaLiveChannelOfASinglePipelineV2StackSendsToTheFirstIngestEndpoint() {
        ChannelSpec spec = channelSpec(stack("v2", "ChannelClass", "SINGLE_PIPELINE"));

        assertEquals(
                1, ((ChannelDestination.CmafIngest) spec.destination()).urls().size());
    }

    @Test
    void theMediaLiveChannelOfAV1StackSendsToTheMediaPackageChannel() {
        ChannelSpec spec = channelSpec(stack("v1"));

        assertEquals(new ChannelDestination.MediaPackageChannel("PackageChannel.ChannelId"), spec.destination());
    }

    @Test
    void aV2StackPlaysEachEndpointThroughItsOwnDistributionAndTellsTheConsoleTheSame() {
        ResolvedStack stack = stack("v2");
        Attributes attributes = new Attributes(stack);
        String base = "https://V2Distribution.cloudfront.net/out/v1/demo-stack/live/";
        Map<String, String> expected = Map.of(
                "Hls", base + "low-latency-hls/index.m3u8",
                "Dash", base + "low-latency-dash/index.mpd",
                "Mss", base + "mss/index.ism/Manifest",
                "Cmaf", base + "cmaf-hls/index.m3u8");
        Map<String, Object> console =
                CfnTemplate.map(stack.evaluate(stack.stack().properties("DemoConsole"), attributes));

        expected.forEach((format, url) -> {
            Object output = CfnTemplate.map(stack.stack().section("Outputs").get(format + "PlaybackUrl"))
                    .get("Value");
            assertEquals(url, stack.evaluate(output, attributes), format + "PlaybackUrl");
            assertEquals(url, console.get(format + "Url"), "DemoConsole " + format + "Url");
        });
    }

    @Test
    void endpointsAndPoliciesNameTheChannelTheStackMakes() {
        ResolvedStack stack = stack("v2");
        Attributes attributes = new Attributes(stack);
        Map<String, Object> group = evaluated(stack, "V2ChannelGroup", attributes);
        Map<String, Object> channel = evaluated(stack, "V2Channel", attributes);
        assertEquals(group.get("ChannelGroupName"), channel.get("ChannelGroupName"));
        assertEquals(
                List.of("V2ChannelGroup"),
                CfnTemplate.list(stack.stack().resource("V2Channel").get("DependsOn")));

        for (String id : stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpoint")) {
            Map<String, Object> endpoint = evaluated(stack, id, attributes);
            assertEquals(channel.get("ChannelGroupName"), endpoint.get("ChannelGroupName"), id);
            assertEquals(channel.get("ChannelName"), endpoint.get("ChannelName"), id);
            assertEquals(
                    List.of("V2Channel"),
                    CfnTemplate.list(stack.stack().resource(id).get("DependsOn")),
                    id);
        }
        for (String id : stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpointPolicy")) {
            Map<String, Object> policy = evaluated(stack, id, attributes);
            String endpointId = String.valueOf(
                    CfnTemplate.list(CfnTemplate.map(statement(stack, id).get("Resource"))
                                    .get("Fn::GetAtt"))
                            .get(0));
            Map<String, Object> endpoint = evaluated(stack, endpointId, attributes);
            for (String name : List.of("ChannelGroupName", "ChannelName", "OriginEndpointName")) {
                assertEquals(endpoint.get(name), policy.get(name), id + " " + name + " against " + endpointId);
            }
        }
        Map<String, Object> channelPolicy = evaluated(stack, "V2ChannelPolicy", attributes);
        assertEquals(channel.get("ChannelName"), channelPolicy.get("ChannelName"));
        assertEquals(channel.get("ChannelGroupName"), channelPolicy.get("ChannelGroupName"));
    }

    @Test
    void onlyThePlaybackDistributionMayReadEachEndpoint() {
        ResolvedStack stack = stack("v2");
        List<String> policies = stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpointPolicy");
        Set<String> covered = new TreeSet<>();

        for (String id : policies) {
            List<Object> statements = CfnTemplate.list(
                    CfnTemplate.map(stack.stack().properties(id).get("Policy")).get("Statement"));
            assertEquals(1, statements.size(), id);
            Map<String, Object> statement = statement(stack, id);
            assertEquals("Allow", statement.get("Effect"));
            assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), statement.get("Principal"));
            assertEquals(
                    List.of("mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"),
                    CfnTemplate.list(statement.get("Action")));
            assertEquals(
                    Map.of(
                            "StringEquals",
                            Map.of(
                                    "AWS:SourceArn",
                                    Map.of(
                                            "Fn::Sub",
                                            "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${V2Distribution}"))),
                    statement.get("Condition"));
            covered.add(String.valueOf(
                    CfnTemplate.list(CfnTemplate.map(statement.get("Resource")).get("Fn::GetAtt"))
                            .get(0)));
        }
        assertEquals(new TreeSet<>(stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpoint")), covered);
        Map<String, Object> origin = CfnTemplate.map(CfnTemplate.list(CfnTemplate.map(
                                stack.stack().properties("V2Distribution").get("DistributionConfig"))
                        .get("Origins"))
                .get(0));
        assertEquals(Map.of("Fn::GetAtt", List.of("V2OriginAccessControl", "Id")), origin.get("OriginAccessControlId"));
        assertEquals(Map.of("Fn::GetAtt", List.of("V2ChannelGroup", "EgressDomain")), origin.get("DomainName"));
        assertEquals(
                "mediapackagev2",
                CfnTemplate.map(stack.stack()
                                .properties("V2OriginAccessControl")
                                .get("OriginAccessControlConfig"))
                        .get("OriginAccessControlOriginType"));
    }

    @Test
    void onlyTheStacksMediaLiveRoleMayIngestAndItMay() {
        ResolvedStack stack = stack("v2");

        Map<String, Object> channelPolicy = CfnTemplate.map(CfnTemplate.list(CfnTemplate.map(
                                stack.stack().properties("V2ChannelPolicy").get("Policy"))
                        .get("Statement"))
                .get(0));
        assertEquals(
                Map.of("AWS", Map.of("Fn::GetAtt", List.of("MediaLiveRole", "Arn"))), channelPolicy.get("Principal"));
        assertEquals("mediapackagev2:PutObject", channelPolicy.get("Action"));
        assertEquals(Map.of("Fn::GetAtt", List.of("V2Channel", "Arn")), channelPolicy.get("Resource"));
        List<Object> rolePolicy = CfnTemplate.list(CfnTemplate.map(
                        stack.stack().properties("MediaLivePackagePolicy").get("PolicyDocument"))
                .get("Statement"));
        assertEquals(
                List.of(Map.of(
                        "Sid",
                        "IngestToOwnMediaPackageV2Channel",
                        "Effect",
                        "Allow",
                        "Action",
                        "mediapackagev2:PutObject",
                        "Resource",
                        Map.of("Fn::GetAtt", List.of("V2Channel", "Arn")))),
                rolePolicy);
        assertEquals(
                "V2ChannelPolicy",
                CfnTemplate.map(CfnTemplate.map(
                                        stack.stack().resource("Channel").get("Metadata"))
                                .get("IngestAllowedBy"))
                        .get("Ref"),
                "the channel starts once it may write");
    }

    @Test
    void lowLatencyManifestsAreCachedBrieflyWithTheBlockingReloadQueryStringsInTheKey() {
        ResolvedStack stack = stack("v2");
        Map<String, Object> policy = CfnTemplate.map(
                stack.stack().properties("V2ManifestCachePolicy").get("CachePolicyConfig"));
        Map<String, Object> key = CfnTemplate.map(policy.get("ParametersInCacheKeyAndForwardedToOrigin"));
        Map<String, Object> queryStrings = CfnTemplate.map(key.get("QueryStringsConfig"));

        assertEquals("whitelist", queryStrings.get("QueryStringBehavior"));
        assertTrue(
                CfnTemplate.list(queryStrings.get("QueryStrings"))
                        .containsAll(List.of("_HLS_msn", "_HLS_part", "_HLS_skip")),
                queryStrings.toString());
        assertTrue((Integer) policy.get("MaxTTL") <= 2 && (Integer) policy.get("MinTTL") == 0, policy.toString());
        Map<String, Object> config =
                CfnTemplate.map(stack.stack().properties("V2Distribution").get("DistributionConfig"));
        Set<String> manifests = new TreeSet<>();
        for (Object behaviour : CfnTemplate.list(config.get("CacheBehaviors"))) {
            Map<String, Object> b = CfnTemplate.map(behaviour);
            assertEquals(Map.of("Ref", "V2ManifestCachePolicy"), b.get("CachePolicyId"));
            manifests.add(String.valueOf(b.get("PathPattern")));
        }
        assertEquals(Set.of("*.m3u8", "*.mpd", "*/Manifest"), manifests);
        assertEquals(
                Map.of("Ref", "SegmentCachePolicy"),
                CfnTemplate.map(config.get("DefaultCacheBehavior")).get("CachePolicyId"),
                "segments and parts are immutable");
        for (Object error : CfnTemplate.list(config.get("CustomErrorResponses"))) {
            assertTrue((Integer) CfnTemplate.map(error).get("ErrorCachingMinTTL") <= 2, String.valueOf(error));
        }
    }

    @Test
    void aV2StackHasNoV1OriginProtectionOrAdInsertionAndRefusesAnAdDecisionServer() {
        Map<String, Long> types = typeCounts(stack("v2", "CdnAuthorization", "Yes"));

        assertFalse(types.containsKey("AWS::SecretsManager::Secret"), "CDN authorization is MediaPackage v1's");
        assertFalse(types.containsKey("AWS::MediaTailor::PlaybackConfiguration"));
        Map<String, Object> rule = CfnTemplate.map(TEMPLATE.section("Rules").get("AdInsertionNeedsPackagerV1"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "Packager"), "v2")), rule.get("RuleCondition"));
        assertEquals(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "AdDecisionServerUrl"), "")),
                CfnTemplate.map(CfnTemplate.list(rule.get("Assertions")).get(0)).get("Assert"));
    }

    @Test
    void everyEndpointSegmentIsAWholeNumberOfCmafIngestSegments() {
        ResolvedStack stack = stack("v2");

        for (String id : stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpoint")) {
            int seconds = (Integer)
                    CfnTemplate.map(stack.stack().properties(id).get("Segment")).get("SegmentDurationSeconds");
            assertEquals(0, seconds % CmafIngestLadder.SEGMENT_SECONDS, id);
        }
    }

    /**
     * MediaTailor and players line HLS up with wall-clock time by {@code EXT-X-PROGRAM-DATE-TIME}: every v2 HLS and
     * low-latency HLS manifest writes one per segment, as the v1 endpoints do.
     */
    @Test
    void everyV2HlsManifestCarriesAProgramDateTimeTagPerSegment() {
        ResolvedStack stack = stack("v2");
        int manifests = 0;
        for (String id : stack.stack().resourcesOfType("AWS::MediaPackageV2::OriginEndpoint")) {
            Map<String, Object> endpoint = stack.stack().properties(id);
            Object seconds = CfnTemplate.map(endpoint.get("Segment")).get("SegmentDurationSeconds");
            for (String kind : List.of("HlsManifests", "LowLatencyHlsManifests")) {
                for (Object manifest : endpoint.containsKey(kind) ? CfnTemplate.list(endpoint.get(kind)) : List.of()) {
                    assertEquals(seconds, CfnTemplate.map(manifest).get("ProgramDateTimeIntervalSeconds"), id);
                    manifests++;
                }
            }
        }
        assertEquals(2, manifests, "low-latency-hls and cmaf-hls");
    }

    private static Map<String, Object> statement(ResolvedStack stack, String policyId) {
        return CfnTemplate.map(CfnTemplate.list(
                        CfnTemplate.map(stack.stack().properties(policyId).get("Policy"))
                                .get("Statement"))
                .get(0));
    }

    private static Map<String, Object> evaluated(ResolvedStack stack, String id, Attributes attributes) {
        return CfnTemplate.map(stack.evaluate(stack.stack().properties(id), attributes));
    }

    private static ChannelSpec channelSpec(ResolvedStack stack) {
        Map<String, Object> properties = evaluated(stack, "Channel", new Attributes(stack));
        return ChannelSpec.from(Properties.of(properties), ResolvedStack.STACK_NAME);
    }

    private static Map<String, Long> typeCounts(ResolvedStack stack) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String id : stack.stack().resources().keySet()) {
            counts.merge(stack.stack().type(id), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Stand-in attribute values shaped like AWS's: ingest and manifest URLs built from the MediaPackage v2 resources'
     * own names (so a name typo shows), ARNs for roles and channels, and {@code <Resource>.<Attribute>} for the
     * rest, which a custom resource's manager must list as one it returns.
     */
    private record Attributes(ResolvedStack stack) implements ResolvedStack.Attributes {
        @Override
        public Object apply(String id, String attribute) {
            String type = stack.stack().type(id);
            if (type.startsWith("Custom::")) {
                assertTrue(
                        ManagerSpecs.of(CfnTemplate.kindOf(type)).attributes().contains(attribute),
                        type + " returns no " + attribute);
                return id + "." + attribute;
            }
            Map<String, Object> properties = type.startsWith("AWS::MediaPackageV2::")
                    ? CfnTemplate.map(stack.evaluate(stack.stack().properties(id), this))
                    : Map.of();
            return switch (type + "." + attribute) {
                case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + ResolvedStack.ACCOUNT + ":role/demo-stack-" + id;
                case "AWS::MediaPackageV2::ChannelGroup.EgressDomain" -> EGRESS;
                case "AWS::MediaPackageV2::Channel.Arn" ->
                    "arn:aws:mediapackagev2:us-east-1:"
                            + ResolvedStack.ACCOUNT + ":channelGroup/" + properties.get("ChannelGroupName")
                            + "/channel/" + properties.get("ChannelName");
                case "AWS::MediaPackageV2::Channel.IngestEndpointUrls" ->
                    List.of(1, 2).stream()
                            .map(n -> "https://abc123-" + n
                                    + ".ingest.xyz789.mediapackagev2.us-east-1.amazonaws.com/in/v1/"
                                    + properties.get("ChannelGroupName") + "/1/" + properties.get("ChannelName") + "/")
                            .toList();
                case "AWS::MediaPackageV2::OriginEndpoint.Arn" ->
                    "arn:aws:mediapackagev2:us-east-1:"
                            + ResolvedStack.ACCOUNT + ":channelGroup/" + properties.get("ChannelGroupName")
                            + "/channel/" + properties.get("ChannelName") + "/originEndpoint/"
                            + properties.get("OriginEndpointName");
                case "AWS::MediaPackageV2::OriginEndpoint.LowLatencyHlsManifestUrls" ->
                    manifestUrls(properties, "LowLatencyHlsManifests", ".m3u8");
                case "AWS::MediaPackageV2::OriginEndpoint.HlsManifestUrls" ->
                    manifestUrls(properties, "HlsManifests", ".m3u8");
                case "AWS::MediaPackageV2::OriginEndpoint.DashManifestUrls" ->
                    manifestUrls(properties, "DashManifests", ".mpd");
                case "AWS::MediaPackageV2::OriginEndpoint.MssManifestUrls" ->
                    manifestUrls(properties, "MssManifests", ".ism/Manifest");
                case "AWS::CloudFront::Distribution.DomainName" -> id + ".cloudfront.net";
                default -> id + "." + attribute;
            };
        }

        private static List<String> manifestUrls(Map<String, Object> endpoint, String kind, String suffix) {
            List<Object> manifests = CfnTemplate.list(endpoint.getOrDefault(kind, List.of()));
            assertFalse(manifests.isEmpty(), endpoint.get("OriginEndpointName") + " has no " + kind);
            return manifests.stream()
                    .map(m -> "https://" + EGRESS + "/out/v1/" + endpoint.get("ChannelGroupName") + "/"
                            + endpoint.get("ChannelName") + "/" + endpoint.get("OriginEndpointName") + "/"
                            + CfnTemplate.map(m).get("ManifestName") + suffix)
                    .toList();
        }
    }
}
