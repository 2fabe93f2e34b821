package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a Delete may remove besides the resource its PhysicalResourceId names, when that id names nothing: the
 * {@link PhysicalIds#nothingCreated marker} of a Create whose answer went out before a call in flight succeeded, or
 * an id CloudFormation made up itself because our answer never reached it. Either way the resource CloudFormation
 * cannot name is found by the {@link Ownership} tags: this stack and this logical resource, and, for the marker,
 * the very Create request it names. Without a marker (a made-up id) the request is unknown, so each kind also
 * checks that a candidate has the identity (class, type, id) the Delete's own properties describe: a resource that
 * replaced the one being deleted always differs in exactly those, and must stay.
 *
 * @param createRequestId the RequestId from the marker; empty when the id was not ours
 */
public record Leftovers(String stackId, String logicalId, Optional<String> createRequestId) {

    public static Leftovers of(Request delete) {
        return new Leftovers(
                delete.stackId(),
                delete.logicalResourceId(),
                PhysicalIds.createRequestIdOf(delete.physicalResourceId()));
    }

    /** Whatever any request of this stack's logical resource made, whichever Create or Update it was. */
    public static Leftovers ofResource(Request request) {
        return new Leftovers(request.stackId(), request.logicalResourceId(), Optional.empty());
    }

    /**
     * How long after its answer a Create's call may still make something: the call itself ends with the invocation's
     * budget, but the service may finish what it accepted a little later.
     */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(60);

    /**
     * Before a Delete of a {@link PhysicalIds#nothingCreated marker} looks for what that Create made, waits until
     * {@link #IN_FLIGHT_GRACE} after the Create's answer, at most half of the time left: a Delete racing a slow
     * Create would otherwise look too early and miss what the Create's last call makes.
     */
    public static void awaitInFlightCreation(Request delete, Invocation invocation) {
        Optional<Instant> answered = PhysicalIds.answeredAtOf(delete.physicalResourceId());
        if (answered.isEmpty()) {
            return;
        }
        Duration wait = Duration.between(Instant.now(), answered.get().plus(IN_FLIGHT_GRACE));
        Duration cap = invocation.budget().remaining().dividedBy(2);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        invocation.step("waiting for what the calls of the failed Create may still make");
        invocation.sleep(wait.compareTo(cap) < 0 ? wait : cap);
    }

    /** True when the id names the marker of a Create, so that the request is known exactly. */
    public boolean exact() {
        return createRequestId.isPresent();
    }

    /** True when {@code tags} say this stack's logical resource (and the marker's request, if any) made it. */
    public boolean ownedBy(Map<String, String> tags) {
        return tags != null
                && stackId.equals(tags.get(Ownership.STACK_ID))
                && logicalId.equals(tags.get(Ownership.LOGICAL_ID))
                && createRequestId
                        .map(id -> id.equals(tags.get(Ownership.REQUEST_ID)))
                        .orElse(true);
    }
}
