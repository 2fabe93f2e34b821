package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.cfn.ResourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs a reader follows stay true: every relative link and anchor resolves, every command they show is one that
 * works (checked against the scripts, Maven, the jar's own CLI, console/package.json and the template), and the
 * Maven version they ask for is one every plugin of the build runs on. See {@link DocsCheck}.
 */
class DocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern MAVEN_VERSION = Pattern.compile("Maven (\\d+\\.\\d+)(?:\\+| or newer)");
    private static final int README_MAX_LINES = 150;
    private static MavenFacts maven;
    private static DocsCheck check;

    @BeforeAll
    static void askTheTools() {
        maven = MavenFacts.ask(ROOT.resolve("pom.xml"));
        check = new DocsCheck(
                ROOT,
                new DocCommands(
                        ROOT, maven, DocCommands.npmScripts(ROOT.resolve("console/package.json")), CfnTemplate.load()));
    }

    @Test
    void everyLinkAndCommandInTheDocsIsValid() {
        List<Path> docs = DocsCheck.docs(ROOT);
        assertTrue(docs.size() > 5, "expected README.md and the docs/ pages, found " + docs);

        List<String> problems = check.problems(docs);

        assertEquals(List.of(), problems, "\n" + String.join("\n", problems) + "\n");
        for (String kind : List.of("mvn", "java", "npm", "aws", "script")) {
            assertTrue(
                    check.checked().getOrDefault(kind, 0) > 0,
                    "the docs check found no " + kind + " command to check; is the Markdown reader still finding code? "
                            + check.checked());
        }
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> unlinked = new ArrayList<>();
        for (Path page : DocsCheck.docs(ROOT)) {
            String name = ROOT.relativize(page).toString();
            if (name.startsWith("docs/") && !readme.contains("](" + name)) {
                unlinked.add(name);
            }
        }
        assertEquals(List.of(), unlinked, "README.md links no page of these");
    }

    @Test
    void parametersPageGivesEveryTemplateParameterWithItsDefaultAndAllowedValues() throws IOException {
        Map<String, List<String>> rows =
                tableRows(ROOT.resolve("docs/parameters.md"), "Parameter", Pattern.compile("`(\\w+)`"));
        Map<String, Object> parameters = CfnTemplate.load().section("Parameters");
        List<String> wrong = new ArrayList<>();
        parameters.forEach((name, value) -> {
            Map<String, Object> spec = CfnTemplate.map(value);
            List<String> row = rows.get(name);
            if (row == null || row.size() < 3) {
                wrong.add(name + ": no row | `" + name + "` | default | allowed values | ... |");
                return;
            }
            String defaultValue = String.valueOf(spec.getOrDefault("Default", ""));
            String expected = defaultValue.isEmpty() ? "empty" : "`" + defaultValue + "`";
            if (!row.get(1).equals(expected)) {
                wrong.add(name + ": the default is " + expected + ", the page says " + row.get(1));
            }
            if (spec.get("AllowedValues") instanceof List<?> allowed) {
                for (Object allowedValue : allowed) {
                    if (!row.get(2).contains("`" + allowedValue + "`")) {
                        wrong.add(name + ": the allowed values lack `" + allowedValue + "`");
                    }
                }
            }
        });
        rows.keySet().stream()
                .filter(name -> !parameters.containsKey(name))
                .forEach(name -> wrong.add(name + ": not a parameter of the template"));
        assertEquals(List.of(), wrong, "docs/parameters.md against " + CfnTemplate.PATH);
    }

    @Test
    void architecturePageNamesEveryPackageAndOnlyClassesThatExist() throws IOException {
        Path base = ROOT.resolve("src/main/java/com/amazonaws/livestreaming");
        Map<String, List<String>> rows =
                tableRows(ROOT.resolve("docs/architecture.md"), "Package", Pattern.compile("`([a-z]+)`|\\((root)\\)"));
        List<String> wrong = new ArrayList<>();
        try (var dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(pkg -> !rows.containsKey(pkg))
                    .forEach(pkg -> wrong.add("package " + pkg + " has no row"));
        }
        rows.forEach((pkg, row) -> {
            Path dir = pkg.equals("root") ? base : base.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                wrong.add("there is no package " + pkg);
                return;
            }
            Matcher type = Pattern.compile("`([A-Z][A-Za-z0-9]+)`").matcher(row.get(1));
            while (type.find()) {
                if (!Files.isRegularFile(dir.resolve(type.group(1) + ".java"))) {
                    wrong.add(pkg + " has no class " + type.group(1));
                }
            }
        });
        assertEquals(List.of(), wrong, "the Packages table of docs/architecture.md against " + base);
    }

    @Test
    void customResourcesPageDescribesEveryPropertyAndDataAttributeOfEveryKind() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/custom-resources.md"));
        CfnTemplate template = CfnTemplate.load();
        Set<String> kinds = new TreeSet<>();
        template.customResources()
                .forEach(id -> kinds.add(
                        CfnTemplate.kindOf(String.valueOf(template.resource(id).get("Type")))));
        List<String> wrong = new ArrayList<>();
        for (String kind : kinds) {
            ResourceSpec spec = ManagerSpecs.of(kind);
            Map<String, Set<String>> named = namedInSection(lines, "`Custom::" + kind + "`");
            if (named == null) {
                wrong.add("Custom::" + kind + " has no section");
                continue;
            }
            Set<String> properties = named.getOrDefault("Property", Set.of());
            Set<String> attributes = new TreeSet<>(named.getOrDefault("Data attribute", Set.of()));
            attributes.addAll(named.getOrDefault("Attribute", Set.of()));
            check(kind, "property", spec.properties(), properties, wrong);
            check(kind, "Data attribute", spec.attributes(), attributes, wrong);
        }
        assertEquals(List.of(), wrong, "docs/custom-resources.md against the managers' ResourceSpec");
    }

    private static void check(String kind, String what, Set<String> real, Set<String> documented, List<String> wrong) {
        real.stream()
                .filter(name -> !documented.contains(name))
                .sorted()
                .forEach(name -> wrong.add("Custom::" + kind + ": " + what + " " + name + " is not described"));
        documented.stream()
                .filter(name -> !real.contains(name))
                .sorted()
                .forEach(name -> wrong.add("Custom::" + kind + ": " + name + " is not a " + what + " of it"));
    }

    /**
     * The names in backticks in the first column of the tables of the section whose heading contains
     * {@code title}, by the table's first header; null when no heading does.
     */
    private static Map<String, Set<String>> namedInSection(List<String> lines, String title) {
        int start = -1;
        int level = 0;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            Matcher heading = Pattern.compile("^(#+) .*").matcher(lines.get(i));
            if (heading.matches() && lines.get(i).contains(title)) {
                start = i;
                level = heading.group(1).length();
            }
        }
        if (start < 0) {
            return null;
        }
        Map<String, Set<String>> named = new LinkedHashMap<>();
        String header = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = Pattern.compile("^(#+) .*").matcher(line);
            if (heading.matches() && heading.group(1).length() <= level) {
                break;
            }
            if (line.matches("\\|[\\s:|-]+")) {
                continue;
            }
            if (!line.startsWith("| ")) {
                header = null;
                continue;
            }
            String first = line.substring(2, line.indexOf(" |", 1));
            if (header == null) {
                header = first.trim();
                continue;
            }
            Matcher name = Pattern.compile("`(\\w+)`").matcher(first);
            while (name.find()) {
                named.computeIfAbsent(header, h -> new TreeSet<>()).add(name.group(1));
            }
        }
        return named;
    }

    /**
     * The rows of a page's tables whose first column is headed {@code header}, by the key {@code key} finds in the
     * first cell; cells trimmed.
     */
    private static Map<String, List<String>> tableRows(Path page, String header, Pattern key) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String heading = null;
        for (String line : Files.readAllLines(page)) {
            if (line.matches("\\|[\\s:|-]+")) {
                continue;
            }
            if (!line.startsWith("| ")) {
                heading = null;
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
                    .split(" \\| ")) {
                cells.add(cell.trim());
            }
            if (heading == null) {
                heading = cells.get(0);
                continue;
            }
            Matcher first = key.matcher(cells.get(0));
            if (heading.equals(header) && first.matches()) {
                rows.put(first.group(1) != null ? first.group(1) : first.group(2), cells);
            }
        }
        return rows;
    }

    @Test
    void readmeFitsOnAFewScreens() throws IOException {
        long lines = Files.readAllLines(ROOT.resolve("README.md")).size();
        assertTrue(
                lines <= README_MAX_LINES,
                "README.md has " + lines + " lines; keep it at most " + README_MAX_LINES
                        + " and move detail into docs/");
    }

    @Test
    void theMavenVersionTheDocsAskForRunsEveryPluginOfTheBuild() throws IOException {
        Set<String> named = new TreeSet<>();
        List<Path> sources = new ArrayList<>(DocsCheck.docs(ROOT));
        sources.add(ROOT.resolve("deployment/build-s3-dist.sh"));
        sources.add(ROOT.resolve(".ci/run"));
        for (Path source : sources) {
            Matcher version = MAVEN_VERSION.matcher(Files.readString(source));
            while (version.find()) {
                named.add(version.group(1));
            }
        }
        assertEquals(1, named.size(), "the docs and scripts should name one minimum Maven version, found " + named);
        String minimum = named.iterator().next();
        List<String> needMore = new ArrayList<>();
        for (MavenFacts.Plugin plugin : maven.plugins()) {
            plugin.requiredMavenVersion()
                    .filter(required -> compare(required, minimum) > 0)
                    .ifPresent(required ->
                            needMore.add(plugin.artifactId() + " " + plugin.version() + " needs Maven " + required));
        }
        assertFalse(
                maven.plugins().stream().allMatch(p -> p.requiredMavenVersion().isEmpty()),
                "no plugin descriptor found in the local repository: " + maven.plugins());
        assertEquals(List.of(), needMore, "the docs ask for Maven " + minimum + "+");
        assertTrue(
                compare(maven.version(), minimum) >= 0,
                "this build runs on Maven " + maven.version() + ", older than the " + minimum + " the docs ask for");
    }

    /** Compares dotted versions number by number; a missing number counts as 0. */
    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int diff = Integer.compare(
                    i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }
}
