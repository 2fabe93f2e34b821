package com.amazonaws.livestreaming.cfn;

/**
 * One kind of custom resource ({@code Custom::<Kind>}). A manager turns a request into an {@link Outcome} and
 * nothing else: it never sends the answer and never sees the raw event. It may throw {@link ResourceFailure}
 * or {@link InvalidPropertyException} with a reason written for the user, or let an AWS SDK exception through;
 * the handler turns either into one FAILED answer with the right physical id.
 *
 * <p>Delete of something already gone must return SUCCESS. Delete of a {@link PhysicalIds#nothingCreated marker}
 * never reaches a manager.
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

    /**
     * Whether {@code physicalId} could be an id this kind makes. Delete of an id it does not recognise (a stack
     * from an older template, an id typed by hand) is acknowledged without calling AWS, where a malformed id would
     * otherwise fail with a validation error and block the stack's deletion.
     */
    default boolean recognises(String physicalId) {
        return true;
    }
}
