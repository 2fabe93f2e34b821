package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Leftovers;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.PhysicalIds;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The Delete of a MediaPackage resource, whose id this project chooses from the properties. It deletes what the
 * Delete's id names; when that id names nothing (CloudFormation made it up because our answer was lost, or it is
 * the marker of a failed Create), the id the Delete's own properties give is the one a Create of this resource
 * would have made, and that resource is deleted if this stack resource's tags ({@link Leftovers}) say it made it.
 *
 * @param what            e.g. {@code MediaPackage channel}, for steps and log lines
 * @param delete          deletes an id; false when MediaPackage says it names nothing
 * @param idInProperties  the id the properties give; throws InvalidPropertyException when they give none
 * @param tagsOf          the tags of the resource with that id, if it exists and is the one the properties mean
 */
record NamedDelete(
        String what,
        Predicate<String> delete,
        Supplier<String> idInProperties,
        Function<String, Optional<Map<String, String>>> tagsOf) {

    Outcome run(Request request, Invocation invocation) {
        String id = request.physicalResourceId();
        if (!PhysicalIds.isNothingCreated(id) && delete.test(id)) {
            return Outcome.success(id);
        }
        leftover(request, invocation).ifPresent(left -> {
            invocation
                    .log()
                    .warn(
                            "deleting a " + what + " this stack resource made that CloudFormation does not know"
                                    + " of",
                            Map.of("id", left));
            delete.test(left);
        });
        return Outcome.success(id);
    }

    private Optional<String> leftover(Request request, Invocation invocation) {
        String candidate;
        try {
            candidate = idInProperties.get();
        } catch (InvalidPropertyException unusable) {
            return Optional.empty();
        }
        if (candidate.equals(request.physicalResourceId())) {
            return Optional.empty();
        }
        Leftovers leftovers = Leftovers.of(request);
        invocation.step("looking for " + what + " " + candidate + ", which " + request.logicalResourceId()
                + " may have made without CloudFormation knowing");
        return tagsOf.apply(candidate).filter(leftovers::ownedBy).map(tags -> candidate);
    }
}
