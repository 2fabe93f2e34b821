package com.amazonaws.livestreaming.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template as CloudFormation deploys it for given parameter values: every condition evaluated, the resources and
 * outputs whose condition is false left out, every {@code Fn::If} replaced by the branch it takes and
 * {@code AWS::NoValue} removed. What is left is one concrete stack, so a test can ask whether it is complete (every
 * reference names something the stack has) and evaluate its expressions with stand-in attribute values.
 */
final class ResolvedTemplate {
    static final String STACK_NAME = "demo-stack";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** The value of {@code Fn::GetAtt [resource, attribute]} in the resolved stack, made up by the test. */
    interface Attributes extends BiFunction<String, String, Object> {
    }

    private final CfnTemplate source;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();
    private final CfnTemplate resolved;

    private ResolvedTemplate(CfnTemplate source, Map<String, String> overrides) {
        this.source = source;
        source.section("Parameters").forEach((name, definition) -> parameters.put(name,
                String.valueOf(CfnTemplate.map(definition).getOrDefault("Default", ""))));
        overrides.forEach((name, value) -> {
            if (!parameters.containsKey(name)) {
                throw new AssertionError("the template has no parameter " + name);
            }
            parameters.put(name, value);
        });
        source.section("Conditions").keySet().forEach(this::condition);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Parameters", source.section("Parameters"));
        root.put("Mappings", source.section("Mappings"));
        root.put("Resources", kept(source.resources()));
        root.put("Outputs", kept(source.section("Outputs")));
        this.resolved = CfnTemplate.of(root);
    }

    static ResolvedTemplate of(CfnTemplate template, Map<String, String> parameters) {
        return new ResolvedTemplate(template, parameters);
    }

    /** The resolved stack, for the questions {@link CfnTemplate} answers. */
    CfnTemplate stack() {
        return resolved;
    }

    boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known == null) {
            Object definition = source.section("Conditions").get(name);
            if (definition == null) {
                throw new AssertionError("the template has no condition " + name);
            }
            known = truth(definition);
            conditions.put(name, known);
        }
        return known;
    }

    /**
     * Names that a Ref, GetAtt, Sub variable or DependsOn of the resolved stack points at and the stack lacks: a
     * resource left out by its condition, or a typo. Parameters and pseudo parameters ({@code AWS::...}) exist.
     */
    Set<String> danglingReferences() {
        Set<String> named = new LinkedHashSet<>(resolved.namesReferredTo(Set.of("Parameters", "Mappings")));
        resolved.attributeRefs().forEach(ref -> named.add(ref.resource()));
        resolved.resources().forEach((id, resource) -> CfnTemplate.list(CfnTemplate.map(resource)
                .getOrDefault("DependsOn", List.of())).forEach(d -> named.add(String.valueOf(d))));
        Set<String> dangling = new TreeSet<>();
        for (String name : named) {
            if (!name.startsWith("AWS::") && !parameters.containsKey(name)
                    && !resolved.resources().containsKey(name)) {
                dangling.add(name);
            }
        }
        return dangling;
    }

    /**
     * The concrete value of an expression of the resolved stack: parameters and pseudo parameters by their values,
     * Sub, Select, Split, Join and FindInMap evaluated, Ref of a resource as {@code <LogicalId>-id}, and GetAtt as
     * {@code attributes} says.
     */
    Object evaluate(Object expression, Attributes attributes) {
        if (expression instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(item -> values.add(evaluate(item, attributes)));
            return values;
        }
        if (!(expression instanceof Map<?, ?>)) {
            return String.valueOf(expression);
        }
        Map<String, Object> node = CfnTemplate.map(expression);
        if (node.size() == 1) {
            String function = node.keySet().iterator().next();
            Object argument = node.get(function);
            switch (function) {
                case "Ref" -> {
                    return ref(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    List<Object> target = CfnTemplate.list(argument);
                    String resource = String.valueOf(target.get(0));
                    if (!resolved.resources().containsKey(resource)) {
                        throw new AssertionError("GetAtt of " + resource + ", which this stack does not have");
                    }
                    return attributes.apply(resource, String.valueOf(target.get(1)));
                }
                case "Fn::Sub" -> {
                    return sub(argument, attributes);
                }
                case "Fn::Select" -> {
                    List<Object> arguments = CfnTemplate.list(argument);
                    List<Object> from = CfnTemplate.list(evaluate(arguments.get(1), attributes));
                    int index = Integer.parseInt(String.valueOf(evaluate(arguments.get(0), attributes)));
                    if (index >= from.size()) {
                        throw new AssertionError("Select " + index + " of " + from);
                    }
                    return from.get(index);
                }
                case "Fn::Split" -> {
                    List<Object> arguments = CfnTemplate.list(argument);
                    String text = String.valueOf(evaluate(arguments.get(1), attributes));
                    return List.of((Object[]) text.split(Pattern.quote(String.valueOf(arguments.get(0))), -1));
                }
                case "Fn::Join" -> {
                    List<Object> arguments = CfnTemplate.list(argument);
                    List<String> parts = new ArrayList<>();
                    CfnTemplate.list(evaluate(arguments.get(1), attributes)).forEach(v -> parts.add(String.valueOf(v)));
                    return String.join(String.valueOf(arguments.get(0)), parts);
                }
                case "Fn::FindInMap" -> {
                    List<Object> path = CfnTemplate.list(evaluate(argument, attributes));
                    Map<String, Object> map = CfnTemplate.map(source.section("Mappings").get(String.valueOf(path.get(0))));
                    return String.valueOf(CfnTemplate.map(map.get(String.valueOf(path.get(1))))
                            .get(String.valueOf(path.get(2))));
                }
                default -> {
                    if (function.startsWith("Fn::")) {
                        throw new AssertionError("evaluate does not know " + function);
                    }
                }
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.forEach((key, value) -> values.put(key, evaluate(value, attributes)));
        return values;
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            case "AWS::StackId" -> "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + STACK_NAME
                    + "/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (!resolved.resources().containsKey(name)) {
                    throw new AssertionError("Ref of " + name + ", which this stack does not have");
                }
                yield name + "-id";
            }
        };
    }

    private String sub(Object argument, Attributes attributes) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = list.size() > 1 ? CfnTemplate.map(list.get(1)) : Map.of();
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            Object value;
            if (variables.containsKey(variable)) {
                value = evaluate(variables.get(variable), attributes);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                value = evaluate(Map.of("Fn::GetAtt", List.of(variable.substring(0, dot),
                        variable.substring(dot + 1))), attributes);
            } else {
                value = ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The entries of a section whose Condition holds, each with its Fn::If resolved. */
    private Map<String, Object> kept(Map<String, Object> section) {
        Map<String, Object> kept = new LinkedHashMap<>();
        section.forEach((name, entry) -> {
            Object condition = CfnTemplate.map(entry).get("Condition");
            if (condition == null || condition(String.valueOf(condition))) {
                kept.put(name, resolve(entry));
            }
        });
        return kept;
    }

    private Object resolve(Object node) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object value = resolve(item);
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        if (!(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> map = CfnTemplate.map(node);
        if (map.size() == 1 && map.containsKey("Fn::If")) {
            List<Object> branches = CfnTemplate.list(map.get("Fn::If"));
            return resolve(branches.get(condition(String.valueOf(branches.get(0))) ? 1 : 2));
        }
        if (map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"))) {
            return NO_VALUE;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object resolvedValue = resolve(value);
            if (resolvedValue != NO_VALUE) {
                out.put(key, resolvedValue);
            }
        });
        return out;
    }

    private boolean truth(Object definition) {
        Map<String, Object> node = CfnTemplate.map(definition);
        if (node.containsKey("Condition")) {
            return condition(String.valueOf(node.get("Condition")));
        }
        String function = node.keySet().iterator().next();
        List<Object> arguments = CfnTemplate.list(node.get(function));
        return switch (function) {
            case "Fn::Equals" -> scalar(arguments.get(0)).equals(scalar(arguments.get(1)));
            case "Fn::And" -> arguments.stream().allMatch(this::truth);
            case "Fn::Or" -> arguments.stream().anyMatch(this::truth);
            case "Fn::Not" -> !truth(arguments.get(0));
            default -> throw new AssertionError("conditions do not use " + function);
        };
    }

    private String scalar(Object value) {
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String name) {
            return parameters.containsKey(name) ? parameters.get(name) : String.valueOf(ref(name));
        }
        return String.valueOf(value);
    }
}
