package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.AwsStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One case on a lane, as a stack lives it: AWS prepared, the faulted request answered, then what CloudFormation
 * sends next with the faults gone (the rollback Delete of a failed Create, the rollback Update of a failed Update,
 * the Delete a failed Delete is retried with, and in the end the stack's own Delete), and then what is left.
 */
final class StackRun {
    /** The event a scenario sends, on the AWS it was prepared for. */
    record Prepared(
            World world,
            byte[] event,
            String physicalId,
            Map<String, String> properties,
            Map<String, String> changed) {}

    /** A request CloudFormation sent after the faulted one, and its answer. */
    record FollowUp(String what, Lane.Answer answer) {}

    /**
     * What one case did.
     *
     * @param answer    the faulted request's answers (exactly one, when all is well)
     * @param calls     the AWS calls it made, once per call (retries not repeated), in order
     * @param answered  what existed right after its answer (fixtures aside)
     * @param followUps what CloudFormation sent next, with the faults gone
     * @param leftovers what exists at the end (fixtures aside): must be nothing
     * @param log       the handler's log of the faulted request and the follow-ups
     */
    record Result(
            Lane.Answer answer,
            List<String> calls,
            List<String> answered,
            List<FollowUp> followUps,
            List<String> leftovers,
            String log) {}

    private StackRun() {}

    /** Prepares AWS for {@code scenario} on a reset lane: fixtures, and the resource an Update or Delete acts on. */
    static Prepared prepare(Lane lane, Scenario scenario) {
        lane.reset();
        World world = new World(lane);
        scenario.given().accept(world);
        Map<String, String> properties = scenario.properties().apply(world);
        Map<String, String> changed =
                scenario.changed() == null ? null : scenario.changed().apply(world);
        byte[] create = lane.event("Create", scenario.kind(), scenario.logicalId(), null, properties, null);
        String physicalId = null;
        byte[] event = create;
        if (scenario.type() != RequestType.CREATE || scenario.repeated()) {
            Lane.Answer made = lane.send(create);
            if (!"SUCCESS".equals(made.status())) {
                throw new AssertionError("the Create " + scenario.title() + " acts on failed: " + made.only());
            }
            physicalId = made.physicalId();
            scenario.made().accept(world, physicalId);
        }
        if (scenario.type() == RequestType.UPDATE) {
            event = lane.event("Update", scenario.kind(), scenario.logicalId(), physicalId, changed, properties);
        } else if (scenario.type() == RequestType.DELETE) {
            event = lane.event("Delete", scenario.kind(), scenario.logicalId(), physicalId, properties, null);
        }
        lane.aws().forgetCalls();
        return new Prepared(world, event, physicalId, properties, changed);
    }

    /** Runs {@code scenario} with {@code faults} injected into its request, then CloudFormation's follow-ups. */
    static Result run(Lane lane, Scenario scenario, Consumer<AwsStandIn> faults) {
        Prepared prepared = prepare(lane, scenario);
        faults.accept(lane.aws());
        Lane.Answer answer = lane.send(prepared.event());
        lane.aws().clearFaults();
        return finish(lane, scenario, prepared, answer);
    }

    /** The follow-ups of an answered request, and what is left after them. */
    static Result finish(Lane lane, Scenario scenario, Prepared prepared, Lane.Answer answer) {
        List<String> calls = lane.aws().calls();
        List<String> answered = prepared.world().leftovers();
        prepared.world().runBeforeFollowUps();
        List<FollowUp> followUps = followUps(lane, scenario, prepared, answer);
        return new Result(answer, calls, answered, followUps, prepared.world().leftovers(), lane.log());
    }

    private static List<FollowUp> followUps(Lane lane, Scenario scenario, Prepared prepared, Lane.Answer answer) {
        List<FollowUp> sent = new ArrayList<>();
        JsonNode first = answer.puts().isEmpty() ? null : answer.puts().get(0);
        boolean succeeded =
                first != null && "SUCCESS".equals(first.path("Status").asText());
        String answered = first == null
                ? prepared.physicalId()
                : first.path("PhysicalResourceId").asText();
        switch (scenario.type()) {
            case CREATE ->
                sent.add(delete(
                        lane,
                        scenario,
                        succeeded ? "the stack's Delete" : "the rollback Delete",
                        answered,
                        prepared.properties()));
            case UPDATE -> {
                if (succeeded) {
                    if (!answered.equals(prepared.physicalId())) {
                        sent.add(delete(
                                lane,
                                scenario,
                                "the Delete of the replaced resource",
                                prepared.physicalId(),
                                prepared.properties()));
                    }
                    sent.add(delete(lane, scenario, "the stack's Delete", answered, prepared.changed()));
                } else {
                    Lane.Answer rollback = lane.send(lane.event(
                            "Update",
                            scenario.kind(),
                            scenario.logicalId(),
                            prepared.physicalId(),
                            prepared.properties(),
                            prepared.changed()));
                    sent.add(new FollowUp("the rollback Update", rollback));
                    String id = rollback.puts().isEmpty()
                            ? prepared.physicalId()
                            : rollback.puts().get(0).path("PhysicalResourceId").asText();
                    sent.add(delete(lane, scenario, "the stack's Delete", id, prepared.properties()));
                }
            }
            case DELETE -> {
                if (!succeeded) {
                    sent.add(
                            delete(lane, scenario, "the Delete retried", prepared.physicalId(), prepared.properties()));
                }
            }
            default -> throw new IllegalStateException(scenario.type().name());
        }
        return sent;
    }

    private static FollowUp delete(
            Lane lane, Scenario scenario, String what, String physicalId, Map<String, String> properties) {
        return new FollowUp(
                what,
                lane.send(lane.event("Delete", scenario.kind(), scenario.logicalId(), physicalId, properties, null)));
    }
}
