package com.amazonaws.livestreaming.cfn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * PUTs the answer to the presigned ResponseURL, exactly once per call, the way S3 accepts it: an empty
 * Content-Type (the URL is signed without one), a byte-exact Content-Length, and retries with exponential backoff
 * and jitter on connection errors and 5xx, never past the time the Lambda has left (every try ends before it). A
 * 4xx will not get better by retrying (an expired or tampered URL), so it is logged and given up.
 *
 * <p>{@link HttpURLConnection} rather than an HTTP client library: one request per invocation does not pay for a
 * client's start-up on a cold start.
 */
public class ResponseSender {
    /** Sleeps between tries; replaced in tests to keep them fast. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration BASE_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(8);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 15_000;
    /** Kept back from every try, so that it ends (and is logged) before the Lambda's time does. */
    private static final Duration FINISH_RESERVE = Duration.ofMillis(200);
    /** A try that would get less time than this is not started. */
    private static final Duration SHORTEST_TRY = Duration.ofMillis(50);

    private final int maxAttempts;
    private final Sleeper sleeper;

    public ResponseSender() {
        this(6, d -> Thread.sleep(d.toMillis()));
    }

    public ResponseSender(int maxAttempts, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    /**
     * Sends {@code body} to {@code responseUrl}.
     *
     * @param timeLeft how long the Lambda has left; no try starts, and no backoff sleeps, past it
     * @return true when S3 accepted the answer
     */
    public boolean send(String responseUrl, byte[] body, Supplier<Duration> timeLeft, JsonLog log) {
        String safeUrl = Redaction.url(responseUrl);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration forThisTry = timeLeft.get().minus(FINISH_RESERVE);
            if (forThisTry.compareTo(SHORTEST_TRY) < 0) {
                log.error("no time left to send the response", Map.of("attempt", attempt, "target", safeUrl));
                return false;
            }
            int status;
            try {
                status = put(responseUrl, body, forThisTry);
            } catch (IOException | RuntimeException e) {
                status = -1;
                log.warn("response PUT failed", Map.of("attempt", attempt, "target", safeUrl,
                        "error", Redaction.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()
                                .replace(responseUrl, safeUrl))));
            }
            if (status >= 200 && status < 300) {
                log.info("response sent", Map.of("attempt", attempt, "status", status, "bytes", body.length,
                        "target", safeUrl));
                return true;
            }
            if (status >= 400 && status < 500) {
                log.error("response rejected; not retrying", Map.of("attempt", attempt, "status", status,
                        "target", safeUrl));
                return false;
            }
            if (status > 0) {
                log.warn("response PUT answered with a server error", Map.of("attempt", attempt, "status", status));
            }
            if (attempt == maxAttempts) {
                break;
            }
            Duration delay = backoff(attempt);
            if (timeLeft.get().compareTo(delay.plusSeconds(1)) <= 0) {
                log.error("no time left to retry the response", Map.of("attempt", attempt));
                return false;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.error("response not delivered", Map.of("attempts", maxAttempts, "target", safeUrl));
        return false;
    }

    /** Exponential backoff with equal jitter: half the step fixed, half random. */
    static Duration backoff(int attempt) {
        long step = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt - 1, 10));
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * One try, which ends within {@code limit}: connecting may take at most a third of it (and 5 s), waiting for the
     * answer the rest (at most 15 s).
     */
    private static int put(String responseUrl, byte[] body, Duration limit) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(responseUrl).openConnection();
        int total = (int) Math.min(CONNECT_TIMEOUT_MS + READ_TIMEOUT_MS, limit.toMillis());
        int connect = Math.max(1, Math.min(CONNECT_TIMEOUT_MS, total / 3));
        try {
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(connect);
            connection.setReadTimeout(Math.max(1, Math.min(READ_TIMEOUT_MS, total - connect)));
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            drain(connection, status);
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private static void drain(HttpURLConnection connection, int status) {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        } catch (IOException ignored) {
            // the status is what counts
        }
    }
}
