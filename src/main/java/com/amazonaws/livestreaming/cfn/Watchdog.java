package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Owns the "answer before the Lambda dies" rule. The manager runs on a worker thread; if it has not finished when
 * the time budget ends, the watchdog interrupts it and returns a FAILED outcome naming the step it was on. Only
 * the caller turns the result into the answer, so a worker that finishes later has nobody to answer to; and since
 * the invocation is {@linkplain Invocation#close closed} before that answer exists, the worker cannot make another
 * AWS call either (a call already in flight may still complete: the Delete that follows finds what it made).
 */
public final class Watchdog {
    /** How often the budget is looked at while the worker runs; the budget's clock may be a simulated one. */
    private static final Duration SLICE = Duration.ofMillis(200);

    private static volatile ExecutorService workers = newWorkers();

    private Watchdog() {}

    /** Runs {@code work} and returns its outcome, or a FAILED "timed out while ..." once the budget is spent. */
    public static Outcome run(Request request, Invocation invocation, Supplier<Outcome> work) {
        Future<Outcome> future = workers.submit(() -> invocation.runAs(work));
        try {
            while (true) {
                Duration left = invocation.budget().remaining();
                if (left.isZero()) {
                    throw new TimeoutException();
                }
                try {
                    return future.get(Math.max(1, Math.min(left.toMillis(), SLICE.toMillis())), TimeUnit.MILLISECONDS);
                } catch (TimeoutException slice) {
                    // look at the budget again: its clock decides, not this thread's wall time
                }
            }
        } catch (TimeoutException e) {
            invocation.close();
            future.cancel(true);
            String reason = "timed out while " + invocation.currentStep();
            invocation.log().error("watchdog fired", Map.of("reason", reason));
            return failed(request, invocation, reason);
        } catch (InterruptedException e) {
            invocation.close();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failed(request, invocation, "interrupted while " + invocation.currentStep());
        } catch (ExecutionException e) {
            return failed(request, invocation, FailureReason.of(e.getCause()));
        } finally {
            invocation.close();
        }
    }

    private static ExecutorService newWorkers() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "resource-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Replaces the worker pool with a new one. After a SnapStart restore the pool's idle threads are the snapshot's
     * (with whatever thread-local state priming left in them); the old pool is shut down and its threads end.
     */
    public static void renewWorkers() {
        ExecutorService old = workers;
        workers = newWorkers();
        old.shutdown();
    }

    private static Outcome failed(Request request, Invocation invocation, String reason) {
        return PhysicalIds.withAnswerId(request, Outcome.failed(null, reason), invocation.madePhysicalId());
    }
}
