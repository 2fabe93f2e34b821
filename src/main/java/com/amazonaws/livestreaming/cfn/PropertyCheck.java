package com.amazonaws.livestreaming.cfn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks the properties of a Create or Update against the kind's {@link ResourceSpec} and {@link PropertyRules}
 * before the manager runs, and reports every problem it finds in one {@link InvalidPropertyException}, so a bad
 * template fails in a second, without any AWS call, with one line naming each bad property.
 *
 * <p>Each property given is checked in this order, and only its first problem is reported: it is a property of the
 * kind (else "did you mean"); it is a single value (or a list where the kind takes one); it has no control
 * characters; its typed checks pass (the allowed values, the range, the pattern); it is no longer than its limit;
 * it is ASCII where the limit says so. {@code ServiceToken} and {@code ServiceTimeout} are CloudFormation's own and
 * always allowed.
 */
public final class PropertyCheck {
    /** CloudFormation's own properties, accepted on every kind. */
    public static final Set<String> ALWAYS_ALLOWED = Set.of("ServiceToken", "ServiceTimeout");

    private static final int MAX_NAME_SHOWN = 64;

    private PropertyCheck() {}

    /** Returns when the properties are fine; otherwise throws one exception carrying every problem. */
    public static void check(ResourceSpec spec, PropertyRules rules, Properties properties) {
        List<InvalidPropertyException> problems = problems(spec, rules, properties);
        if (!problems.isEmpty()) {
            throw InvalidPropertyException.all(problems);
        }
    }

    /**
     * The check of an Update. A value the resource already has (the same in OldResourceProperties) was accepted by
     * the version that made it, and CloudFormation sends it back on every later Update, a rollback included: a rule
     * added since must not refuse it, or the stack could neither update nor roll back (UPDATE_ROLLBACK_FAILED).
     * Such problems are logged, not answered; every changed or new value is checked in full.
     */
    public static void checkUpdate(
            ResourceSpec spec, PropertyRules rules, Properties properties, Properties old, JsonLog log) {
        Set<String> changed = properties.changedFrom(old);
        List<InvalidPropertyException> problems = new ArrayList<>();
        for (InvalidPropertyException problem : problems(spec, rules, properties)) {
            boolean kept = properties.asMap().containsKey(problem.property()) && !changed.contains(problem.property());
            if (kept) {
                log.warn(
                        "a value the resource already has breaks a newer rule; accepted as before",
                        Map.of("property", problem.property(), "rule", problem.getMessage()));
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidPropertyException.all(problems);
        }
    }

    /** Every problem, at most one per property: those given first, in the order given, then missing ones. */
    public static List<InvalidPropertyException> problems(
            ResourceSpec spec, PropertyRules rules, Properties properties) {
        Map<String, InvalidPropertyException> found = new LinkedHashMap<>();
        Map<String, Object> given = properties.asMap();
        given.forEach((name, value) -> {
            if (!ALWAYS_ALLOWED.contains(name)) {
                InvalidPropertyException problem = !spec.properties().contains(name)
                        ? unknown(spec, name)
                        : shapeOrControlProblem(name, value, rules.limit(name));
                if (problem != null) {
                    found.put(name, problem);
                }
            }
        });
        for (Consumer<Properties> check : rules.checks()) {
            try {
                check.accept(properties);
            } catch (InvalidPropertyException e) {
                e.problems().forEach(problem -> found.putIfAbsent(problem.property(), problem));
            }
        }
        given.forEach((name, value) -> {
            if (value != null && !found.containsKey(name) && !ALWAYS_ALLOWED.contains(name)) {
                InvalidPropertyException problem = lengthOrAsciiProblem(name, text(value), rules.limit(name));
                if (problem != null) {
                    found.put(name, problem);
                }
            }
        });
        List<InvalidPropertyException> ordered = new ArrayList<>();
        given.keySet().stream().filter(found::containsKey).forEach(name -> ordered.add(found.remove(name)));
        ordered.addAll(found.values());
        return ordered;
    }

    private static InvalidPropertyException unknown(ResourceSpec spec, String name) {
        String shown = Redaction.shorten(Redaction.oneLine(name), MAX_NAME_SHOWN);
        Set<String> known = new TreeSet<>(spec.properties());
        String hint = Suggestions.closest(name, withAlwaysAllowed(known))
                .map(s -> "did you mean " + s + "?")
                .orElse(known.isEmpty() ? "it takes no properties" : "its properties are " + String.join(", ", known));
        return new InvalidPropertyException(name, shown + " is not a property of Custom::" + spec.kind() + "; " + hint);
    }

    private static Set<String> withAlwaysAllowed(Set<String> known) {
        Set<String> all = new TreeSet<>(known);
        all.addAll(ALWAYS_ALLOWED);
        return all;
    }

    private static InvalidPropertyException shapeOrControlProblem(
            String name, Object value, PropertyRules.Limit limit) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map) {
            return new InvalidPropertyException(name, name + " must be a single value, not an object");
        }
        if (value instanceof Collection<?> items) {
            if (!limit.list()) {
                return new InvalidPropertyException(name, name + " must be a single value, not a list");
            }
            if (items.stream().anyMatch(item -> item instanceof Map || item instanceof Collection)) {
                return new InvalidPropertyException(name, name + " must be a list of single values");
            }
        }
        String text = text(value);
        int position = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                return new InvalidPropertyException(
                        name,
                        name + " contains a control character"
                                + (Redaction.isSecretName(name)
                                        ? ""
                                        : " (" + codePoint(c) + ") at position " + position)
                                + "; a value must be one line of printable text");
            }
        }
        return null;
    }

    private static InvalidPropertyException lengthOrAsciiProblem(String name, String text, PropertyRules.Limit limit) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        int length = ascii ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        if (length > limit.maxLength()) {
            return new InvalidPropertyException(
                    name,
                    name + " is " + length
                            + (ascii ? " characters" : " bytes (UTF-8)") + " long; at most " + limit.maxLength()
                            + " are allowed");
        }
        if (limit.asciiOnly() && !ascii) {
            int position = 1;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
                if (text.codePointAt(i) >= 0x80) {
                    return new InvalidPropertyException(
                            name,
                            name + " contains a non-ASCII character ("
                                    + codePoint(text.codePointAt(i)) + ") at position " + position
                                    + "; only ASCII is allowed here (percent-encode other characters in a URL)");
                }
            }
        }
        return null;
    }

    /** The value as the readers see it: a scalar as text, a list joined by commas. */
    private static String text(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
