package com.amazonaws.livestreaming.cfn;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The per-invocation state a manager shares with the handler while it works: the time budget, the step it is on
 * (so a timeout reason can say what it was waiting for) and the id of anything a Create has already made (so a
 * failed or timed-out Create still answers with an id the rollback Delete can clean up).
 *
 * <p>An invocation ends when its answer is decided: {@link #close} is called before the watchdog's FAILED answer is
 * sent. A worker that outlives it (the Lambda container is frozen and thawed for the next event) can act no further:
 * its next {@link #step} throws {@link InvocationEndedException}, and every AWS call made on its thread is refused
 * (see {@code aws.InvocationGuard}), so nothing happens behind an answer CloudFormation already has.
 */
public final class Invocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    /** What every view of one invocation shares. */
    private static final class Shared {
        private volatile String step = "starting";
        private volatile String madePhysicalId;
        private volatile boolean closed;
        private volatile TimeBudget whole;
    }

    private final TimeBudget budget;
    private final JsonLog log;
    private final Shared shared;

    public Invocation(TimeBudget budget, JsonLog log) {
        this(budget, log, new Shared());
        shared.whole = budget;
    }

    private Invocation(TimeBudget budget, JsonLog log, Shared shared) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.log = Objects.requireNonNull(log, "log");
        this.shared = shared;
    }

    public TimeBudget budget() {
        return budget;
    }

    public JsonLog log() {
        return log;
    }

    /**
     * The same invocation (step, made id, end) with a budget that ends {@code reserve} earlier, for a wait that must
     * leave time for what comes after it.
     */
    public Invocation holdingBack(Duration reserve) {
        return new Invocation(budget.holdingBack(reserve), log, shared);
    }

    /**
     * The same invocation with its whole budget, up to the watchdog's deadline: for removing what a failed step made
     * once that step's own (held back) budget is spent.
     */
    public Invocation forCleanup() {
        return new Invocation(shared.whole, log, shared);
    }

    /**
     * Names what the manager is doing now, e.g. "waiting for channel 1234 to reach IDLE"; logged once.
     *
     * @throws InvocationEndedException once the invocation has ended: a late worker stops here
     */
    public void step(String description) {
        checkOpen(description);
        shared.step = description;
        log.info("step", Map.of("step", description));
    }

    public String currentStep() {
        return shared.step;
    }

    /** Records that a Create made something with this physical id; the answer will carry it even on failure. */
    public void made(String physicalId) {
        shared.madePhysicalId = physicalId;
    }

    public String madePhysicalId() {
        return shared.madePhysicalId;
    }

    /** Sleeps within the budget, naming the current step if time runs out. */
    public void sleep(Duration wait) {
        checkOpen(shared.step);
        budget.sleep(wait, shared.step);
    }

    /** Ends the invocation: from now on its worker may take no further step and make no AWS call. */
    public void close() {
        shared.closed = true;
    }

    public boolean isClosed() {
        return shared.closed;
    }

    /** Throws {@link InvocationEndedException} naming {@code what} once the invocation has ended. */
    public void checkOpen(String what) {
        if (shared.closed) {
            throw new InvocationEndedException(what);
        }
    }

    /** Runs {@code work} with this invocation as the {@link #current} one of the calling thread. */
    public <T> T runAs(Supplier<T> work) {
        Invocation outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The invocation the calling thread works for, if it runs inside {@link #runAs}. */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
