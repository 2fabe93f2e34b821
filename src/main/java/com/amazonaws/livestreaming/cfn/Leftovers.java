package com.amazonaws.livestreaming.cfn;

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
        return new Leftovers(delete.stackId(), delete.logicalResourceId(),
                PhysicalIds.createRequestIdOf(delete.physicalResourceId()));
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
                && createRequestId.map(id -> id.equals(tags.get(Ownership.REQUEST_ID))).orElse(true);
    }
}
