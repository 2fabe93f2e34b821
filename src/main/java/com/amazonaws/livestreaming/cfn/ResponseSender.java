package com.amazonaws.livestreaming.cfn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * PUTs the answer to the presigned ResponseURL, exactly once per call, the way S3 accepts it: an empty
 * Content-Type (the URL is signed without one), a byte-exact Content-Length, and retries with exponential backoff
 * and jitter on connection errors and 5xx, never past the time the Lambda has left. A 4xx will not get better by
 * retrying (an expired or tampered URL), so it is logged and given up.
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
    /**
     * Kept back from every attempt, so an attempt that runs to its timeouts still ends before the Lambda does: 1 s,
     * or a quarter of the time left when less than 4 s are left (a short local timeout).
     */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);
    /** Less than this is no time to connect, write and read an answer: no retry is started. */
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(100);
    /** The least time a first attempt gets, however little is left (only a short local timeout leaves less). */
    private static final Duration FIRST_ATTEMPT_FLOOR = Duration.ofSeconds(2);

    private final int maxAttempts;
    private final Sleeper sleeper;

    public ResponseSender() {
        this(6, d -> Thread.sleep(d.toMillis()));
    }

    public ResponseSender(int maxAttempts, Sleeper sleeper) {
        this.maxAttempts = Arguments.atLeast(1, maxAttempts, "maxAttempts");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
            // the first attempt is always made, with at least 2 s (without an answer CloudFormation waits out its
            // timeout; a Lambda that dies during the PUT loses nothing more); a retry only when it can finish
            Duration attemptTime = timeLeft.get().minus(margin(timeLeft.get()));
            if (attempt == 1 && attemptTime.compareTo(FIRST_ATTEMPT_FLOOR) < 0) {
                attemptTime = FIRST_ATTEMPT_FLOOR;
            }
            int status;
            try {
                status = put(responseUrl, body, attemptTime);
            } catch (IOException | RuntimeException e) {
                status = -1;
                log.warn(
                        "response PUT failed",
                        Map.of(
                                "attempt",
                                attempt,
                                "target",
                                safeUrl,
                                "error",
                                Redaction.oneLine(e.getClass().getSimpleName() + ": "
                                        + e.getMessage().replace(responseUrl, safeUrl))));
            }
            if (status >= 200 && status < 300) {
                log.info(
                        "response sent",
                        Map.of("attempt", attempt, "status", status, "bytes", body.length, "target", safeUrl));
                return true;
            }
            if (status >= 400 && status < 500) {
                log.error(
                        "response rejected; not retrying",
                        Map.of("attempt", attempt, "status", status, "target", safeUrl));
                return false;
            }
            if (status > 0) {
                log.warn("response PUT answered with a server error", Map.of("attempt", attempt, "status", status));
            }
            if (attempt == maxAttempts) {
                break;
            }
            Duration delay = backoff(attempt);
            Duration left = timeLeft.get();
            if (left.compareTo(delay.plus(margin(left)).plus(MIN_ATTEMPT)) <= 0) {
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

    private static Duration margin(Duration timeLeft) {
        Duration quarter = timeLeft.dividedBy(4);
        return quarter.compareTo(ANSWER_MARGIN) < 0 ? quarter : ANSWER_MARGIN;
    }

    /** Exponential backoff with equal jitter: half the step fixed, half random. */
    static Duration backoff(int attempt) {
        long step = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt - 1, 10));
        long half = step / 2;
        return Duration.ofMillis(half + Jitter.below(half + 1));
    }

    /**
     * One PUT that ends within {@code attemptTime}: the connect and read timeouts together never exceed it (and are
     * never 0, which HttpURLConnection takes as "wait forever").
     */
    private static int put(String responseUrl, byte[] body, Duration attemptTime) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(responseUrl).openConnection();
        long limit = attemptTime.toMillis();
        int connect = (int) Math.max(1, Math.min(CONNECT_TIMEOUT_MS, limit / 2));
        int read = (int) Math.max(1, Math.min(READ_TIMEOUT_MS, limit - connect));
        try {
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(connect);
            connection.setReadTimeout(read);
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
