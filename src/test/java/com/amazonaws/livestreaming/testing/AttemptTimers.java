package com.amazonaws.livestreaming.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The timers the SDK ends slow attempts with, which a stand-in can fire early: when it decides that an attempt's
 * answer is to come later than the client's attempt timeout, it ends the attempt the calling thread waits on at once,
 * exactly as the timer would have, and the SDK gives up on it and retries. A slow answer then costs a test no real
 * time and cannot race a loaded machine: the attempt that is answered keeps the whole, generous attempt timeout.
 * Each attempt's timer is known by the thread that started it, which every request names in {@link #CALLER}.
 */
public final class AttemptTimers extends ScheduledThreadPoolExecutor {
    /** The request header that carries the id of the thread making the call. */
    public static final String CALLER = "x-stand-in-caller";

    private final long attemptMillis;
    private final Map<Long, Timer> running = new ConcurrentHashMap<>();

    /** An attempt's timer: {@code once} runs its task at most once, early by {@link #expire} or when it is due. */
    private record Timer(Runnable once, ScheduledFuture<?> due) {}

    /** @param attemptTimeout the clients' attempt timeout: the timers of that length are the attempts' */
    public AttemptTimers(Duration attemptTimeout) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "stand-in-attempt-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.attemptMillis = attemptTimeout.toMillis();
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (unit.toMillis(delay) != attemptMillis) {
            return super.schedule(task, delay, unit);
        }
        long caller = Thread.currentThread().getId();
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                task.run();
            }
        };
        ScheduledFuture<?> due = super.schedule(once, delay, unit);
        running.values().removeIf(timer -> timer.due().isDone());
        running.put(caller, new Timer(once, due));
        return due;
    }

    /**
     * Ends the attempt thread {@code caller} waits on now, as its timer would; false when it has none running (the
     * SDK cancels an attempt's timer itself once the attempt is answered, and a cancelled timer does nothing).
     */
    public boolean expire(long caller) {
        Timer timer = running.remove(caller);
        if (timer == null || timer.due().isDone()) {
            return false;
        }
        timer.once().run();
        timer.due().cancel(false);
        return true;
    }
}
