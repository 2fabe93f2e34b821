package com.amazonaws.livestreaming.profile;

import java.util.List;

/**
 * A profile that MediaLive would reject (or that is not a profile at all), with every problem found, so a user
 * fixes them in one round instead of one per channel creation attempt.
 */
public final class InvalidProfileException extends RuntimeException {
    private final List<ProfileProblem> problems;

    public InvalidProfileException(List<ProfileProblem> problems) {
        super(summary(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid profile has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ProfileProblem> problems() {
        return problems;
    }

    private static String summary(List<ProfileProblem> problems) {
        return problems.isEmpty()
                ? ""
                : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }
}
