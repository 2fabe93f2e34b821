package com.amazonaws.livestreaming.cfn;

/**
 * A manager's way to fail with a reason written for the user, optionally carrying the physical id of something
 * it already made, so that the rollback Delete after a FAILED Create can find and remove it.
 */
public class ResourceFailure extends RuntimeException {
    private final String physicalResourceId;

    public ResourceFailure(String reason) {
        this(reason, null, null);
    }

    public ResourceFailure(String reason, String physicalResourceId) {
        this(reason, physicalResourceId, null);
    }

    public ResourceFailure(String reason, String physicalResourceId, Throwable cause) {
        super(reason, cause);
        this.physicalResourceId = physicalResourceId;
    }

    /** The id of what was made before the failure, or null when nothing was. */
    public String physicalResourceId() {
        return physicalResourceId;
    }
}
