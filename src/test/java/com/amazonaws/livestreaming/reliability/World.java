package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.testing.AwsStandIn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case's AWS holds that the stack under test did not make (another stack resource's input, the code bucket,
 * a channel someone runs on an input), by name, and what has to happen to it before CloudFormation's follow-up
 * requests (e.g. that channel deleted before the input's Delete, as CloudFormation orders it). Fixtures are not
 * leftovers: everything else that exists at the end is.
 */
final class World {
    private final Lane lane;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> fixtures = new HashSet<>();
    private final List<Runnable> beforeFollowUps = new ArrayList<>();

    World(Lane lane) {
        this.lane = lane;
    }

    AwsStandIn aws() {
        return lane.aws();
    }

    /** Records a fixture's id under {@code name}; returns the id. */
    String fixture(String name, String id) {
        values.put(name, id);
        fixtures.add(id);
        return id;
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no fixture named " + name);
        }
        return value;
    }

    /** {@code step} runs after the faulted request's answer, before CloudFormation's follow-up requests. */
    void beforeFollowUps(Runnable step) {
        beforeFollowUps.add(step);
    }

    void runBeforeFollowUps() {
        beforeFollowUps.forEach(Runnable::run);
    }

    /** What exists in AWS apart from the fixtures, one line each. */
    List<String> leftovers() {
        return aws().leftovers().stream()
                .filter(line -> Arrays.stream(line.split(" ")).noneMatch(fixtures::contains))
                .toList();
    }
}
