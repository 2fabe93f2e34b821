package com.amazonaws.livestreaming.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Runs {@code deployment/build-s3-dist.sh} with a chosen environment, as a user's shell would. */
final class BuildScript {
    static final Path SCRIPT = Path.of("deployment", "build-s3-dist.sh");
    private static final List<String> OWN_VARIABLES = List.of(
            "DIST_DIR",
            "SKIP_JAR_BUILD",
            "JAR",
            "SKIP_CONSOLE_BUILD",
            "CONSOLE_DIST",
            "CONSOLE_DIR",
            "DIAGRAM_OUT",
            "SKIP_CLIP_BUILD",
            "CLIP");

    /** The exit code and everything the script printed (stdout and stderr together). */
    record Run(int exit, String output) {}

    private BuildScript() {}

    static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(OWN_VARIABLES);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("build-s3-dist.sh did not finish within 5 minutes:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    /** A jar of everything under {@code classes}, like the project's own classes in the shaded jar. */
    static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
