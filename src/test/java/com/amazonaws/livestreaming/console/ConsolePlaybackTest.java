package com.amazonaws.livestreaming.console;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's browser test ({@code npm test} in {@code console/}: headless Chromium playing HLS, DASH,
 * MSS and CMAF that ffmpeg streams live, and low-latency HLS and DASH from a local low-latency origin) so that the
 * project's one test command covers the player page too.
 * Missing tools fail the build with the command that installs them rather than skipping silently.
 *
 * <p>Those tests watch real-time encoders and a real browser through wall-clock waits, so a machine that stalls for
 * a few seconds can fail one of them once. A failed run is therefore followed by one rerun of just the tests that
 * failed (at most {@value #MOST_RERUN} of them; more is a regression, not a stall): the build passes only if every
 * one of them runs and passes in the rerun, and the first run's failures are printed either way.
 */
class ConsolePlaybackTest {
    private static final Path CONSOLE = Path.of("console");
    private static final String HOW_TO_INSTALL =
            "run .ci/run or: apt-get install chromium ffmpeg && npm ci --prefix console";
    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final int MOST_RERUN = 2;

    @Test
    void theConsolePlaysEveryFormatInARealBrowser() throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(CONSOLE.resolve("node_modules").resolve("playwright-core"))) {
            missing.add("console/node_modules");
        }
        String chromium = Optional.ofNullable(System.getenv("CHROMIUM_PATH")).orElse("/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            missing.add(chromium);
        }
        for (String tool : List.of("ffmpeg", "npm", "node")) {
            if (onPath(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            fail("The console browser test needs " + String.join(", ", missing) + "; " + HOW_TO_INSTALL);
        }

        Instant deadline = Instant.now().plus(LIMIT);
        Run first = run(List.of("npm", "test"), deadline);
        if (first.exit() == 0) {
            return;
        }
        TapResults firstResults = TapResults.in(first.output());
        List<String> failed =
                firstResults.failures().stream().map(TapResults.Result::name).toList();
        if (failed.isEmpty() || failed.size() > MOST_RERUN) {
            fail("npm test in console/ failed:\n" + firstResults.describeFailures() + "last output:\n"
                    + tail(first.output()));
        }
        System.out.println(
                "[console] failed in the first run, rerunning them once:\n" + firstResults.describeFailures());
        Run rerun = run(rerunCommand(failed), deadline);
        TapResults rerunResults = TapResults.in(rerun.output());
        if (rerun.exit() == 0 && failed.stream().allMatch(rerunResults::ranAndPassed)) {
            System.out.println("[console] passed when rerun: " + String.join("; ", failed));
            return;
        }
        fail("npm test in console/ failed, and again when rerun:\n" + firstResults.describeFailures() + "rerun:\n"
                + rerunResults.describeFailures() + "last output:\n" + tail(rerun.output()));
    }

    /**
     * The {@code test} script of console/package.json with a {@code --test-name-pattern} per test, placed after
     * {@code --test} because node takes everything after the first file as a file.
     */
    private static List<String> rerunCommand(List<String> names) throws IOException {
        String script = new ObjectMapper()
                .readTree(CONSOLE.resolve("package.json").toFile())
                .path("scripts")
                .path("test")
                .asText();
        List<String> command = new ArrayList<>(Arrays.asList(script.trim().split("\\s+")));
        int afterTest = command.indexOf("--test") + 1;
        if (afterTest == 0) {
            fail("console/package.json's test script does not run node --test: " + script);
        }
        command.addAll(
                afterTest,
                names.stream()
                        .map(name -> "--test-name-pattern=" + TapResults.exactNamePattern(name))
                        .toList());
        return command;
    }

    /** What a command printed, and its exit status. */
    private record Run(List<String> output, int exit) {}

    /** Runs a command in console/, echoing its output as it comes; fails if the deadline passes. */
    private static Run run(List<String> command, Instant deadline) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        Thread echo = new Thread(() -> echo(process, output), "npm-test-output");
        echo.start();
        long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(command.get(0) + " " + command.get(1) + " in console/ did not finish in " + LIMIT.toMinutes()
                    + " minutes; last output:\n" + tail(output));
        }
        echo.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (output) {
            return new Run(List.copyOf(output), process.exitValue());
        }
    }

    private static String tail(List<String> output) {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
        }
    }

    /** Prints the output as it comes and keeps it for the results and the failure message. */
    private static void echo(Process process, List<String> output) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("[console] " + line);
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            System.out.println("[console] output ended: " + e.getMessage());
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
