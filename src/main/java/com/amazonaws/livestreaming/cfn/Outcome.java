package com.amazonaws.livestreaming.cfn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a resource manager decided: the whole content of the one answer CloudFormation gets, minus the fields
 * that are copied from the request. Managers return it; only the {@link ResponseSender} turns it into a PUT.
 *
 * @param status             SUCCESS or FAILED
 * @param physicalResourceId the id of what this resource is now (see {@link PhysicalIds} for the rules)
 * @param data               attributes for {@code !GetAtt}; values are strings
 * @param noEcho             true when Data must be masked in the console and describe calls
 * @param reason             one line, required on FAILED
 */
public record Outcome(
        Status status, String physicalResourceId, Map<String, String> data, boolean noEcho, String reason) {

    public enum Status {
        SUCCESS,
        FAILED
    }

    public Outcome {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Outcome success(String physicalResourceId) {
        return new Outcome(Status.SUCCESS, physicalResourceId, Map.of(), false, null);
    }

    public static Outcome success(String physicalResourceId, Map<String, String> data) {
        return new Outcome(Status.SUCCESS, physicalResourceId, data, false, null);
    }

    public static Outcome failed(String physicalResourceId, String reason) {
        return new Outcome(Status.FAILED, physicalResourceId, Map.of(), false, reason);
    }

    public Outcome withNoEcho() {
        return new Outcome(status, physicalResourceId, data, true, reason);
    }

    public Outcome withReason(String newReason) {
        return new Outcome(status, physicalResourceId, data, noEcho, newReason);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
