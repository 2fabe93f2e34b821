package com.amazonaws.livestreaming.cfn;

import java.util.Map;

/**
 * The per-invocation state a manager shares with the handler while it works: the time budget, the step it is on
 * (so a timeout reason can say what it was waiting for) and the id of anything a Create has already made (so a
 * failed or timed-out Create still answers with an id the rollback Delete can clean up).
 */
public final class Invocation {
    private final TimeBudget budget;
    private final JsonLog log;
    private volatile String step = "starting";
    private volatile String madePhysicalId;

    public Invocation(TimeBudget budget, JsonLog log) {
        this.budget = budget;
        this.log = log;
    }

    public TimeBudget budget() {
        return budget;
    }

    public JsonLog log() {
        return log;
    }

    /** Names what the manager is doing now, e.g. "waiting for channel 1234 to be IDLE"; logged once. */
    public void step(String description) {
        this.step = description;
        log.info("step", Map.of("step", description));
    }

    public String currentStep() {
        return step;
    }

    /** Records that a Create made something with this physical id; the answer will carry it even on failure. */
    public void made(String physicalId) {
        this.madePhysicalId = physicalId;
    }

    public String madePhysicalId() {
        return madePhysicalId;
    }

    /** Sleeps within the budget, naming the current step if time runs out. */
    public void sleep(java.time.Duration wait) {
        budget.sleep(wait, step);
    }
}
