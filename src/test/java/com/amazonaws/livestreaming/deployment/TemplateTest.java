package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.InputSettings;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The template's own rules, which hold whatever the managers do. */
class TemplateTest {
    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void everyParameterIsUsed() {
        Set<String> used = template.namesReferredTo(Set.of("Parameters", "Metadata"));
        Set<String> unused = new TreeSet<>(template.section("Parameters").keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "parameters nothing refers to");
    }

    @Test
    void everyParameterIsOnTheLaunchFormOnceWithALabel() {
        Map<String, Object> form = CfnTemplate.map(template.section("Metadata").get("AWS::CloudFormation::Interface"));
        List<String> grouped = new ArrayList<>();
        for (Object group : CfnTemplate.list(form.get("ParameterGroups"))) {
            CfnTemplate.list(CfnTemplate.map(group).get("Parameters")).forEach(p -> grouped.add((String) p));
        }
        assertEquals(new TreeSet<>(template.section("Parameters").keySet()), new TreeSet<>(grouped));
        assertEquals(grouped.size(), new LinkedHashSet<>(grouped).size(), "a parameter is in two groups");
        assertEquals(
                template.section("Parameters").keySet(),
                CfnTemplate.map(form.get("ParameterLabels")).keySet(),
                "parameters and labels differ");
    }

    @Test
    void passwordsAreNeverEchoed() {
        template.section("Parameters").forEach((name, definition) -> {
            if (name.endsWith("Pass")) {
                assertEquals(true, CfnTemplate.map(definition).get("NoEcho"), name + " must be NoEcho");
            }
        });
    }

    @Test
    void inputTypeOffersEveryTypeTheInputResourceSupportsAndLoopsTheStacksOwnClipByDefault() {
        Map<String, Object> inputType =
                CfnTemplate.map(template.section("Parameters").get("InputType"));
        assertEquals(
                Set.of("RTP_PUSH", "RTMP_PUSH", "URL_PULL", "RTMP_PULL", "MP4_FILE", "SRT_CALLER", "MEDIACONNECT"),
                new TreeSet<>(CfnTemplate.list(inputType.get("AllowedValues")).stream()
                        .map(String::valueOf)
                        .toList()));
        assertEquals("MP4_FILE", inputType.get("Default"));
        for (String url : List.of("PriUrl", "SecUrl")) {
            assertEquals(
                    "",
                    CfnTemplate.map(template.section("Parameters").get(url)).get("Default"),
                    url + ": no third-party default; empty means the stack's own clip");
        }
    }

    @Test
    void anMp4InputWithoutAUrlPullsTheTestSourceBuildS3DistPutsBesideTheCodeOverTls() throws Exception {
        assertEquals(
                Map.of(
                        "Fn::And",
                        List.of(
                                Map.of("Fn::Equals", List.of(Map.of("Ref", "InputType"), "MP4_FILE")),
                                Map.of("Fn::Equals", List.of(Map.of("Ref", "PriUrl"), "")),
                                Map.of("Fn::Equals", List.of(Map.of("Ref", "SecUrl"), "")))),
                template.section("Conditions").get("UsesTestSource"));
        for (String side : List.of("Pri", "Sec")) {
            Map<String, Object> pull =
                    CfnTemplate.map(template.properties("Input").get(side + "Url"));
            List<Object> choice = CfnTemplate.list(
                    CfnTemplate.map(CfnTemplate.list(pull.get("Fn::If")).get(1)).get("Fn::If"));
            assertEquals("UsesTestSource", choice.get(0));
            assertEquals(Map.of("Ref", side + "Url"), choice.get(2));

            String url = resolved(CfnTemplate.map(choice.get(1)), "my-code-bucket", "v1.2.3", "eu-west-1");
            assertEquals("s3ssl://my-code-bucket-eu-west-1/live-streaming-on-aws/v1.2.3/test-source.mp4", url);
            InputSettings settings = InputSettings.from(
                    Properties.of(Map.of("Type", "MP4_FILE", "ChannelClass", "SINGLE_PIPELINE", "PriUrl", url)));
            assertEquals(url, settings.pullSources().get(0).url());
        }
        assertTrue(
                Files.readString(BuildScript.SCRIPT).contains("clip_out=\"$out/test-source.mp4\""),
                "build-s3-dist.sh writes the clip under the key the template reads");
    }

    @Test
    void theMediaLiveRoleMayReadExactlyTheTestSourceAndOnlyWhenTheInputUsesIt() {
        Map<String, Object> read = conditionalStatement("MediaLiveRole", "UsesTestSource", "ReadTestSource");
        assertEquals("s3:GetObject", read.get("Action"));
        assertEquals(
                "arn:aws:s3:::my-code-bucket-eu-west-1/live-streaming-on-aws/v1.2.3/test-source.mp4",
                resolved(CfnTemplate.map(read.get("Resource")), "my-code-bucket", "v1.2.3", "eu-west-1"));
        Map<String, Object> find = conditionalStatement("MediaLiveRole", "UsesTestSource", "FindTestSource");
        assertEquals("s3:ListBucket", find.get("Action"));
        assertEquals(
                "arn:aws:s3:::my-code-bucket-eu-west-1",
                resolved(CfnTemplate.map(find.get("Resource")), "my-code-bucket", "v1.2.3", "eu-west-1"));
        Map<String, Object> prefix = CfnTemplate.map(
                CfnTemplate.map(CfnTemplate.map(find.get("Condition")).get("StringEquals"))
                        .get("s3:prefix"));
        assertEquals(
                "live-streaming-on-aws/v1.2.3/test-source.mp4",
                resolved(prefix, "my-code-bucket", "v1.2.3", "eu-west-1"));
    }

    /**
     * The clip stands in for the source only when no source URL is given: one given URL never gets the clip as its
     * partner (a STANDARD channel would fail over between different content); the input names the missing one.
     */
    @Test
    void theTestClipPlaysOnlyWhenBothSourceUrlsAreEmpty() {
        String mine = "s3ssl://my-bucket/clip.mp4";
        Map<List<String>, List<Boolean>> clipOnPriSec = Map.of(
                List.of("", ""), List.of(true, true),
                List.of(mine, ""), List.of(false, false),
                List.of("", mine), List.of(false, false),
                List.of(mine, mine), List.of(false, false));
        clipOnPriSec.forEach((urls, clip) -> {
            ResolvedStack stack = ResolvedStack.of(
                    template,
                    Map.of(
                            "InputType",
                            "MP4_FILE",
                            "ChannelClass",
                            "STANDARD",
                            "PriUrl",
                            urls.get(0),
                            "SecUrl",
                            urls.get(1)));
            Map<String, Object> input = stack.stack().properties("Input");
            for (int i = 0; i < 2; i++) {
                String url = String.valueOf(stack.evaluate(input.get(i == 0 ? "PriUrl" : "SecUrl"), (r, a) -> a));
                assertEquals(clip.get(i), url.endsWith("/test-source.mp4"), urls + ": " + url);
                assertEquals(clip.get(i) ? url : urls.get(i), url, urls.toString());
            }
            String mediaLiveRole = String.valueOf(stack.stack().properties("MediaLiveRole"));
            assertEquals(
                    clip.get(0),
                    mediaLiveRole.contains("ReadTestSource"),
                    urls + ": MediaLive may read the clip only when it plays it");
        });
    }

    @Test
    void theConsoleIsToldTheChannelAndRegionToLinkTo() {
        Map<String, Object> console = template.properties("DemoConsole");
        assertEquals(Map.of("Fn::GetAtt", List.of("Channel", "ChannelId")), console.get("ChannelId"));
        assertEquals(Map.of("Ref", "AWS::Region"), console.get("Region"));
    }

    /** The statement with {@code sid} inside {@code Fn::If [condition, statement, AWS::NoValue]} of a role's policy. */
    private Map<String, Object> conditionalStatement(String role, String condition, String sid) {
        for (Object policy : CfnTemplate.list(template.properties(role).get("Policies"))) {
            Map<String, Object> document =
                    CfnTemplate.map(CfnTemplate.map(policy).get("PolicyDocument"));
            for (Object statement : CfnTemplate.list(document.get("Statement"))) {
                Object conditional = CfnTemplate.map(statement).get("Fn::If");
                List<Object> choice = conditional == null ? List.of() : CfnTemplate.list(conditional);
                if (choice.size() == 3
                        && condition.equals(choice.get(0))
                        && sid.equals(CfnTemplate.map(choice.get(1)).get("Sid"))) {
                    assertEquals(Map.of("Ref", "AWS::NoValue"), choice.get(2));
                    return CfnTemplate.map(choice.get(1));
                }
            }
        }
        throw new AssertionError(role + " has no statement " + sid + " under condition " + condition);
    }

    /**
     * A {@code Fn::Sub [text, {Bucket|Prefix: Fn::FindInMap [SourceCode, General, ...]}]} as the stack sees it once
     * build-s3-dist.sh has filled in the bucket and version: the same code location the function's jar comes from.
     */
    private String resolved(Map<String, Object> sub, String bucket, String version, String region) {
        List<Object> parts = CfnTemplate.list(sub.get("Fn::Sub"));
        Map<String, Object> general = CfnTemplate.map(
                CfnTemplate.map(template.section("Mappings").get("SourceCode")).get("General"));
        String text = (String) parts.get(0);
        for (Map.Entry<String, Object> variable : CfnTemplate.map(parts.get(1)).entrySet()) {
            List<Object> find =
                    CfnTemplate.list(CfnTemplate.map(variable.getValue()).get("Fn::FindInMap"));
            assertEquals(List.of("SourceCode", "General"), find.subList(0, 2));
            String value = ((String) general.get((String) find.get(2)))
                    .replace("CODEBUCKET", bucket)
                    .replace("CODEVERSION", version);
            text = text.replace("${" + variable.getKey() + "}", value);
        }
        return text.replace("${AWS::Region}", region).replace("${AWS::Partition}", "aws");
    }

    @Test
    void everyCustomResourceCallsTheAliasOfThePublishedVersion() {
        assertFalse(template.customResources().isEmpty());
        for (String id : template.customResources()) {
            assertEquals(
                    Map.of("Ref", "CustomResourceAlias"),
                    template.properties(id).get("ServiceToken"),
                    id + " must call the alias: CloudFormation refuses to change a ServiceToken, so naming the"
                            + " version (which changes with every release) would break stack updates");
        }
        Map<String, Object> alias = template.properties("CustomResourceAlias");
        assertEquals("AWS::Lambda::Alias", template.type("CustomResourceAlias"));
        assertEquals(Map.of("Ref", "CustomResourceFunction"), alias.get("FunctionName"));
        assertEquals(
                Map.of("Fn::GetAtt", List.of("CustomResourceVersion", "Version")),
                alias.get("FunctionVersion"),
                "the alias must point at the published (SnapStart) version, not $LATEST");
    }

    @Test
    void everyCustomResourceWaitsAsLongAsTheFunctionMayRunAndNoLongerThanAnHour() {
        int lambdaTimeout =
                (Integer) template.properties("CustomResourceFunction").get("Timeout");
        for (String id : template.customResources()) {
            Object timeout = template.properties(id).get("ServiceTimeout");
            assertTrue(
                    timeout instanceof Integer seconds && seconds >= lambdaTimeout && seconds <= 3600,
                    id + " needs a ServiceTimeout from the function's timeout (" + lambdaTimeout
                            + " s: every wait may run until its watchdog answers) to 3600 s, has " + timeout);
        }
    }

    @Test
    void functionRunsTheProjectsHandlerOnJava21WithSnapStart() throws Exception {
        Map<String, Object> function = template.properties("CustomResourceFunction");
        assertEquals("java21", function.get("Runtime"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
        String handler = (String) function.get("Handler");
        assertTrue(handler.endsWith("::handleRequest"), handler);
        Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertTrue(RequestStreamHandler.class.isAssignableFrom(type), type + " is no RequestStreamHandler");
        type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
        Map<String, Object> variables =
                CfnTemplate.map(CfnTemplate.map(function.get("Environment")).get("Variables"));
        assertFalse(variables.containsKey("AWS_REGION"), "Lambda sets AWS_REGION itself; it is reserved");
    }

    @Test
    void codeComesFromTheRegionalBucketUnderTheVersionedPrefix() {
        Map<String, Object> general = CfnTemplate.map(
                CfnTemplate.map(template.section("Mappings").get("SourceCode")).get("General"));
        assertEquals("CODEBUCKET", general.get("S3Bucket"));
        assertEquals("live-streaming-on-aws/CODEVERSION", general.get("KeyPrefix"));
        Map<String, Object> code =
                CfnTemplate.map(template.properties("CustomResourceFunction").get("Code"));
        List<Object> bucket =
                CfnTemplate.list(CfnTemplate.map(code.get("S3Bucket")).get("Fn::Sub"));
        assertEquals("${Bucket}-${AWS::Region}", bucket.get(0));
        List<Object> key = CfnTemplate.list(CfnTemplate.map(code.get("S3Key")).get("Fn::Sub"));
        assertEquals("${Prefix}/live-streaming-on-aws.jar", key.get(0));
    }

    @Test
    void playbackUrlsGoThroughCloudFront() {
        for (String format : List.of("Hls", "Dash", "Mss", "Cmaf")) {
            Map<String, Object> output =
                    CfnTemplate.map(template.section("Outputs").get(format + "PlaybackUrl"));
            // With Packager v2 the URL is the MediaPackage v2 endpoint's through V2Distribution (PackagerTemplateTest).
            List<Object> packagers =
                    CfnTemplate.list(CfnTemplate.map(output.get("Value")).get("Fn::If"));
            assertEquals("IsPackagerV2", packagers.get(0));
            assertEquals(
                    Map.of("Fn::Sub", "https://${Distribution.DomainName}/out/v1${" + format + "Endpoint.Manifest}"),
                    packagers.get(2));
        }
    }

    @Test
    void theSecondEncoderEndpointIsAnOutputOnlyForStandardPushInputs() {
        Map<String, Object> output = CfnTemplate.map(template.section("Outputs").get("EncoderEndPoint2"));
        assertEquals("IsStandardPushInput", output.get("Condition"), "a SINGLE_PIPELINE input has no second endpoint");
        assertEquals(
                Map.of(
                        "Fn::And",
                        List.of(
                                Map.of("Condition", "IsPushInput"),
                                Map.of("Fn::Equals", List.of(Map.of("Ref", "ChannelClass"), "STANDARD")))),
                template.section("Conditions").get("IsStandardPushInput"));
    }

    @Test
    void cachePolicyNamesCarryStackAndRegionBecauseTheyAreAccountWide() {
        for (String id : template.resourcesOfType("AWS::CloudFront::CachePolicy")) {
            Object name = CfnTemplate.map(template.properties(id).get("CachePolicyConfig"))
                    .get("Name");
            if (!(name instanceof Map<?, ?> sub
                    && String.valueOf(sub.get("Fn::Sub")).startsWith("${AWS::StackName}-${AWS::Region}-"))) {
                fail(id + " name must start with ${AWS::StackName}-${AWS::Region}-: " + name);
            }
        }
    }

    @Test
    void theOriginAccessControlNameFitsCloudFrontsLimitWhateverTheStackName() {
        Object name = CfnTemplate.map(
                        template.properties("ConsoleOriginAccessControl").get("OriginAccessControlConfig"))
                .get("Name");
        // "console-" and the 36-character UUID of the stack id: 44 of the 64 characters CloudFront allows.
        assertEquals(
                Map.of(
                        "Fn::Sub",
                        List.of(
                                "console-${StackUuid}",
                                Map.of(
                                        "StackUuid",
                                        Map.of(
                                                "Fn::Select",
                                                List.of(
                                                        2,
                                                        Map.of(
                                                                "Fn::Split",
                                                                List.of("/", Map.of("Ref", "AWS::StackId")))))))),
                name);
    }

    @Test
    void manifestsAreCachedForAtMostTwoSecondsAndErrorsForAtMostTwo() {
        Map<String, Object> manifests =
                CfnTemplate.map(template.properties("ManifestCachePolicy").get("CachePolicyConfig"));
        assertTrue((Integer) manifests.get("MaxTTL") <= 2);
        Map<String, Object> config =
                CfnTemplate.map(template.properties("Distribution").get("DistributionConfig"));
        for (Object error : CfnTemplate.list(config.get("CustomErrorResponses"))) {
            assertTrue((Integer) CfnTemplate.map(error).get("ErrorCachingMinTTL") <= 2, String.valueOf(error));
        }
        Set<String> patterns = new TreeSet<>();
        for (Object behaviour : CfnTemplate.list(config.get("CacheBehaviors"))) {
            Map<String, Object> b = CfnTemplate.map(behaviour);
            if (b.containsKey("Fn::If")) {
                continue; // MediaTailor's, when the stack inserts ads (TemplateCombinationsTest)
            }
            assertEquals(Map.of("Ref", "ManifestCachePolicy"), b.get("CachePolicyId"));
            assertEquals("redirect-to-https", b.get("ViewerProtocolPolicy"));
            patterns.add((String) b.get("PathPattern"));
        }
        assertEquals(Set.of("*.m3u8", "*.mpd", "*/Manifest"), patterns);
    }
}
