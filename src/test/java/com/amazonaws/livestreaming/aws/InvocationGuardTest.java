package com.amazonaws.livestreaming.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.InvocationEndedException;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Watchdog;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.amazonaws.livestreaming.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A worker that outlives its invocation's answer can make no AWS call; every other caller can. */
class InvocationGuardTest {
    @AutoClose
    private final AwsStandIn aws = new AwsStandIn();

    private void listChannels() {
        aws.clients().mediaLive().listChannels(b -> {});
    }

    @Test
    void aWorkerThatIgnoresTheWatchdogCanMakeNoCallOnceItsAnswerIsSent() throws Exception {
        Invocation invocation = Requests.invocation(Duration.ofSeconds(2)).invocation();
        CountDownLatch answered = new CountDownLatch(1);
        CompletableFuture<Throwable> lateCall = new CompletableFuture<>();

        Outcome outcome = Watchdog.run(Requests.create("Thing", Map.of()), invocation, () -> {
            invocation.step("creating a thing");
            while (true) {
                try {
                    if (answered.await(10, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException ignored) {
                    // a worker that does not stop when told to
                }
            }
            try {
                listChannels();
                lateCall.complete(null);
            } catch (RuntimeException refused) {
                lateCall.complete(refused);
            }
            return Outcome.success("late");
        });
        answered.countDown();

        assertEquals("timed out while creating a thing", outcome.reason());
        Throwable refused = lateCall.get(10, TimeUnit.SECONDS);
        assertTrue(refused instanceof InvocationEndedException, String.valueOf(refused));
        assertEquals(
                "the invocation had already been answered; stopped before MediaLive ListChannels",
                refused.getMessage());
        assertEquals(List.of(), aws.served());
    }

    @Test
    void anEndedInvocationsNextStepStopsItsWorker() {
        Invocation invocation = Requests.invocation(Duration.ofSeconds(5)).invocation();
        invocation.close();

        InvocationEndedException e =
                assertThrows(InvocationEndedException.class, () -> invocation.step("starting channel 1234567"));

        assertEquals(
                "the invocation had already been answered; stopped before starting channel 1234567", e.getMessage());
    }

    @Test
    void callsForAnOpenInvocationPass() {
        Invocation invocation = Requests.invocation(Duration.ofSeconds(5)).invocation();

        invocation.runAs(() -> {
            listChannels();
            return null;
        });

        assertEquals(List.of("MediaLive:ListChannels"), aws.served());
    }

    @Test
    void callsOutsideAnyInvocationPass() {
        listChannels();

        assertEquals(List.of("MediaLive:ListChannels"), aws.served());
    }
}
