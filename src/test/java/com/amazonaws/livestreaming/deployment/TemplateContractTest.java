package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The template against the managers that serve it: a property no manager reads, or an attribute no manager
 * returns, fails here instead of in a user's stack.
 */
class TemplateContractTest {
    private static final Set<String> IMPLIED = Set.of("ServiceToken", "ServiceTimeout");
    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void everyAttributeReadFromACustomResourceIsOneItsManagerReturns() {
        List<String> unknown = new ArrayList<>();
        for (CfnTemplate.AttributeRef ref : template.attributeRefs()) {
            if (!template.resources().containsKey(ref.resource())) {
                continue;
            }
            String type = template.type(ref.resource());
            if (type.startsWith("Custom::")) {
                ResourceSpec spec = ManagerSpecs.of(CfnTemplate.kindOf(type));
                if (!spec.attributes().contains(ref.attribute())) {
                    unknown.add(ref.resource() + "." + ref.attribute() + " at " + ref.where()
                            + " (" + spec.kind() + " returns " + new TreeSet<>(spec.attributes()) + ")");
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyPropertyGivenToACustomResourceIsOneItsManagerReads() {
        List<String> unknown = new ArrayList<>();
        for (String id : template.customResources()) {
            ResourceSpec spec = ManagerSpecs.of(CfnTemplate.kindOf(template.type(id)));
            for (String property : template.properties(id).keySet()) {
                if (!IMPLIED.contains(property) && !spec.properties().contains(property)) {
                    unknown.add(id + "." + property + " (" + spec.kind() + " reads "
                            + new TreeSet<>(spec.properties()) + ")");
                }
            }
        }
        assertEquals(List.of(), unknown);
    }
}
