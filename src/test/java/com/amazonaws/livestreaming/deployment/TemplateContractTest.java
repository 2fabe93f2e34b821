package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template against the managers that serve it: a property no manager reads, or an attribute no manager
 * returns, fails here instead of in a user's stack.
 */
class TemplateContractTest {
    private static final Set<String> IMPLIED = Set.of("ServiceToken", "ServiceTimeout");
    private final CfnTemplate template = CfnTemplate.load();

    @TempDir
    Path tmp;

    @Test
    void everyAttributeReadFromACustomResourceIsOneItsManagerReturns() {
        assertEquals(List.of(), unknownAttributes(template));
    }

    @Test
    void attributesReadInSubStringsAreCheckedInEveryForm() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("template.yaml"), """
                Resources:
                  PackageChannel:
                    Type: Custom::MediaPackageChannel
                    Properties:
                      ServiceToken: arn
                Outputs:
                  Short:
                    Value: !Sub 'https://${PackageChannel.NoSuchAttribute}/out'
                  Listed:
                    Value: !Sub
                      - '${PackageChannel.AlsoMissing}/${Given}'
                      - Given: !GetAtt PackageChannel.NotReturned
                  Long:
                    Value:
                      Fn::Sub: '${PackageChannel.LongFormMissing} ${PackageChannel.ChannelId} ${AWS::Region}'
                """);

        List<String> unknown = unknownAttributes(CfnTemplate.load(yaml)).stream()
                .map(problem -> problem.substring(0, problem.indexOf(' ')))
                .toList();

        assertEquals(
                List.of(
                        "PackageChannel.NoSuchAttribute",
                        "PackageChannel.AlsoMissing",
                        "PackageChannel.NotReturned",
                        "PackageChannel.LongFormMissing"),
                unknown);
    }

    @Test
    void thePlaybackUrlsReadTheEndpointsManifestThroughSub() {
        List<String> read = template.attributeRefs().stream()
                .filter(ref -> ref.where().startsWith("/Outputs/"))
                .map(ref -> ref.resource() + "." + ref.attribute())
                .toList();
        for (String endpoint : List.of("HlsEndpoint", "DashEndpoint", "MssEndpoint", "CmafEndpoint")) {
            assertTrue(read.contains(endpoint + ".Manifest"), endpoint + ".Manifest not found among " + read);
        }
    }

    /** Each attribute read from a custom resource that its manager's spec does not list, with where it is read. */
    static List<String> unknownAttributes(CfnTemplate template) {
        List<String> unknown = new ArrayList<>();
        for (CfnTemplate.AttributeRef ref : template.attributeRefs()) {
            if (!template.resources().containsKey(ref.resource())) {
                continue;
            }
            String type = template.type(ref.resource());
            if (type.startsWith("Custom::")) {
                ResourceSpec spec = ManagerSpecs.of(CfnTemplate.kindOf(type));
                if (!spec.attributes().contains(ref.attribute())) {
                    unknown.add(ref.resource() + "." + ref.attribute() + " at " + ref.where() + " (" + spec.kind()
                            + " returns " + new TreeSet<>(spec.attributes()) + ")");
                }
            }
        }
        return unknown;
    }

    @Test
    void everyPropertyGivenToACustomResourceIsOneItsManagerReads() {
        assertEquals(List.of(), unknownProperties(template));
    }

    /** Each property given to a custom resource that its manager's spec does not list. */
    static List<String> unknownProperties(CfnTemplate template) {
        List<String> unknown = new ArrayList<>();
        for (String id : template.customResources()) {
            ResourceSpec spec = ManagerSpecs.of(CfnTemplate.kindOf(template.type(id)));
            for (String property : template.properties(id).keySet()) {
                if (!IMPLIED.contains(property) && !spec.properties().contains(property)) {
                    unknown.add(id + "." + property + " (" + spec.kind() + " reads " + new TreeSet<>(spec.properties())
                            + ")");
                }
            }
        }
        return unknown;
    }
}
