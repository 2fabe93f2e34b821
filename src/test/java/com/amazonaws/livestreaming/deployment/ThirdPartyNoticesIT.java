package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar passes on every bundled library's licence and notice: THIRD-PARTY-NOTICES.txt lists exactly the
 * libraries the jar holds (found by their classes, not by a hand-kept list) and the console's npm players; every
 * licence file of every bundled library is either the Apache License 2.0 (the jar's META-INF/LICENSE.txt), kept
 * under its own name, or quoted in the notices; every line of every NOTICE file is in the merged META-INF/NOTICE.
 */
class ThirdPartyNoticesIT {
    private static final Path SHADED_JAR = Path.of("target", "live-streaming-on-aws.jar");
    private static final Path NOTICES = Path.of("THIRD-PARTY-NOTICES.txt");
    private static final Pattern LISTED = Pattern.compile("^ {2}(\\S+) (\\S+) +(\\S+)$", Pattern.MULTILINE);
    private static final Pattern LICENCE_FILE =
            Pattern.compile("META-INF/[^/]*LICEN[CS]E[^/]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTICE_FILE =
            Pattern.compile("META-INF/NOTICE(\\.txt|\\.md)?", Pattern.CASE_INSENSITIVE);

    /** groupId:artifactId to the library jar on the test class path whose classes the shaded jar holds. */
    private static final Map<String, Path> BUNDLED = new TreeMap<>();

    private static JarFile shaded;
    private static String notices;

    @BeforeAll
    static void findBundledLibraries() throws IOException {
        shaded = new JarFile(SHADED_JAR.toFile());
        notices = Files.readString(NOTICES);
        Path repository = Path.of(System.getProperty("maven.repo.local")).toAbsolutePath();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (!jar.startsWith(repository) || !jar.toString().endsWith(".jar")) {
                continue;
            }
            try (JarFile library = new JarFile(jar.toFile())) {
                String someClass = library.stream()
                        .map(JarEntry::getName)
                        .filter(name -> name.endsWith(".class")
                                && !name.contains("module-info")
                                && !name.startsWith("META-INF/"))
                        .findFirst()
                        .orElse(null);
                if (someClass != null && shaded.getEntry(someClass) != null) {
                    Path version = jar.getParent();
                    Path artifact = version.getParent();
                    String group = repository
                            .relativize(artifact.getParent())
                            .toString()
                            .replace(File.separatorChar, '.');
                    BUNDLED.put(group + ":" + artifact.getFileName() + " " + version.getFileName(), jar);
                }
            }
        }
        assertTrue(BUNDLED.size() > 10, "found only " + BUNDLED.keySet() + " in " + SHADED_JAR);
    }

    @Test
    void noticesListExactlyTheBundledJavaLibrariesWithTheirVersions() {
        Set<String> listed = new TreeSet<>();
        String javaSection = notices.substring(0, notices.indexOf("The demo console"));
        Matcher line = LISTED.matcher(javaSection);
        while (line.find()) {
            listed.add(line.group(1) + " " + line.group(2));
        }

        assertEquals(BUNDLED.keySet(), listed, "the Java libraries listed in " + NOTICES);
    }

    @Test
    void noticesListTheConsolesNpmPlayersWithTheirVersionsAndLicences() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode packageJson = json.readTree(Path.of("console", "package.json").toFile());
        JsonNode lock =
                json.readTree(Path.of("console", "package-lock.json").toFile()).get("packages");
        List<String> expected = new ArrayList<>();
        packageJson.get("dependencies").fieldNames().forEachRemaining(name -> {
            JsonNode locked = lock.get("node_modules/" + name);
            expected.add(name + " " + locked.get("version").asText() + " "
                    + locked.get("license").asText());
        });
        List<String> listed = new ArrayList<>();
        Matcher line = LISTED.matcher(notices.substring(notices.indexOf("The demo console")));
        while (line.find()) {
            listed.add(line.group(1) + " " + line.group(2) + " " + line.group(3));
        }

        assertEquals(
                expected.stream().sorted().toList(), listed.stream().sorted().toList());
    }

    @Test
    void everyLicenceFileOfABundledLibraryIsKeptOrQuoted() throws IOException {
        String apache = normalized(Files.readString(Path.of("LICENSE.txt")));
        String quoted = normalized(notices);
        assertEquals(apache, normalized(read(shaded, "META-INF/LICENSE.txt")), "META-INF/LICENSE.txt");
        assertEquals(notices, read(shaded, "META-INF/THIRD-PARTY-NOTICES.txt"), "META-INF/THIRD-PARTY-NOTICES.txt");
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Path> library : BUNDLED.entrySet()) {
            try (JarFile jar = new JarFile(library.getValue().toFile())) {
                for (String name : entries(jar, LICENCE_FILE)) {
                    String text = normalized(read(jar, name));
                    String rest = text.startsWith(apache)
                            ? text.substring(apache.length()).strip()
                            : text;
                    boolean keptUnderItsName = shaded.getEntry(name) != null
                            && normalized(read(shaded, name)).equals(text);
                    if (!rest.isEmpty() && !quoted.contains(rest) && !keptUnderItsName) {
                        lost.add(library.getKey() + " " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), lost, "licence texts neither the Apache License, kept, nor quoted in " + NOTICES);
    }

    @Test
    void everyNoticeLineOfABundledLibraryIsInTheMergedNotice() throws IOException {
        Set<String> merged = new TreeSet<>(
                read(shaded, "META-INF/NOTICE").lines().map(String::strip).toList());
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Path> library : BUNDLED.entrySet()) {
            try (JarFile jar = new JarFile(library.getValue().toFile())) {
                for (String name : entries(jar, NOTICE_FILE)) {
                    read(jar, name)
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !merged.contains(l))
                            .forEach(l -> lost.add(library.getKey() + " " + name + ": " + l));
                }
            }
        }
        assertEquals(List.of(), lost, "NOTICE lines missing from the jar's META-INF/NOTICE");
    }

    private static List<String> entries(JarFile jar, Pattern pattern) {
        List<String> names = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (pattern.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertTrue(entry != null, jar.getName() + " has no " + name);
        return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
