package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The once-only latch around {@link ResponseSender}: one instance per invocation, and whatever asks second gets
 * nothing sent. CloudFormation takes the first answer it sees, so a second, different one must never exist.
 */
public final class OnceResponder {
    private final ResponseSender sender;
    private final AtomicBoolean answered = new AtomicBoolean();

    public OnceResponder(ResponseSender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** Builds the body and sends it; returns the body sent, or null when this invocation had already answered. */
    public byte[] answer(Request request, Outcome outcome, Supplier<Duration> timeLeft, JsonLog log) {
        if (!answered.compareAndSet(false, true)) {
            log.warn(
                    "second answer suppressed",
                    Map.of("status", outcome.status().name()));
            return null;
        }
        byte[] body = ResponseBody.build(request, outcome);
        sender.send(request.responseUrl(), body, timeLeft, log);
        return body;
    }
}
