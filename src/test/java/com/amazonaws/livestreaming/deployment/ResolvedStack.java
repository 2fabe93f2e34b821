package com.amazonaws.livestreaming.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stack the template deploys ({@link ResolvedTemplate} for given parameter values), with what a test asks of a
 * concrete stack: whether every reference names something it has, and the value of an expression, evaluated with
 * stand-in attribute values as CloudFormation would evaluate it with the real ones.
 */
final class ResolvedStack {
    static final String STACK_NAME = "demo-stack";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** The value of {@code Fn::GetAtt [resource, attribute]} in the stack, made up by the test. */
    interface Attributes extends BiFunction<String, String, Object> {}

    private final CfnTemplate stack;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private ResolvedStack(CfnTemplate stack) {
        this.stack = stack;
        stack.section("Parameters")
                .forEach((name, definition) -> parameters.put(
                        name, String.valueOf(CfnTemplate.map(definition).get("Default"))));
    }

    /** The stack deployed with {@code values} over the parameters' defaults. */
    static ResolvedStack of(CfnTemplate template, Map<String, String> values) {
        return new ResolvedStack(CfnTemplate.of(ResolvedTemplate.resolve(template, values)));
    }

    CfnTemplate stack() {
        return stack;
    }

    /** Names a Ref, GetAtt, Sub variable or DependsOn points at that are no resource, parameter or pseudo parameter. */
    Set<String> danglingReferences() {
        Set<String> dangling = new TreeSet<>(ResolvedTemplate.names(stack.root()));
        dangling.removeIf(name -> name.startsWith("AWS::")
                || parameters.containsKey(name)
                || stack.resources().containsKey(name));
        return dangling;
    }

    /**
     * The concrete value of an expression of the stack: parameters and pseudo parameters by their values, Sub,
     * Select, Split, Join and FindInMap evaluated, Ref of a resource as {@code <LogicalId>-id}, and GetAtt as
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
        if (node.size() == 1
                && (node.containsKey("Ref") || node.keySet().iterator().next().startsWith("Fn::"))) {
            return function(
                    node.keySet().iterator().next(), node.values().iterator().next(), attributes);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.forEach((key, value) -> values.put(key, evaluate(value, attributes)));
        return values;
    }

    private Object function(String function, Object argument, Attributes attributes) {
        List<Object> arguments = CfnTemplate.list(argument);
        return switch (function) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::GetAtt" -> {
                String resource = String.valueOf(arguments.get(0));
                if (!stack.resources().containsKey(resource)) {
                    throw new AssertionError("GetAtt of " + resource + ", which this stack does not have");
                }
                yield attributes.apply(resource, String.valueOf(arguments.get(1)));
            }
            case "Fn::Sub" -> sub(argument, attributes);
            case "Fn::Select" -> {
                List<Object> from = CfnTemplate.list(evaluate(arguments.get(1), attributes));
                int index = Integer.parseInt(String.valueOf(evaluate(arguments.get(0), attributes)));
                if (index >= from.size()) {
                    throw new AssertionError("Select " + index + " of " + from);
                }
                yield from.get(index);
            }
            case "Fn::Split" ->
                List.of((Object[]) String.valueOf(evaluate(arguments.get(1), attributes))
                        .split(Pattern.quote(String.valueOf(arguments.get(0))), -1));
            case "Fn::Join" -> {
                List<String> parts = new ArrayList<>();
                CfnTemplate.list(evaluate(arguments.get(1), attributes)).forEach(v -> parts.add(String.valueOf(v)));
                yield String.join(String.valueOf(arguments.get(0)), parts);
            }
            case "Fn::FindInMap" -> {
                List<Object> path = CfnTemplate.list(evaluate(argument, attributes));
                Map<String, Object> map =
                        CfnTemplate.map(stack.section("Mappings").get(String.valueOf(path.get(0))));
                yield String.valueOf(
                        CfnTemplate.map(map.get(String.valueOf(path.get(1)))).get(String.valueOf(path.get(2))));
            }
            default -> throw new AssertionError("evaluate does not know " + function);
        };
    }

    private Object ref(String name) {
        return switch (name) {
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            case "AWS::StackId" ->
                "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + STACK_NAME
                        + "/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (!stack.resources().containsKey(name)) {
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
                value = function(
                        "Fn::GetAtt", List.of(variable.substring(0, dot), variable.substring(dot + 1)), attributes);
            } else {
                value = ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
