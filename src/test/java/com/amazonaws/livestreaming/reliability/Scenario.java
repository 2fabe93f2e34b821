package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.cfn.RequestType;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One request CloudFormation sends a custom resource, on what AWS holds before it: the unit the suite faults. An
 * Update or a Delete acts on what a clean Create of the same logical resource made first.
 *
 * @param kind        the part after {@code Custom::}
 * @param logicalId   the LogicalResourceId
 * @param type        Create, Update or Delete
 * @param name        what is special about it, e.g. {@code push input}
 * @param repeated    a Create delivered a second time (the first delivery made the resource)
 * @param succeeds    whether it answers SUCCESS without faults (a few scenarios fail by design, e.g. a channel
 *                    whose start MediaLive gives up, which is how MediaLive's alerts are read)
 * @param given       the fixtures, made before anything else
 * @param properties  the properties (of a Create or Delete; an Update's old ones)
 * @param changed     an Update's new properties (null otherwise)
 * @param made        what happens in AWS after the Create an Update or Delete acts on (e.g. a channel started on
 *                    the input)
 */
record Scenario(
        String kind,
        String logicalId,
        RequestType type,
        String name,
        boolean repeated,
        boolean succeeds,
        Consumer<World> given,
        Function<World, Map<String, String>> properties,
        Function<World, Map<String, String>> changed,
        BiConsumer<World, String> made) {

    static Scenario create(
            String kind,
            String logicalId,
            String name,
            Consumer<World> given,
            Function<World, Map<String, String>> properties) {
        return new Scenario(
                kind, logicalId, RequestType.CREATE, name, false, true, given, properties, null, (w, id) -> {});
    }

    static Scenario update(
            String kind,
            String logicalId,
            String name,
            Consumer<World> given,
            Function<World, Map<String, String>> properties,
            Function<World, Map<String, String>> changed) {
        return new Scenario(
                kind, logicalId, RequestType.UPDATE, name, false, true, given, properties, changed, (w, id) -> {});
    }

    static Scenario delete(
            String kind,
            String logicalId,
            String name,
            Consumer<World> given,
            Function<World, Map<String, String>> properties) {
        return new Scenario(
                kind, logicalId, RequestType.DELETE, name, false, true, given, properties, null, (w, id) -> {});
    }

    /** The same Create delivered again after the first delivery made the resource. */
    Scenario secondDelivery() {
        return new Scenario(kind, logicalId, type, name, true, succeeds, given, properties, changed, made);
    }

    /** One that answers FAILED even without faults. */
    Scenario failing() {
        return new Scenario(kind, logicalId, type, name, repeated, false, given, properties, changed, made);
    }

    /** {@code then} happens in AWS after the Create this Update or Delete acts on. */
    Scenario afterCreate(BiConsumer<World, String> then) {
        return new Scenario(kind, logicalId, type, name, repeated, succeeds, given, properties, changed, then);
    }

    String title() {
        return kind + " " + type.wireName() + " (" + name + ")";
    }
}
