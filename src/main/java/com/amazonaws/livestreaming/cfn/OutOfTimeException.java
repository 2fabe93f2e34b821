package com.amazonaws.livestreaming.cfn;

/**
 * Thrown by {@link TimeBudget} when a wait would run past the time the Lambda has left. It carries the step so the
 * FAILED reason says what was being waited on ("timed out while waiting for channel 1234 to be IDLE").
 */
public final class OutOfTimeException extends ResourceFailure {
    public OutOfTimeException(String step, String physicalResourceId) {
        super("timed out while " + step, physicalResourceId);
    }
}
