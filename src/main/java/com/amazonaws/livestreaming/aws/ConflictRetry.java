package com.amazonaws.livestreaming.aws;

import com.amazonaws.livestreaming.cfn.Invocation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A call AWS refuses with 409 ConflictException while its resource is in a transition that forbids it: MediaLive
 * will not delete a channel that is STOPPING, update one that is UPDATING, or update an input whose channel is
 * STARTING. Such a refusal ends when the transition does, so the call is made again, with the growing pause of
 * {@link Poller} (the project's one wait) and within the time budget, until AWS accepts it. Before each new attempt
 * {@code alreadyDone} may say that an earlier attempt has already brought the resource where the call would: the
 * SDK retried a StartChannel whose answer was slow, the first attempt started the channel, and the retry is refused
 * because the channel is STARTING. When the budget runs out first, the reason names the call and AWS's words.
 */
public final class ConflictRetry {
    private static final int CONFLICT = 409;

    private ConflictRetry() {}

    /**
     * @param subject     the call and what it is on, completing "waiting for AWS to accept ...", e.g.
     *                    {@code StopChannel of channel 1234567}
     * @param call        the call; a 409 answer is a refusal for now, any other error ends it as usual
     * @param alreadyDone asked after each refusal: the value to return when the resource is already where the
     *                    call would bring it, else empty
     */
    public static <T> T call(
            Invocation invocation,
            String subject,
            Duration interval,
            Supplier<T> call,
            Supplier<Optional<T>> alreadyDone) {
        try {
            return attempt(call, alreadyDone);
        } catch (AwsServiceException refused) {
            if (refused.statusCode() != CONFLICT) {
                throw refused;
            }
            invocation
                    .log()
                    .info(
                            "refused for now; asking again",
                            Map.of("call", subject, "refusal", AwsErrors.describe(refused)));
            String service = refused.awsErrorDetails() == null
                            || refused.awsErrorDetails().serviceName() == null
                    ? "AWS"
                    : refused.awsErrorDetails().serviceName();
            return Poller.await(
                    invocation,
                    service,
                    "accept " + subject,
                    interval,
                    () -> attempt(call, alreadyDone),
                    value -> "accepted",
                    value -> true,
                    e -> e.statusCode() == CONFLICT);
        }
    }

    /** The call's value, or what {@code alreadyDone} finds after a 409; else the 409. */
    private static <T> T attempt(Supplier<T> call, Supplier<Optional<T>> alreadyDone) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (e.statusCode() != CONFLICT) {
                throw e;
            }
            return alreadyDone.get().orElseThrow(() -> e);
        }
    }
}
