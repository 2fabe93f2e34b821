package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.testing.BotocoreShapes;
import com.amazonaws.livestreaming.testing.PythonTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MediaTailor playback configuration of a stack with ads, held to MediaTailor's official API model (botocore's
 * {@code mediatailor}, the shapes CloudFormation's resource passes on): only members the API has, values it allows.
 */
class MediaTailorTemplateTest {
    private static final String ADS = "https://d1kbmkziz9rksx.cloudfront.net/VASTEndpoint.xml";
    private static final JsonNode SHAPES =
            PythonTools.serviceModel("mediatailor").get("shapes");
    private final Map<String, Object> playbackConfiguration = ResolvedStack.of(
                    CfnTemplate.load(), Map.of("AdDecisionServerUrl", ADS))
            .stack()
            .properties("AdInsertion");

    @Test
    void thePlaybackConfigurationFitsMediaTailorsApiModel() {
        JsonNode request = new ObjectMapper().valueToTree(withIntrinsicsAsText(playbackConfiguration));

        assertEquals(List.of(), BotocoreShapes.problems(SHAPES, "PutPlaybackConfigurationRequest", request, "$"));
    }

    /**
     * CloudFront routes the manifest requests and players follow MediaTailor's redirects, so the DASH manifest must
     * not carry MediaTailor's own {@code <Location>}, which would send manifest updates past the CDN's routes.
     */
    @Test
    void dashManifestsCarryNoLocationTagBehindCloudFront() {
        Map<String, Object> dash = CfnTemplate.map(playbackConfiguration.get("DashConfiguration"));

        assertEquals("DISABLED", dash.get("MpdLocation"));
        assertEquals("MULTI_PERIOD", dash.get("OriginManifestType"));
        String documented = SHAPES.at("/DashConfigurationForPut/members/MpdLocation/documentation")
                .asText();
        assertTrue(
                documented.contains("<code>DISABLED</code>"), "the model names DISABLED a valid value: " + documented);
    }

    /** The resource's properties with every {@code Ref}/{@code Fn::} replaced by a string, as CloudFormation sends. */
    private static Object withIntrinsicsAsText(Object node) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = CfnTemplate.map(raw);
            if (map.size() == 1
                    && (map.containsKey("Ref") || map.keySet().iterator().next().startsWith("Fn::"))) {
                return "resolved-by-cloudformation";
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, withIntrinsicsAsText(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream()
                    .map(MediaTailorTemplateTest::withIntrinsicsAsText)
                    .toList();
        }
        return node;
    }
}
