package com.amazonaws.livestreaming.deployment;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Maven itself says a command line may hold, asked of the Maven on the PATH and of the plugins this build
 * declares: the options ({@code mvn --help}), the lifecycle phases (maven-core's lifecycle definitions), the goals
 * and user properties of the pom's plugins and the Maven version each plugin requires (their plugin descriptors in
 * the local repository). Nothing here is a copied list, so the docs cannot drift from what Maven accepts.
 */
final class MavenFacts {
    private static final Pattern OPTION = Pattern.compile("^\\s+(?:(-[\\w-]+),)?(--[\\w-]+)( <arg>)?");
    private static final Pattern HOME = Pattern.compile("Maven home: (.+)");
    private static final Pattern VERSION = Pattern.compile("Apache Maven (\\d+\\.\\d+\\.\\d+)");
    private static final Pattern PHASE = Pattern.compile("<phase>([\\w-]+)</phase>");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([\\w.-]+)}");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /**
     * Properties Maven's own launcher reads (not a plugin): {@code maven.repo.local} picks the local repository,
     * which is how the docs measure a build that downloads everything.
     */
    private static final Set<String> CORE_PROPERTIES = Set.of("maven.repo.local");

    /** A plugin of the pom: its coordinates and, when the local repository holds its jar, its descriptor. */
    record Plugin(
            String groupId,
            String artifactId,
            String version,
            String goalPrefix,
            Set<String> goals,
            Set<String> userProperties,
            Optional<String> requiredMavenVersion) {}

    private final String version;
    private final Map<String, Boolean> options;
    private final Set<String> phases;
    private final List<Plugin> plugins;

    private MavenFacts(String version, Map<String, Boolean> options, Set<String> phases, List<Plugin> plugins) {
        this.version = version;
        this.options = options;
        this.phases = phases;
        this.plugins = plugins;
    }

    /** Asks the Maven on the PATH and reads the plugins of {@code pom.xml} from the local repository. */
    static MavenFacts ask(Path pom) {
        String help = run("mvn", "--help");
        String about = run("mvn", "--version");
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (String line : help.split("\n")) {
            Matcher option = OPTION.matcher(line);
            if (option.find()) {
                boolean takesValue = option.group(3) != null;
                if (option.group(1) != null) {
                    options.put(option.group(1), takesValue);
                }
                options.put(option.group(2), takesValue);
            }
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("mvn --help listed no options:\n" + help);
        }
        Matcher home = HOME.matcher(about);
        Matcher version = VERSION.matcher(about);
        if (!home.find() || !version.find()) {
            throw new IllegalStateException("mvn --version named no Maven home or version:\n" + about);
        }
        return new MavenFacts(
                version.group(1), options, phases(Path.of(home.group(1).trim())), plugins(pom));
    }

    String version() {
        return version;
    }

    /** Whether the option takes a value in the next word; empty when {@code mvn --help} does not list it. */
    Optional<Boolean> option(String option) {
        return Optional.ofNullable(options.get(option));
    }

    boolean isPhase(String word) {
        return phases.contains(word);
    }

    List<Plugin> plugins() {
        return plugins;
    }

    /** A {@code prefix:goal} of a plugin this build declares. */
    boolean isGoal(String prefixAndGoal) {
        String[] parts = prefixAndGoal.split(":");
        return parts.length == 2
                && plugins.stream()
                        .anyMatch(p ->
                                parts[0].equals(p.goalPrefix()) && p.goals().contains(parts[1]));
    }

    /** A {@code -Dname} some plugin of the build (or Maven's launcher) reads. */
    boolean isUserProperty(String name) {
        return CORE_PROPERTIES.contains(name)
                || plugins.stream().anyMatch(p -> p.userProperties().contains(name));
    }

    /**
     * The lifecycle phases, from maven-core's own lifecycle definitions ({@code META-INF/plexus/components.xml} of
     * the jars in Maven's {@code lib/}).
     */
    private static Set<String> phases(Path mavenHome) {
        Set<String> phases = new LinkedHashSet<>();
        try (var jars = Files.list(mavenHome.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("maven-core"))
                    .toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var entry = zip.getEntry("META-INF/plexus/components.xml");
                    if (entry != null) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Matcher phase = PHASE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            while (phase.find()) {
                                phases.add(phase.group(1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Maven's lifecycles under " + mavenHome, e);
        }
        if (phases.isEmpty()) {
            throw new IllegalStateException("found no lifecycle phases in maven-core under " + mavenHome);
        }
        return phases;
    }

    private static List<Plugin> plugins(Path pom) {
        Path repository =
                Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        List<Plugin> plugins = new ArrayList<>();
        Document doc = xml(pom);
        NodeList nodes = doc.getElementsByTagName("plugin");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element plugin = (Element) nodes.item(i);
            String groupId = child(plugin, "groupId").orElse("org.apache.maven.plugins");
            String artifactId = child(plugin, "artifactId").orElseThrow();
            String version = child(plugin, "version").orElse("");
            Path jar = repository
                    .resolve(groupId.replace('.', '/'))
                    .resolve(artifactId)
                    .resolve(version)
                    .resolve(artifactId + "-" + version + ".jar");
            plugins.add(
                    Files.isRegularFile(jar)
                            ? described(groupId, artifactId, version, jar)
                            : new Plugin(groupId, artifactId, version, "", Set.of(), Set.of(), Optional.empty()));
        }
        return plugins;
    }

    private static Plugin described(String groupId, String artifactId, String version, Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String descriptor;
            try (InputStream in = zip.getInputStream(zip.getEntry("META-INF/maven/plugin.xml"))) {
                descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Element root = xmlOf(descriptor).getDocumentElement();
            Set<String> goals = new LinkedHashSet<>();
            NodeList mojos = root.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                child((Element) mojos.item(i), "goal").ifPresent(goals::add);
            }
            Set<String> properties = new LinkedHashSet<>();
            Matcher expression = EXPRESSION.matcher(descriptor);
            while (expression.find()) {
                properties.add(expression.group(1));
            }
            return new Plugin(
                    groupId,
                    artifactId,
                    version,
                    child(root, "goalPrefix").orElse(""),
                    goals,
                    properties,
                    child(root, "requiredMavenVersion"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptor of " + jar, e);
        }
    }

    private static Optional<String> child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e.getTextContent().trim());
            }
        }
        return Optional.empty();
    }

    private static Document xml(Path file) {
        try {
            return xmlOf(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document xmlOf(String text) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse XML", e);
        }
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return ANSI.matcher(output).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + " (is Maven on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
