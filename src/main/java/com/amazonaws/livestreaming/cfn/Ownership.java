package com.amazonaws.livestreaming.cfn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tags that say which stack, logical resource and request made an AWS resource. Lambda may run a Create twice and
 * CloudFormation reuses a RequestId when it retries a deployment, so a manager first looks for a resource carrying
 * these tags and reuses it instead of making a second (billable) one.
 */
public final class Ownership {
    public static final String STACK_ID = "LiveStreaming:StackId";
    public static final String LOGICAL_ID = "LiveStreaming:LogicalId";
    public static final String REQUEST_ID = "LiveStreaming:RequestId";
    public static final String SOLUTION = "LiveStreaming:Solution";
    /**
     * Set on something an Update made and then gave up on, before removing it: if the removal runs out of time, the
     * next Delete of the same logical resource finds it by this tag and removes it.
     */
    public static final String ABANDONED = "LiveStreaming:Abandoned";

    public static final String SOLUTION_NAME = "live-streaming-on-aws";

    private Ownership() {}

    /** The tags every resource made for {@code request} carries. */
    public static Map<String, String> tags(Request request) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SOLUTION, SOLUTION_NAME);
        tags.put(STACK_ID, request.stackId());
        tags.put(LOGICAL_ID, request.logicalResourceId());
        tags.put(REQUEST_ID, request.requestId());
        return tags;
    }

    /** True when {@code tags} were written by {@link #tags} for this very request (a repeated Create). */
    public static boolean madeBy(Map<String, String> tags, Request request) {
        return tags != null
                && request.stackId().equals(tags.get(STACK_ID))
                && request.logicalResourceId().equals(tags.get(LOGICAL_ID))
                && request.requestId().equals(tags.get(REQUEST_ID));
    }
}
