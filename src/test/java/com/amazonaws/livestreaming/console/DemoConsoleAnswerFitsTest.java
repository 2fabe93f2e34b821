package com.amazonaws.livestreaming.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.amazonaws.livestreaming.cfn.PropertyRules;
import com.amazonaws.livestreaming.testing.Events;
import com.amazonaws.livestreaming.testing.HandlerHarness;
import com.amazonaws.livestreaming.testing.LongestIds;
import com.amazonaws.livestreaming.testing.S3Xml;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The console's answer fits CloudFormation's 4096 bytes with the longest ids and property values it accepts. */
class DemoConsoleAnswerFitsTest {
    @AutoClose
    private final HandlerHarness harness = new HandlerHarness();

    @Test
    void aConsoleWithTheLongestValuesFits() {
        String source = "s".repeat(63);
        String destination = "d".repeat(63);
        String prefix = "p".repeat(ConsoleRules.MAX_PREFIX - 1) + "/";
        harness.aws()
                .server()
                .stubFor(get(urlPathEqualTo("/" + source))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/xml")
                                .withBody(S3Xml.listPage(source, prefix, List.of(prefix + "index.html"), null))));
        harness.aws()
                .server()
                .stubFor(put(urlPathMatching("/" + destination + "/.+"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/xml")
                                .withBody(S3Xml.copyResult())));
        String url = "https://d111111abcdef8.cloudfront.net/out/v1/";
        int longest = PropertyRules.DEFAULT_MAX_LENGTH;

        harness.run(LongestIds.in(Events.create(
                harness.responseUrl(),
                "DemoConsole",
                Map.of(
                        "SourceBucket",
                        source,
                        "SourcePrefix",
                        prefix,
                        "DestinationBucket",
                        destination,
                        "HlsUrl",
                        url + "h".repeat(longest - url.length()),
                        "DashUrl",
                        url + "d".repeat(longest - url.length()),
                        "MssUrl",
                        url + "m".repeat(longest - url.length()),
                        "CmafUrl",
                        url + "c".repeat(longest - url.length()),
                        "EndPoint1",
                        "e".repeat(longest),
                        "EndPoint2",
                        "e".repeat(longest),
                        "InputType",
                        "RTMP_PUSH"))));

        LongestIds.assertAnswerFits(harness, Set.of("ConfigKey", "ObjectCount"));
    }
}
