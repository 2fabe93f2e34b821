package com.amazonaws.livestreaming.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template as CloudFormation deploys it for one set of parameter values: every condition evaluated, resources
 * and outputs whose condition is false dropped, every {@code Fn::If} replaced by its chosen branch, every
 * {@code AWS::NoValue} removed, and the parameters nothing refers to any more left out (with the launch form that
 * lists them). What remains is a
 * template without conditions, which cfn-lint and the contract checks can judge as the stack CloudFormation
 * would build, and in which a reference to a resource that the combination does not create is plain to see.
 */
final class ResolvedTemplate {
    private static final Object NO_VALUE = new Object();

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditionExpressions;
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();

    private ResolvedTemplate(Map<String, Object> parameters, Map<String, Object> conditionExpressions) {
        this.parameters = parameters;
        this.conditionExpressions = conditionExpressions;
    }

    /** The resolver for {@code values} over the parameters' defaults. */
    private static ResolvedTemplate resolver(CfnTemplate template, Map<String, String> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        template.section("Parameters").forEach((name, definition) -> {
            if (!values.containsKey(name) && !CfnTemplate.map(definition).containsKey("Default")) {
                throw new AssertionError("parameter " + name + " has no default; give it a value");
            }
            parameters.put(
                    name,
                    values.getOrDefault(
                            name, String.valueOf(CfnTemplate.map(definition).get("Default"))));
        });
        values.keySet().forEach(name -> {
            if (!parameters.containsKey(name)) {
                throw new AssertionError("the template has no parameter " + name);
            }
        });
        return new ResolvedTemplate(parameters, template.section("Conditions"));
    }

    /**
     * The {@code AssertDescription} of every template rule that refuses {@code values} (over the parameters'
     * defaults): its {@code RuleCondition} holds (or it has none) and one of its assertions does not. CloudFormation
     * refuses such a stack before it creates anything; an empty list means it accepts the values.
     */
    static List<String> refusals(CfnTemplate template, Map<String, String> values) {
        ResolvedTemplate resolver = resolver(template, values);
        List<String> refusals = new ArrayList<>();
        Map<String, Object> rules = template.root().containsKey("Rules") ? template.section("Rules") : Map.of();
        rules.forEach((name, definition) -> {
            Map<String, Object> rule = CfnTemplate.map(definition);
            if (rule.containsKey("RuleCondition") && !resolver.evaluate(rule.get("RuleCondition"))) {
                return;
            }
            for (Object assertion : CfnTemplate.list(rule.get("Assertions"))) {
                Map<String, Object> check = CfnTemplate.map(assertion);
                if (!resolver.evaluate(check.get("Assert"))) {
                    refusals.add(String.valueOf(check.get("AssertDescription")));
                }
            }
        });
        return refusals;
    }

    /** The template deployed with {@code values} over the parameters' defaults. */
    static Map<String, Object> resolve(CfnTemplate template, Map<String, String> values) {
        ResolvedTemplate resolver = resolver(template, values);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> section : template.root().entrySet()) {
            switch (section.getKey()) {
                case "Conditions" -> {}
                // The launch form lists every parameter; it has nothing to show for one combination.
                case "Metadata" -> {
                    Map<String, Object> metadata = new LinkedHashMap<>(CfnTemplate.map(section.getValue()));
                    metadata.remove("AWS::CloudFormation::Interface");
                    if (!metadata.isEmpty()) {
                        resolved.put("Metadata", metadata);
                    }
                }
                case "Resources", "Outputs" ->
                    resolved.put(
                            section.getKey(), resolver.keepWhoseConditionHolds(CfnTemplate.map(section.getValue())));
                default -> resolved.put(section.getKey(), section.getValue());
            }
        }
        resolved.put("Parameters", usedParameters(template, resolved, values));
        return resolved;
    }

    /** Whether the condition holds for these parameter values. */
    boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known == null) {
            Object expression = conditionExpressions.get(name);
            if (expression == null) {
                throw new AssertionError("the template has no condition " + name);
            }
            known = evaluate(expression);
            conditions.put(name, known);
        }
        return known;
    }

    private boolean evaluate(Object expression) {
        Map<String, Object> node = CfnTemplate.map(expression);
        if (node.containsKey("Condition")) {
            return condition((String) node.get("Condition"));
        }
        Map.Entry<String, Object> function = node.entrySet().iterator().next();
        List<Object> arguments = CfnTemplate.list(function.getValue());
        return switch (function.getKey()) {
            case "Fn::Equals" -> value(arguments.get(0)).equals(value(arguments.get(1)));
            case "Fn::Not" -> !evaluate(arguments.get(0));
            case "Fn::And" -> arguments.stream().allMatch(this::evaluate);
            case "Fn::Or" -> arguments.stream().anyMatch(this::evaluate);
            default -> throw new AssertionError("condition function " + function.getKey() + " is not evaluated here");
        };
    }

    /** A literal, or a parameter's value. */
    private String value(Object operand) {
        if (operand instanceof Map<?, ?> map && map.get("Ref") instanceof String name) {
            Object value = parameters.get(name);
            if (value == null) {
                throw new AssertionError("a condition refers to " + name + ", which is no parameter");
            }
            return (String) value;
        }
        return String.valueOf(operand);
    }

    private Map<String, Object> keepWhoseConditionHolds(Map<String, Object> entries) {
        Map<String, Object> kept = new LinkedHashMap<>();
        entries.forEach((id, definition) -> {
            Map<String, Object> entry = new LinkedHashMap<>(CfnTemplate.map(definition));
            Object condition = entry.remove("Condition");
            if (condition == null || condition((String) condition)) {
                kept.put(id, resolveIfs(entry));
            }
        });
        return kept;
    }

    private Object resolveIfs(Object node) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = CfnTemplate.map(raw);
            if (map.size() == 1 && map.get("Fn::If") instanceof List<?> branches) {
                return resolveIfs(condition((String) branches.get(0)) ? branches.get(1) : branches.get(2));
            }
            if (map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"))) {
                return NO_VALUE;
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object kept = resolveIfs(value);
                if (kept != NO_VALUE) {
                    resolved.put(key, kept);
                }
            });
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object kept = resolveIfs(item);
                if (kept != NO_VALUE) {
                    resolved.add(kept);
                }
            }
            return resolved;
        }
        return node;
    }

    /** The parameters the resolved template still refers to, each defaulting to the value it was deployed with. */
    private static Map<String, Object> usedParameters(
            CfnTemplate template, Map<String, Object> resolved, Map<String, String> values) {
        Set<String> used = names(resolved);
        Map<String, Object> kept = new LinkedHashMap<>();
        template.section("Parameters").forEach((name, definition) -> {
            if (used.contains(name)) {
                Map<String, Object> parameter = new LinkedHashMap<>(CfnTemplate.map(definition));
                if (values.containsKey(name)) {
                    parameter.put("Default", values.get(name));
                }
                kept.put(name, parameter);
            }
        });
        return kept;
    }

    /** Every name referred to by Ref, Fn::GetAtt, a ${} of Fn::Sub or DependsOn, outside the Parameters. */
    static Set<String> names(Map<String, Object> resolved) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Object> withoutParameters = new LinkedHashMap<>(resolved);
        withoutParameters.remove("Parameters");
        CfnTemplate.walk(withoutParameters, "", (node, where) -> {
            if (node.get("Ref") instanceof String name) {
                names.add(name);
            }
            if (node.get("Fn::GetAtt") instanceof List<?> getAtt) {
                names.add(String.valueOf(getAtt.get(0)));
            }
            Object sub = node.get("Fn::Sub");
            String text = sub instanceof String s ? s : sub instanceof List<?> l ? String.valueOf(l.get(0)) : null;
            Set<String> defined = sub instanceof List<?> l && l.size() > 1
                    ? CfnTemplate.map(l.get(1)).keySet()
                    : Set.of();
            if (text != null) {
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("\\$\\{([^!}][^}.]*)").matcher(text);
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        names.add(m.group(1));
                    }
                }
            }
        });
        CfnTemplate.map(resolved.getOrDefault("Resources", Map.of())).values().forEach(resource -> {
            Object dependsOn = CfnTemplate.map(resource).get("DependsOn");
            if (dependsOn != null) {
                CfnTemplate.list(dependsOn).forEach(d -> names.add(String.valueOf(d)));
            }
        });
        return names;
    }
}
