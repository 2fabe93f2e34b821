package com.amazonaws.livestreaming.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The deployment template as plain maps and lists, with CloudFormation's short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) turned into their long forms ({@code {"Ref": ...}}, {@code {"Fn::GetAtt":
 * [resource, attribute]}}), so the tests read one form only. It also finds every reference the template makes,
 * including the {@code ${Resource.Attribute}} ones inside {@code Fn::Sub} strings, which a plain YAML walk misses.
 */
final class CfnTemplate {
    static final Path PATH = Path.of("deployment", "live-streaming-on-aws.yaml");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** An attribute read from a resource, and where in the template it is read. */
    record AttributeRef(String resource, String attribute, String where) {}

    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CfnTemplate load() {
        return load(PATH);
    }

    /** A template already in long form, e.g. one {@link ResolvedTemplate} made. */
    static CfnTemplate of(Map<String, Object> root) {
        return new CfnTemplate(root);
    }

    static CfnTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new CfnConstructor()).load(reader);
            return new CfnTemplate(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> section(String name) {
        return map(root.getOrDefault(name, Map.of()));
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("the template has no resource " + logicalId);
        }
        return map(resource);
    }

    String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** Logical ids of the resources whose type is {@code Custom::<Kind>}. */
    List<String> customResources() {
        return resources().keySet().stream()
                .filter(id -> type(id).startsWith("Custom::"))
                .toList();
    }

    List<String> resourcesOfType(String type) {
        return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
    }

    static String kindOf(String type) {
        return type.substring("Custom::".length());
    }

    /** Every {@code Fn::GetAtt} and every {@code ${Resource.Attribute}} of an {@code Fn::Sub}, anywhere. */
    List<AttributeRef> attributeRefs() {
        List<AttributeRef> found = new ArrayList<>();
        walk(root, "", (node, where) -> {
            Object getAtt = node.get("Fn::GetAtt");
            if (getAtt instanceof List<?> list && list.size() == 2) {
                found.add(new AttributeRef(String.valueOf(list.get(0)), String.valueOf(list.get(1)), where));
            } else if (getAtt instanceof String text && text.contains(".")) {
                found.add(new AttributeRef(
                        text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1), where));
            }
            for (String variable : subVariables(node)) {
                int dot = variable.indexOf('.');
                if (dot > 0 && !variable.startsWith("AWS::")) {
                    found.add(new AttributeRef(variable.substring(0, dot), variable.substring(dot + 1), where));
                }
            }
        });
        return found;
    }

    /** Every name a {@code Ref} or a plain {@code ${Name}} of an {@code Fn::Sub} refers to, outside {@code from}. */
    Set<String> namesReferredTo(Set<String> exceptSections) {
        Set<String> found = new LinkedHashSet<>();
        for (Map.Entry<String, Object> section : root.entrySet()) {
            if (exceptSections.contains(section.getKey())) {
                continue;
            }
            walk(section.getValue(), section.getKey(), (node, where) -> {
                if (node.get("Ref") instanceof String name) {
                    found.add(name);
                }
                for (String variable : subVariables(node)) {
                    if (!variable.contains(".")) {
                        found.add(variable);
                    }
                }
            });
        }
        return found;
    }

    /** The variables of an {@code Fn::Sub} in {@code node} that its own variable map does not define. */
    private static List<String> subVariables(Map<String, Object> node) {
        Object sub = node.get("Fn::Sub");
        String text;
        Map<String, Object> defined = Map.of();
        if (sub instanceof String s) {
            text = s;
        } else if (sub instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
            text = s;
            defined = list.size() > 1 ? map(list.get(1)) : Map.of();
        } else {
            return List.of();
        }
        List<String> variables = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            if (!defined.containsKey(variable)) {
                variables.add(variable);
            }
        }
        return variables;
    }

    interface Visitor {
        void visit(Map<String, Object> node, String where);
    }

    static void walk(Object node, String where, Visitor visitor) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> typed = map(m);
            visitor.visit(typed, where);
            typed.forEach((key, value) -> walk(value, where + "/" + key, visitor));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "[" + i + "]", visitor);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new AssertionError("expected a mapping but found " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        return List.of(value);
    }

    /** Builds {@code {"Fn::X": value}} for {@code !X value} ({@code {"Ref": value}} for {@code !Ref}). */
    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    if (function.equals("Fn::GetAtt") && value instanceof String text && text.contains(".")) {
                        value = List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1));
                    }
                    Map<String, Object> longForm = new LinkedHashMap<>();
                    longForm.put(function, value);
                    return longForm;
                }
            });
        }
    }
}
