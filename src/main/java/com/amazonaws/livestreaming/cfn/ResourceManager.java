package com.amazonaws.livestreaming.cfn;

/**
 * One kind of custom resource ({@code Custom::<Kind>}). A manager turns a request into an {@link Outcome} and
 * nothing else: it never sends the answer and never sees the raw event. It may throw {@link ResourceFailure}
 * or {@link InvalidPropertyException} with a reason written for the user, or let an AWS SDK exception through;
 * the handler turns either into one FAILED answer with the right physical id.
 *
 * <p>Delete of something already gone must return SUCCESS; whether it is gone is AWS's answer (NotFound), never a
 * guess from the id's form. When the id names nothing (CloudFormation made it up because our answer was lost, or it
 * is the {@link PhysicalIds#nothingCreated marker} of a failed Create), Delete removes what this stack's logical
 * resource left behind, found by its {@link Leftovers ownership tags}; only for the marker may it skip asking AWS
 * about the id itself.
 */
public interface ResourceManager {
    /** The properties this kind reads and the Data attributes it can return; the template test checks both. */
    ResourceSpec spec();

    /**
     * What this kind's properties may hold, checked on every Create and Update before the manager runs (see
     * {@link PropertyCheck}); without rules of its own a kind still gets the checks every property gets.
     */
    default PropertyRules propertyRules() {
        return PropertyRules.NONE;
    }

    Outcome create(Request request, Invocation invocation);

    Outcome update(Request request, Invocation invocation);

    Outcome delete(Request request, Invocation invocation);
}
