package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.cfn.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs cases on a few lanes side by side. Most of a case's real time is spent waiting (for a slow answer to be given
 * up on, for a server thread), so lanes overlap well even on two cores. A case that does not end within
 * {@link #HANG} of its start is reported as a hang, and its lane is not reused.
 */
final class LanePool implements AutoCloseable {
    /** Longer than any case takes on a loaded machine; a case still running then hangs. */
    static final Duration HANG = Duration.ofSeconds(90);

    /** A case submitted to the pool. */
    static final class Job<T> {
        private final Future<T> future;
        private final AtomicLong started;

        private Job(Future<T> future, AtomicLong started) {
            this.future = future;
            this.started = started;
        }

        /** Its result, once it has ended; an AssertionError if it hangs, or whatever it threw. */
        T result() {
            while (true) {
                try {
                    return future.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    long start = started.get();
                    if (start != 0 && System.nanoTime() - start > HANG.toNanos()) {
                        future.cancel(true);
                        throw new AssertionError("the case did not end within " + HANG.toSeconds() + " s: a hang");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new AssertionError(e.getCause());
                }
            }
        }
    }

    private final List<Lane> lanes = new ArrayList<>();
    private final BlockingQueue<Lane> idle;
    private final ExecutorService executor;

    LanePool(int size) {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Lane lane = new Lane();
            lane.aws().warmUp();
            lanes.add(lane);
            idle.add(lane);
        }
        executor = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, "fault-suite-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The kinds the lanes serve, as the Lambda registers them. */
    Registry registry() {
        return lanes.get(0).registry();
    }

    <T> Job<T> submit(Function<Lane, T> work) {
        AtomicLong started = new AtomicLong();
        Future<T> future = executor.submit(() -> {
            Lane lane = idle.take();
            started.set(System.nanoTime());
            try {
                return work.apply(lane);
            } finally {
                idle.put(lane);
            }
        });
        return new Job<>(future, started);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        lanes.forEach(Lane::close);
    }
}
