package com.amazonaws.livestreaming.cfn;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How old an event is, and whether CloudFormation still waits for its answer. Lambda retries an asynchronous
 * invocation for up to hours, so a Create or Update may arrive long after CloudFormation gave up on it; acting on
 * it then would make or change something nobody will ever learn of. The age is read from the presigned
 * ResponseURL's {@code X-Amz-Date} (when CloudFormation signed it, that is, sent the event); the wait is the
 * resource's {@code ServiceTimeout}, else CloudFormation's default of one hour.
 */
final class EventAge {
    /** How long CloudFormation waits for a custom resource that sets no ServiceTimeout. */
    public static final Duration DEFAULT_WAIT = Duration.ofHours(1);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EventAge() {}

    /** When the ResponseURL was signed; empty when it carries no readable {@code X-Amz-Date}. */
    static Optional<Instant> signedAt(String responseUrl) {
        try {
            String query = URI.create(responseUrl).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                if (pair.regionMatches(true, 0, "X-Amz-Date=", 0, "X-Amz-Date=".length())) {
                    return Optional.of(Instant.from(AMZ_DATE.parse(pair.substring("X-Amz-Date=".length()))));
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // an unreadable URL or date says nothing about the age
        }
        return Optional.empty();
    }

    /** How long CloudFormation waits for this resource: its ServiceTimeout (seconds) if valid, else one hour. */
    static Duration wait(Properties properties) {
        try {
            return properties
                    .optional("ServiceTimeout")
                    .map(String::trim)
                    .map(Long::parseLong)
                    .filter(seconds -> seconds > 0)
                    .map(Duration::ofSeconds)
                    .orElse(DEFAULT_WAIT);
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }

    /**
     * Refuses a Create or Update that CloudFormation has stopped waiting for, before anything touches AWS. A Delete
     * is always carried out (see {@code docs/architecture.md}): what it removes belongs to the stack either way.
     *
     * @throws ResourceFailure "event is N minutes old; CloudFormation has stopped waiting ..."
     */
    public static void checkFresh(Request request, Instant now) {
        if (request.requestType() == RequestType.DELETE) {
            return;
        }
        Optional<Instant> signed = signedAt(request.responseUrl());
        if (signed.isEmpty()) {
            return;
        }
        Duration age = Duration.between(signed.get(), now);
        Duration wait = wait(request.properties());
        if (age.compareTo(wait) > 0) {
            throw new ResourceFailure("event is " + age.toMinutes() + " minutes old; CloudFormation has stopped"
                    + " waiting (it waits " + wait.toSeconds() + " s, the resource's ServiceTimeout or 1 hour);"
                    + " nothing was done");
        }
    }
}
