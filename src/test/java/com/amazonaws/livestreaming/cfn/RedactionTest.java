package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What may be printed: never the query of a presigned URL, never a secret-named value. */
class RedactionTest {
    @Test
    void urlKeepsSchemeHostAndPathOnly() {
        assertEquals(
                "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws/stack/x",
                Redaction.url("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/"
                        + "arn%3Aaws/stack/x?X-Amz-Signature=abc&X-Amz-Credential=AKID"));
    }

    @Test
    void secretNamedValuesAreMaskedAtAnyDepth() {
        Map<String, Object> masked = Redaction.properties(Map.of(
                "SecPass",
                "p1",
                "Sources",
                List.of(Map.of("Password", "p2", "Url", "u")),
                "Nested",
                Map.of("ApiToken", "t")));
        assertEquals("****", masked.get("SecPass"));
        assertEquals(List.of(Map.of("Password", "****", "Url", "u")), masked.get("Sources"));
        assertEquals(Map.of("ApiToken", "****"), masked.get("Nested"));
    }

    @Test
    void urlUserInfoAndQueryAreMaskedInAnyValue() {
        Map<String, Object> masked = Redaction.properties(Map.of(
                "PriUrl", "https://user:p4ss@origin.example.com/live/index.m3u8?token=t0k#frag",
                "reason", "could not read rtmp://u:p@203.0.113.5:1935/live/x and http://h.example.com/a?sig=s",
                "Plain", "https://origin.example.com/live/index.m3u8"));
        assertEquals("https://****@origin.example.com/live/index.m3u8?****#frag", masked.get("PriUrl"));
        assertEquals(
                "could not read rtmp://****@203.0.113.5:1935/live/x and http://h.example.com/a?****",
                masked.get("reason"));
        assertEquals("https://origin.example.com/live/index.m3u8", masked.get("Plain"));
    }

    @Test
    void aPasswordHoldingHashQuestionMarkOrAtIsMaskedWhole() {
        assertEquals(
                "https://****@origin.example.com/live",
                Redaction.urlCredentials("https://bob:hun#t?er@2@origin.example.com/live"));
        assertEquals(
                "see https://origin.example.com/a@b.m3u8",
                Redaction.urlCredentials("see https://origin.example.com/a@b.m3u8"));
    }

    @Test
    void oneLineFoldsControlCharacters() {
        assertEquals("a b c", Redaction.oneLine("a\r\n\tb\u2028c"));
    }

    @Test
    void serviceTokenIsShownBecauseItIsTheFunctionArn() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:demo-CustomResource:live";
        Map<String, Object> shown = Redaction.properties(Map.of("ServiceToken", arn, "SessionToken", "t"));
        assertEquals(arn, shown.get("ServiceToken"));
        assertEquals("****", shown.get("SessionToken"));
    }
}
