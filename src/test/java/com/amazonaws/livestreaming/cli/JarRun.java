package com.amazonaws.livestreaming.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/live-streaming-on-aws.jar ...} in a fresh JVM, as a user runs it, with the environment a
 * test chooses (AWS_REGION, AWS_ENDPOINT_URL and the key pair unless told otherwise).
 *
 * @param exitCode the process's exit status
 * @param stdout   what it printed on stdout
 * @param stderr   what it printed on stderr (the log lines, for invoke)
 */
record JarRun(int exitCode, String stdout, String stderr) {
    static final Path JAR = Path.of("target", "live-streaming-on-aws.jar");

    /**
     * @param env  variables to set; a null value removes the variable
     * @param temp a folder for the output files
     */
    static JarRun of(Map<String, String> env, Path temp, String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "run `mvn package` first: " + JAR.toAbsolutePath());
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIEXAMPLEKEY");
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        File out = Files.createTempFile(temp, "stdout", ".txt").toFile();
        File err = Files.createTempFile(temp, "stderr", ".txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the jar finished");
        return new JarRun(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
