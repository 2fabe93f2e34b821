package com.amazonaws.livestreaming.deployment;

import com.amazonaws.livestreaming.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one command the docs tell a reader to run against what really accepts it: a script path exists and is
 * executable; {@code mvn} options, phases, goals and {@code -D} properties exist (see {@link MavenFacts}); the
 * jar's subcommands and options are the ones its own {@code --help} lists, and a {@code render} line renders; an
 * {@code npm run} script is in {@code console/package.json}; {@code aws cloudformation} names only the template's
 * parameters (with values it allows) and resources; and every repository path a command names exists.
 */
final class DocCommands {
    /** Paths the build makes; the docs may name them before they exist. */
    private static final List<String> GENERATED = List.of(
            "deployment/dist",
            "deployment/open-source",
            "console/dist",
            "console/node_modules",
            "console/test-artifacts",
            "target",
            ".venv",
            ".ci/.node");

    private static final Pattern REPO_PATH =
            Pattern.compile("(?:\\./)?(?:\\.ci|console|deployment|docs|encoding-profiles|src)/[\\w./-]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern USAGE_LINE = Pattern.compile("^  ([a-z]+)\\s(.*?)(?:\\s{2,}.*)?$");
    private static final Pattern USAGE_OPTION = Pattern.compile("\\[(--[a-z0-9-]+)");
    private static final String JAR = "live-streaming-on-aws.jar";

    private final Path root;
    private final MavenFacts maven;
    private final Map<String, Set<String>> jarCommands;
    private final Set<String> npmScripts;
    private final Map<String, Map<String, Object>> parameters;
    private final Set<String> resources;

    DocCommands(Path root, MavenFacts maven, Set<String> npmScripts, CfnTemplate template) {
        this.root = root;
        this.maven = maven;
        this.jarCommands = jarCommands();
        this.npmScripts = npmScripts;
        this.parameters = new LinkedHashMap<>();
        template.section("Parameters").forEach((name, spec) -> parameters.put(name, CfnTemplate.map(spec)));
        this.resources = template.resources().keySet();
    }

    /** The scripts of a package.json, read with the same JSON reader the function uses. */
    static Set<String> npmScripts(Path packageJson) {
        try {
            Object json = com.amazonaws.livestreaming.cfn.JsonTree.parse(Files.readAllBytes(packageJson));
            if (json instanceof Map<?, ?> pkg && pkg.get("scripts") instanceof Map<?, ?> scripts) {
                Set<String> names = new LinkedHashSet<>();
                scripts.keySet().forEach(k -> names.add(String.valueOf(k)));
                return names;
            }
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the first word makes this a command the checks know; other code (names, values) is not checked. */
    static boolean isCommand(List<String> words) {
        List<String> command = withoutEnvironment(words);
        if (command.isEmpty()) {
            return false;
        }
        String first = command.get(0);
        return List.of("mvn", "java", "npm", "aws", "bash", "sh").contains(first) || isScript(first);
    }

    /** The kind of a command {@link #isCommand} accepts: its program, or {@code script}. */
    static String kind(List<String> words) {
        List<String> command = withoutEnvironment(words);
        String first = command.get(0);
        return first.equals("bash") || first.equals("sh") || isScript(first) ? "script" : first;
    }

    /** What is wrong with the command; empty when nothing is. */
    List<String> problems(List<String> words) {
        List<String> command = withoutEnvironment(words);
        List<String> problems = new ArrayList<>();
        if (command.isEmpty()) {
            return problems;
        }
        String first = command.get(0);
        List<String> args = command.subList(1, command.size());
        switch (first) {
            case "mvn" -> maven(args, problems);
            case "java" -> java(args, problems);
            case "npm" -> npm(args, problems);
            case "aws" -> aws(args, problems);
            case "bash", "sh" -> {
                if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                    script(args.get(0), problems);
                }
            }
            default -> script(first, problems);
        }
        for (String word : command) {
            for (String value : List.of(word, word.contains("=") ? word.substring(word.indexOf('=') + 1) : "")) {
                if (!value.equals(first) && isRepoPath(value)) {
                    path(value, problems);
                }
            }
        }
        return problems;
    }

    /** A repository path (not one the build makes) must exist. */
    Optional<String> missingPath(String path) {
        String clean = path.startsWith("./") ? path.substring(2) : path;
        if (GENERATED.stream().anyMatch(g -> clean.equals(g) || clean.startsWith(g + "/"))) {
            return Optional.empty();
        }
        return Files.exists(root.resolve(clean))
                ? Optional.empty()
                : Optional.of(clean + " does not exist in the repository");
    }

    /** A path into the repository, not an elided one ({@code src/test/.../PythonTools}). */
    static boolean isRepoPath(String text) {
        return REPO_PATH.matcher(text).matches() && !text.contains("...");
    }

    private void path(String path, List<String> problems) {
        missingPath(path).ifPresent(problems::add);
    }

    private void script(String path, List<String> problems) {
        String clean = path.startsWith("./") ? path.substring(2) : path;
        Path file = root.resolve(clean);
        if (!Files.isRegularFile(file)) {
            problems.add("script " + clean + " does not exist");
        } else if (!Files.isExecutable(file)) {
            problems.add("script " + clean + " is not executable (git update-index --chmod=+x " + clean + ")");
        }
    }

    /** A path to a script (a bare name such as {@code build-s3-dist.sh} names it in prose, it is no command). */
    private static boolean isScript(String word) {
        return word.contains("/")
                && !word.endsWith("/")
                && (word.endsWith(".sh") || word.startsWith(".ci/") || word.startsWith("./"));
    }

    private static List<String> withoutEnvironment(List<String> words) {
        int i = 0;
        if (i < words.size() && words.get(i).equals("env")) {
            i++;
            while (i < words.size() && words.get(i).startsWith("-")) {
                i++;
            }
        }
        while (i < words.size() && ASSIGNMENT.matcher(words.get(i)).matches()) {
            i++;
        }
        return words.subList(i, words.size());
    }

    private void maven(List<String> args, List<String> problems) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-D")) {
                String name = arg.substring(2).split("=", 2)[0];
                if (!maven.isUserProperty(name)) {
                    problems.add("mvn -D" + name + ": no plugin of this build (nor Maven) reads " + name);
                }
            } else if (arg.startsWith("-")) {
                Optional<Boolean> takesValue = maven.option(arg);
                if (takesValue.isEmpty()) {
                    problems.add("mvn option " + arg + " does not exist (see mvn --help)");
                } else if (takesValue.get()) {
                    i++;
                }
            } else if (arg.contains(":")) {
                if (!maven.isGoal(arg)) {
                    problems.add("mvn " + arg + " is not a goal of a plugin this build declares");
                }
            } else if (!maven.isPhase(arg)) {
                problems.add("mvn " + arg + " is not a lifecycle phase");
            }
        }
    }

    private void java(List<String> args, List<String> problems) {
        int jar = args.indexOf("-jar");
        if (jar < 0 || jar + 1 >= args.size() || !args.get(jar + 1).endsWith(JAR)) {
            return;
        }
        List<String> cli = args.subList(jar + 2, args.size());
        if (cli.isEmpty()) {
            return;
        }
        String command = cli.get(0);
        Set<String> options = jarCommands.get(command);
        if (options == null && cli.size() == 1 && run(cli).isEmpty()) {
            return;
        }
        if (options == null) {
            problems.add("java -jar " + JAR + " has no command '" + command + "' (its --help lists "
                    + String.join(", ", jarCommands.keySet()) + ")");
            return;
        }
        for (String arg : cli.subList(1, cli.size())) {
            String option = arg.replaceAll("^\\[+", "");
            if (option.startsWith("--") && !options.contains(option)) {
                problems.add(command + " has no option " + option + " (its --help lists "
                        + (options.isEmpty() ? "none" : String.join(", ", options)) + ")");
            }
        }
        if (command.equals("render") && problems.isEmpty() && cli.stream().noneMatch(a -> a.startsWith("["))) {
            run(cli).ifPresent(problems::add);
        }
    }

    /** Runs a command of the jar's CLI in this JVM; its complaint, if it exits non-zero. */
    private static Optional<String> run(List<String> cli) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(cli.toArray(String[]::new));
        return exit == 0
                ? Optional.empty()
                : Optional.of(String.join(" ", cli) + " exits " + exit + ": "
                        + err.toString(StandardCharsets.UTF_8).strip().split("\n")[0]);
    }

    /** Each command of the jar's {@code --help} and the options its synopsis lists. */
    private static Map<String, Set<String>> jarCommands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(new String[] {"--help"});
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher usage = USAGE_LINE.matcher(line);
            if (usage.matches()) {
                Set<String> options = new LinkedHashSet<>();
                Matcher option = USAGE_OPTION.matcher(usage.group(2));
                while (option.find()) {
                    options.add(option.group(1));
                }
                commands.put(usage.group(1), options);
            }
        }
        if (commands.isEmpty()) {
            throw new IllegalStateException("the jar's --help listed no commands:\n" + out);
        }
        return commands;
    }

    private void npm(List<String> args, List<String> problems) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--prefix")) {
                path(args.get(++i), problems);
            } else if (!args.get(i).startsWith("-")) {
                words.add(args.get(i));
            }
        }
        if (words.isEmpty()) {
            return;
        }
        String script = switch (words.get(0)) {
            case "run", "run-script" -> words.size() > 1 ? words.get(1) : null;
            case "test", "start" -> words.get(0);
            default -> null;
        };
        if (script != null && !npmScripts.contains(script)) {
            problems.add("npm script '" + script + "' is not in console/package.json (it has "
                    + String.join(", ", npmScripts) + ")");
        }
    }

    private void aws(List<String> args, List<String> problems) {
        if (args.isEmpty() || !args.get(0).equals("cloudformation")) {
            return;
        }
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--parameter-overrides")) {
                while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    String[] pair = args.get(++i).split("=", 2);
                    parameter(pair[0], pair.length > 1 ? pair[1] : null, problems);
                }
            } else if (arg.equals("--parameters")) {
                while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String field : args.get(++i).split(",")) {
                        String[] pair = field.split("=", 2);
                        fields.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                    parameter(fields.getOrDefault("ParameterKey", ""), fields.get("ParameterValue"), problems);
                }
            } else if (arg.equals("--logical-resource-id") && i + 1 < args.size()) {
                String logicalId = args.get(++i);
                if (!logicalId.contains("$") && !resources.contains(logicalId)) {
                    problems.add("the template has no resource " + logicalId);
                }
            }
        }
    }

    private void parameter(String name, String value, List<String> problems) {
        Map<String, Object> spec = parameters.get(name);
        if (spec == null) {
            problems.add("the template has no parameter " + name);
            return;
        }
        if (value == null || value.contains("$") || value.contains("<")) {
            return;
        }
        if (spec.get("AllowedValues") instanceof List<?> allowed
                && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
            problems.add("parameter " + name + " does not allow '" + value + "' (allowed: "
                    + String.join(", ", allowed.stream().map(String::valueOf).toList()) + ")");
        }
        if (spec.get("AllowedPattern") instanceof String pattern && !value.matches(pattern)) {
            problems.add("parameter " + name + " does not allow '" + value + "' (pattern " + pattern + ")");
        }
    }
}
