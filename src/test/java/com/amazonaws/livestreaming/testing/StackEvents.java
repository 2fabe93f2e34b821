package com.amazonaws.livestreaming.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cfn.Ticker;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * CloudFormation's side of a stack, for tests: plain custom-resource events run through the real {@link Handler}
 * with every kind of {@link Managers#standard}, against an {@link AwsStandIn}, and answered to a real local
 * ResponseURL ({@link ResponseEndpoint}). The handler's waits run on the stand-in's simulated clock unless another
 * ticker is given, and each invocation gets the Lambda's 900 s.
 */
public final class StackEvents implements AutoCloseable {
    public static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(900);

    private final ResponseEndpoint endpoint = new ResponseEndpoint();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AwsStandIn aws;
    private final boolean ownsAws;
    private final Handler handler;

    /** A stack of its own against a fresh {@link AwsStandIn}, which {@link #close} closes too. */
    public StackEvents() {
        this(new AwsStandIn(), true, null, Handler.DEFAULT_SAFETY_MARGIN);
    }

    public StackEvents(AwsStandIn aws) {
        this(aws, false, aws.clock(), Handler.DEFAULT_SAFETY_MARGIN);
    }

    /** @param ticker the clock the handler's waits and watchdog run on */
    public StackEvents(AwsStandIn aws, Ticker ticker, Duration safetyMargin) {
        this(aws, false, ticker, safetyMargin);
    }

    private StackEvents(AwsStandIn aws, boolean ownsAws, Ticker ticker, Duration safetyMargin) {
        this.aws = aws;
        this.ownsAws = ownsAws;
        var registry = Managers.standard(aws.clients());
        this.handler = new Handler(
                () -> registry,
                new ResponseSender(3, d -> {}),
                new JsonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)),
                safetyMargin,
                ticker == null ? aws.clock() : ticker);
    }

    /** The AWS the stack's resources live in. */
    public AwsStandIn aws() {
        return aws;
    }

    public String responseUrl() {
        return endpoint.url();
    }

    /** From now on the ResponseURL refuses every answer (403), as an expired presigned URL does: answers are lost. */
    public void loseAnswers() {
        endpoint.server()
                .stubFor(put(urlPathEqualTo(ResponseEndpoint.PATH))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(403).withBody("<Error><Code>AccessDenied</Code></Error>")));
    }

    public JsonNode create(String kind, String logicalId, Map<String, ?> properties) {
        return send(Events.event("Create", endpoint.url(), kind, logicalId, null, properties, null));
    }

    public JsonNode update(
            String kind, String logicalId, String physicalId, Map<String, ?> properties, Map<String, ?> old) {
        return send(Events.event("Update", endpoint.url(), kind, logicalId, physicalId, properties, old));
    }

    public JsonNode delete(String kind, String logicalId, String physicalId, Map<String, ?> properties) {
        return send(Events.event("Delete", endpoint.url(), kind, logicalId, physicalId, properties, null));
    }

    /** Runs one event with the Lambda's whole timeout; returns the one answer the ResponseURL received. */
    public JsonNode send(byte[] event) {
        return send(event, LAMBDA_TIMEOUT);
    }

    public JsonNode send(byte[] event, Duration remaining) {
        endpoint.server().resetRequests();
        handler.handle(event, new LocalContext(remaining));
        return endpoint.onlyAnswer();
    }

    /** Everything the handler logged so far, one JSON object a line. */
    public String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        endpoint.close();
        if (ownsAws) {
            aws.close();
        }
    }
}
