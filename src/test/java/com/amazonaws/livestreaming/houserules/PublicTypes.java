package com.amazonaws.livestreaming.houserules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the public top-level types of {@code src/main/java} that nothing outside their own package needs: no source
 * file of another package (main or test) names them, and neither do the files that name classes for the runtime
 * ({@code src/main/resources}, {@code pom.xml}, {@code deployment/}: the Lambda handler, the jar's main class,
 * ServiceLoader providers, the benchmark's main classes, the SDK class the shade plugin replaces), by a dotted or
 * slashed name. Such a type should be package-private.
 */
final class PublicTypes {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|static) )*(?:class|interface|record|enum|@interface) (\\w+)",
            Pattern.MULTILINE);

    private PublicTypes() {}

    /** The fully qualified names of the public main types no other package uses, sorted. */
    static List<String> unusedOutsideTheirPackage(Path repo) {
        Map<Path, String> packages = new TreeMap<>();
        Map<Path, String> sources = new TreeMap<>();
        for (Path file : files(repo.resolve("src/main/java"), repo.resolve("src/test/java"))) {
            if (file.toString().endsWith(".java")) {
                String text = read(file);
                sources.put(file, text);
                Matcher pkg = PACKAGE.matcher(text);
                packages.put(file, pkg.find() ? pkg.group(1) : "");
            }
        }
        StringBuilder runtimeNames = new StringBuilder();
        for (Path file : files(repo.resolve("src/main/resources"), repo.resolve("deployment"))) {
            if (!file.toString().matches(".*\\.(png|mp4|jar|svg|ts|m4s)$")) {
                runtimeNames.append(read(file)).append('\n');
            }
        }
        runtimeNames.append(read(repo.resolve("pom.xml")));

        List<String> unused = new ArrayList<>();
        Path main = repo.resolve("src/main/java");
        sources.forEach((file, text) -> {
            Matcher type = PUBLIC_TYPE.matcher(text);
            String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
            if (!file.startsWith(main) || !type.find() || !type.group(1).equals(simpleName)) {
                return;
            }
            String pkg = packages.get(file);
            Pattern named = Pattern.compile(Pattern.quote(pkg + "." + simpleName) + "\\b");
            boolean usedElsewhere = sources.entrySet().stream()
                    .anyMatch(other -> !packages.get(other.getKey()).equals(pkg)
                            && named.matcher(other.getValue()).find());
            Pattern path = Pattern.compile(Pattern.quote((pkg + "." + simpleName).replace('.', '/')) + "\\b");
            if (!usedElsewhere
                    && !named.matcher(runtimeNames).find()
                    && !path.matcher(runtimeNames).find()) {
                unused.add(pkg + "." + simpleName);
            }
        });
        return unused.stream().sorted().toList();
    }

    private static List<Path> files(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
