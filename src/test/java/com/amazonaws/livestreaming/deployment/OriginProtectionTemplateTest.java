package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediapackage.model.AdMarkers;

/** The template's origin protection and ad settings, which hold in every combination of its parameters. */
class OriginProtectionTemplateTest {
    private final CfnTemplate template = CfnTemplate.load();

    private Map<String, Object> parameter(String name) {
        return CfnTemplate.map(template.section("Parameters").get(name));
    }

    @Test
    void cdnAuthorizationIsOnByDefaultAndCanBeTurnedOff() {
        assertEquals("Yes", parameter("CdnAuthorization").get("Default"));
        assertEquals(List.of("Yes", "No"), parameter("CdnAuthorization").get("AllowedValues"));
    }

    @Test
    void cloudFormationGeneratesTheIdentifierInsideSecretsManager() {
        Map<String, Object> secret = template.properties("CdnIdentifierSecret");
        assertFalse(secret.containsKey("SecretString"), "the identifier must never be written in the template");
        Map<String, Object> generate = CfnTemplate.map(secret.get("GenerateSecretString"));
        assertEquals("{}", generate.get("SecretStringTemplate"));
        assertEquals("MediaPackageCDNIdentifier", generate.get("GenerateStringKey"));
        int length = (Integer) generate.get("PasswordLength");
        assertTrue(length >= 8 && length <= 128, "MediaPackage takes 8 to 128 characters, not " + length);
        assertEquals(true, generate.get("ExcludePunctuation"), "a header value of letters and digits only");
    }

    @Test
    void noOutputRevealsTheIdentifier() throws IOException {
        String outputs = String.valueOf(template.section("Outputs"));
        assertFalse(outputs.contains("CdnIdentifierSecret"), outputs);
        assertFalse(outputs.contains("resolve:secretsmanager"), outputs);
        long references = Files.readString(CfnTemplate.PATH)
                .lines()
                .filter(line -> line.contains("{{resolve:secretsmanager:${CdnIdentifierSecret}"))
                .count();
        assertEquals(2, references, "the identifier is read only for CloudFront's origin header");
    }

    @Test
    void adMarkersOffersMediaPackagesChoicesAndDefaultsToTheCueTagsMediaTailorReads() {
        Set<String> mediaPackage = new TreeSet<>(Arrays.stream(AdMarkers.values())
                .map(Object::toString)
                .filter(v -> !v.equals("null"))
                .toList());
        assertEquals(
                mediaPackage,
                new TreeSet<>(CfnTemplate.list(parameter("AdMarkers").get("AllowedValues")).stream()
                        .map(String::valueOf)
                        .toList()));
        assertEquals("SCTE35_ENHANCED", parameter("AdMarkers").get("Default"));
    }

    @Test
    void adInsertionIsOffUnlessAnAdDecisionServerIsGiven() {
        assertEquals("", parameter("AdDecisionServerUrl").get("Default"));
        // MediaTailor reads the MediaPackage v1 distribution, so it comes with Packager v1 (PackagerTemplateTest).
        assertEquals(
                Map.of(
                        "Fn::And",
                        List.of(
                                Map.of(
                                        "Fn::Not",
                                        List.of(Map.of(
                                                "Fn::Equals", List.of(Map.of("Ref", "AdDecisionServerUrl"), "")))),
                                Map.of("Condition", "IsPackagerV1"))),
                template.section("Conditions").get("InsertAds"));
        assertEquals("InsertAds", template.resource("AdInsertion").get("Condition"));
    }
}
