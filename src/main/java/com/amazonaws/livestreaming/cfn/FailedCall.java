package com.amazonaws.livestreaming.cfn;

import java.util.Optional;

/**
 * Which AWS call an SDK exception came from, e.g. {@code MediaLive DescribeChannel}. The SDK's exceptions name the
 * service but not the operation, and a reason such as "MediaLive refused: InternalServerErrorException" leaves a
 * user guessing which of a dozen calls failed; the clients attach this marker to every exception they throw (as a
 * suppressed exception, so the exception keeps its type and every {@code catch} still works), and
 * {@link FailureReason} names the call.
 */
public final class FailedCall extends RuntimeException {
    private FailedCall(String call) {
        super(call, null, false, false);
    }

    /** Marks {@code failure} as thrown by {@code call} (once; the first mark wins) and returns it. */
    public static <T extends Throwable> T attach(T failure, String call) {
        if (of(failure).isEmpty()) {
            failure.addSuppressed(new FailedCall(call));
        }
        return failure;
    }

    /** The call {@code failure} came from, when a client marked it. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof FailedCall marker) {
                return Optional.of(marker.getMessage());
            }
        }
        return Optional.empty();
    }
}
