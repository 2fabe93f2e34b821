package com.amazonaws.livestreaming.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A real HTTP server on 127.0.0.1 standing in for the presigned S3 ResponseURL, recording every PUT it gets.
 */
public final class ResponseEndpoint implements AutoCloseable {
    public static final String PATH = "/cloudformation-responses/stack/response";
    public static final String SIGNATURE = "c0ffee5ecret5ignature0123456789abcdef";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final WireMockServer server;

    public ResponseEndpoint() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        acceptAll();
    }

    /** From now on every PUT is accepted (200), whatever a test stubbed before; the journal stays. */
    public void acceptAll() {
        server.resetMappings();
        server.resetScenarios();
        server.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
    }

    public WireMockServer server() {
        return server;
    }

    /** A presigned-looking URL on this server, with the signature in the query like S3's. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + PATH
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200&X-Amz-Signature=" + SIGNATURE;
    }

    public List<LoggedRequest> puts() {
        return server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("PUT"))
                .toList();
    }

    /** The single answer received; fails if there was not exactly one. */
    public JsonNode onlyAnswer() {
        List<LoggedRequest> puts = puts();
        if (puts.size() != 1) {
            throw new AssertionError("expected exactly one response PUT, got " + puts.size());
        }
        try {
            return MAPPER.readTree(puts.get(0).getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
