package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code package}: the script accepts the real shaded jar, and the jar it puts in the distribution serves
 * the template's Handler on its own, with no other class path (as Lambda loads it); and it encodes the real test
 * source, whose properties ffprobe confirms, once (a second build keeps it).
 */
class BuildScriptIT {
    private static final Path SHADED_JAR = Path.of("target", "live-streaming-on-aws.jar");

    @TempDir
    Path tmp;

    @Test
    void theDistributedJarServesTheTemplatesHandlerOnItsOwnBesideTheRealTestSource() throws Exception {
        assertTrue(Files.isRegularFile(SHADED_JAR), SHADED_JAR + " is missing: run mvn package first");
        assertTrue(
                BuildScript.onPath("ffmpeg") && BuildScript.onPath("ffprobe"),
                "the test source needs ffmpeg and ffprobe: run .ci/run or apt-get install ffmpeg");
        Path console = Files.createDirectories(tmp.resolve("console"));
        Files.writeString(console.resolve("index.html"), "<!doctype html>");
        Path out = tmp.resolve("dist");

        Map<String, String> env = Map.of(
                "SKIP_JAR_BUILD",
                "1",
                "JAR",
                SHADED_JAR.toString(),
                "SKIP_CONSOLE_BUILD",
                "1",
                "CONSOLE_DIST",
                console.toString(),
                "DIAGRAM_OUT",
                tmp.resolve("architecture.png").toString());
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v9.9.9");
        assertEquals(0, run.exit(), run.output());
        TestSourceProbe.assertIsTheLoopableTestSource(out.resolve("test-source.mp4"));

        String handler = (String) CfnTemplate.load(out.resolve("live-streaming-on-aws.yaml"))
                .properties("CustomResourceFunction")
                .get("Handler");
        String className = handler.substring(0, handler.indexOf("::"));
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {out.resolve("live-streaming-on-aws.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(className, true, loader);
            Class<?> contract = loader.loadClass(RequestStreamHandler.class.getName());
            assertTrue(contract.isAssignableFrom(type), className + " does not implement RequestStreamHandler");
            assertTrue(contract.isInstance(type.getConstructor().newInstance()), "Lambda could not construct it");
        }

        long made = Files.getLastModifiedTime(out.resolve("test-source.mp4")).toMillis();
        BuildScript.Run again = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v9.9.9");
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("is up to date"), again.output());
        assertEquals(
                made, Files.getLastModifiedTime(out.resolve("test-source.mp4")).toMillis());
    }
}
