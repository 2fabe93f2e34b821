package com.amazonaws.livestreaming.cfn;

/**
 * Thrown to a worker that is still running after its invocation was answered (the watchdog gave up on it): it must
 * not go on changing AWS behind an answer CloudFormation already has. Nobody reads its message but the log.
 */
public final class InvocationEndedException extends ResourceFailure {
    public InvocationEndedException(String what) {
        super("the invocation had already been answered; stopped before " + what);
    }
}
