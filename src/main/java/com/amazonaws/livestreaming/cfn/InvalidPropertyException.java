package com.amazonaws.livestreaming.cfn;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad input from the template. Its message is the one-line Reason the user sees in the stack events, so it
 * always names the property and, where there is a closed set, the allowed values. One exception can carry several
 * independent problems (see {@link #all}), so that a user fixes a template once instead of once per problem.
 */
public final class InvalidPropertyException extends RuntimeException {
    private final String property;
    private final List<InvalidPropertyException> problems;

    public InvalidPropertyException(String property, String message) {
        super(message, null, false, false);
        this.property = property;
        this.problems = List.of(this);
    }

    private InvalidPropertyException(List<InvalidPropertyException> problems) {
        super(message(problems), null, false, false);
        this.property = problems.get(0).property();
        this.problems = List.copyOf(problems);
    }

    /**
     * One exception for every problem in {@code problems} (nested ones flattened): the message is the single
     * problem's own, or {@code 2 problems: (1) ...; (2) ...}.
     */
    public static InvalidPropertyException all(List<InvalidPropertyException> problems) {
        List<InvalidPropertyException> flat = new ArrayList<>();
        problems.forEach(p -> flat.addAll(p.problems()));
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        return flat.size() == 1 ? flat.get(0) : new InvalidPropertyException(flat);
    }

    /** The property named by the (first) problem. */
    public String property() {
        return property;
    }

    /** Each problem on its own; just this one unless it was made by {@link #all}. */
    public List<InvalidPropertyException> problems() {
        return problems;
    }

    private static String message(List<InvalidPropertyException> problems) {
        StringBuilder text = new StringBuilder().append(problems.size()).append(" problems: ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i == 0 ? "" : "; ")
                    .append('(')
                    .append(i + 1)
                    .append(") ")
                    .append(problems.get(i).getMessage());
        }
        return text.toString();
    }
}
