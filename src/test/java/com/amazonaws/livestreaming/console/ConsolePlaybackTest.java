package com.amazonaws.livestreaming.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's browser test ({@code npm test} in {@code console/}: headless Chromium playing HLS, DASH,
 * MSS and CMAF that ffmpeg streams live, and low-latency HLS and DASH from a local low-latency origin) so that the
 * project's one test command covers the player page too.
 * Missing tools fail the build with the command that installs them rather than skipping silently.
 */
class ConsolePlaybackTest {
    private static final Path CONSOLE = Path.of("console");
    private static final String HOW_TO_INSTALL =
            "run .ci/run or: apt-get install chromium ffmpeg && npm ci --prefix console";
    private static final long LIMIT_MINUTES = 20;

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

        Process npm = new ProcessBuilder("npm", "test")
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .start();
        Deque<String> tail = new ArrayDeque<>();
        Thread echo = new Thread(() -> echo(npm, tail), "npm-test-output");
        echo.start();
        if (!npm.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            fail("npm test in console/ did not finish in " + LIMIT_MINUTES + " minutes; last output:\n"
                    + String.join("\n", tail));
        }
        echo.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(0, npm.exitValue(), () -> "npm test in console/ failed; last output:\n" + String.join("\n", tail));
    }

    /** Prints the test's output as it comes and keeps the last lines for the failure message. */
    private static void echo(Process process, Deque<String> tail) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("[console] " + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 60) {
                        tail.removeFirst();
                    }
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
