package com.amazonaws.livestreaming.snapstart;

import com.amazonaws.livestreaming.aws.Loopback;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for AWS and for the CloudFormation ResponseURL on 127.0.0.1, in this process: AWS calls routed to it
 * (see {@link Loopback}) get {@link CannedAnswers}; any other request (the answer's PUT) gets 200. Every answer
 * says {@code Connection: close}, so no connection to it outlives priming in the HTTP clients' keep-alive caches.
 *
 * <p>Its {@link #main} serves the same answers from a process of its own, for the cold-start benchmark.
 */
public final class LoopbackAws implements AutoCloseable {
    private final HttpServer server;
    private final CannedAnswers answers;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger responsePuts = new AtomicInteger();

    private LoopbackAws(HttpServer server, CannedAnswers answers) {
        this.server = server;
        this.answers = answers;
    }

    /** Starts serving {@code answers} on a free port of 127.0.0.1. */
    static LoopbackAws start(CannedAnswers answers) {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
            LoopbackAws loopback = new LoopbackAws(server, answers);
            server.createContext("/", loopback::serve);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A ResponseURL on this endpoint, shaped like CloudFormation's presigned S3 URL. */
    String responseUrl(String name) {
        return uri() + "/cloudformation-response/" + name.replaceAll("[^A-Za-z0-9-]", "-")
                + "?X-Amz-Expires=7200&X-Amz-Signature=priming";
    }

    /** Every AWS call received, as {@code Service:Operation}, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many CloudFormation answers were PUT here. */
    int responsePuts() {
        return responsePuts.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String operation = exchange.getRequestHeaders().getFirst(Loopback.OPERATION_HEADER);
            exchange.getResponseHeaders().set("Connection", "close");
            if (operation == null) {
                responsePuts.incrementAndGet();
                answers.restart();
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            calls.add(operation);
            CannedAnswers.Answer answer = answers.next(operation, String.valueOf(exchange.getRequestURI()), body);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", "loopback");
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Serves the packaged answers until killed, writing its port to the file given, for the cold-start benchmark:
     * {@code java -cp live-streaming-on-aws.jar com.amazonaws.livestreaming.snapstart.LoopbackAws PORT_FILE}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LoopbackAws PORT_FILE");
            System.exit(2);
        }
        LoopbackAws loopback = start(CannedAnswers.packaged());
        Files.writeString(Path.of(args[0]), String.valueOf(loopback.uri().getPort()), StandardCharsets.UTF_8);
    }
}
