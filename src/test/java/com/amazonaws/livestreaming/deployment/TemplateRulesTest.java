package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template's rules, evaluated as CloudFormation evaluates them before it creates anything
 * ({@link ResolvedTemplate#refusals}): each refuses the combination it is for, with one line naming the parameters,
 * and lets the others through.
 */
class TemplateRulesTest {
    private static final String ADS = "https://d1kbmkziz9rksx.cloudfront.net/VASTEndpoint.xml";
    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theDefaultsAreAccepted() {
        assertEquals(List.of(), ResolvedTemplate.refusals(template, Map.of()));
    }

    @Test
    void anAdDecisionServerWithAdMarkersNoneIsRefusedNamingBothParameters() {
        List<String> refusals =
                ResolvedTemplate.refusals(template, Map.of("AdDecisionServerUrl", ADS, "AdMarkers", "NONE"));

        assertEquals(1, refusals.size(), String.valueOf(refusals));
        String reason = refusals.get(0);
        assertTrue(reason.contains("AdDecisionServerUrl") && reason.contains("AdMarkers"), reason);
        assertTrue(!reason.contains("\n") && reason.length() < 160, "one line: " + reason);
    }

    @Test
    void anAdDecisionServerWithAnyAdMarkersButNoneIsAccepted() {
        for (String markers : List.of("SCTE35_ENHANCED", "DATERANGE", "PASSTHROUGH")) {
            assertEquals(
                    List.of(),
                    ResolvedTemplate.refusals(template, Map.of("AdDecisionServerUrl", ADS, "AdMarkers", markers)),
                    markers);
        }
    }

    @Test
    void adMarkersNoneWithoutAnAdDecisionServerIsAccepted() {
        assertEquals(List.of(), ResolvedTemplate.refusals(template, Map.of("AdMarkers", "NONE")));
    }

    @Test
    void anAdDecisionServerWithPackagerV2IsRefused() {
        List<String> refusals =
                ResolvedTemplate.refusals(template, Map.of("AdDecisionServerUrl", ADS, "Packager", "v2"));

        assertEquals(1, refusals.size(), String.valueOf(refusals));
        assertTrue(refusals.get(0).contains("Packager v1"), refusals.get(0));
    }
}
