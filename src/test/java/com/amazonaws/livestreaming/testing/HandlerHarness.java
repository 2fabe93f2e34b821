package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cli.LocalContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * The Lambda handler as CloudFormation drives it: event bytes in, one PUT to a real local ResponseURL out, with the
 * managers' AWS clients pointed at a WireMock stand-in. One instance can serve many events; each run starts with
 * empty request journals.
 */
public final class HandlerHarness implements AutoCloseable {
    private final WireMockAws aws = new WireMockAws(1);
    private final ResponseEndpoint endpoint = new ResponseEndpoint();
    private final Registry registry;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Handler handler;

    /** The kinds as the Lambda registers them. */
    public HandlerHarness() {
        this(Managers::standard);
    }

    /** @param registry the kinds to serve, built on the stand-in's clients (e.g. with short poll intervals) */
    public HandlerHarness(Function<AwsClients, Registry> registry) {
        this.registry = registry.apply(aws.clients());
        this.handler = new Handler(
                () -> this.registry,
                new ResponseSender(2, d -> {}),
                new JsonLog(new PrintStream(log, true, StandardCharsets.UTF_8)),
                Duration.ofSeconds(5));
    }

    public Registry registry() {
        return registry;
    }

    public WireMockAws aws() {
        return aws;
    }

    /** The ResponseURL to put in events. */
    public String responseUrl() {
        return endpoint.url();
    }

    /** Runs the handler on {@code event} and returns the one answer it sent. */
    public JsonNode run(byte[] event) {
        aws.server().resetRequests();
        endpoint.server().resetRequests();
        log.reset();
        handler.handle(event, new LocalContext(Duration.ofMinutes(1)));
        return endpoint.onlyAnswer();
    }

    /** The bytes of the one answer the last run sent, exactly as they went over the wire. */
    public byte[] answerBytes() {
        return endpoint.puts().get(0).getBody();
    }

    /** What the last run logged, for a failure message. */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        aws.close();
        endpoint.close();
    }
}
