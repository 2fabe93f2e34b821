package com.amazonaws.livestreaming.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A MediaPackage DeleteOriginEndpoint that is throttled once (429 TooManyRequestsException) and then accepted: the
 * call whose SDK retry the log tests look for, in the jar and in process.
 */
final class ThrottledOnce {
    /** The endpoint the sample event deletes. */
    static final String ENDPOINT_PATH = "/origin_endpoints/demo-stack-livestream-hls";

    private ThrottledOnce() {}

    /** DELETE of {@code url} answers 429 the first time and 202 from then on. */
    static void deleteEndpoint(WireMockServer server, UrlPattern url) {
        server.stubFor(delete(url)
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Too many requests\"}")));
        server.stubFor(delete(url)
                .inScenario("throttled")
                .whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(202).withBody("{}")));
    }
}
