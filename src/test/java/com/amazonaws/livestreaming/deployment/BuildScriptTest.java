package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.livestreaming.Handler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code deployment/build-s3-dist.sh} as a user would, but on a jar made here from the compiled classes and
 * on a small built console, so the test neither runs Maven inside Maven (which would rewrite {@code target/} under
 * the running build) nor needs npm.
 */
class BuildScriptTest {
    @TempDir
    Path tmp;

    private Path jar;
    private Path consoleDist;
    private Path out;
    private Path diagram;
    private Path clip;

    @BeforeEach
    void buildInputs() throws IOException {
        jar = BuildScript.jarOf(
                Path.of(Handler.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath()),
                tmp.resolve("live-streaming-on-aws.jar"));
        consoleDist = Files.createDirectories(tmp.resolve("console-dist"));
        Files.writeString(consoleDist.resolve("index.html"), "<!doctype html><title>demo</title>");
        Files.createDirectories(consoleDist.resolve("assets"));
        Files.writeString(consoleDist.resolve("assets/app.js"), "console.log('player');");
        out = tmp.resolve("dist");
        diagram = tmp.resolve("architecture.png");
        // Stands in for the encoded clip, which BuildScriptIT makes for real and probes with ffprobe.
        clip = Files.writeString(tmp.resolve("clip.mp4"), "a stand-in for the test source");
    }

    @Test
    void writesTheTemplateWithPlaceholdersReplacedTheJarAndTheConsole() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket", "v1.2.3");

        assertEquals(0, run.exit(), run.output());
        String template = Files.readString(out.resolve("live-streaming-on-aws.yaml"));
        assertFalse(template.contains("CODEBUCKET") || template.contains("CODEVERSION"), "placeholders left");
        assertTrue(template.contains("S3Bucket: my-code-bucket\n"), "bucket not filled in");
        assertTrue(template.contains("KeyPrefix: live-streaming-on-aws/v1.2.3\n"), "version not filled in");
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(out.resolve("live-streaming-on-aws.jar")));
        assertEquals("<!doctype html><title>demo</title>", Files.readString(out.resolve("console/index.html")));
        assertEquals("console.log('player');", Files.readString(out.resolve("console/assets/app.js")));
        assertEquals(
                Files.readString(Path.of("THIRD-PARTY-NOTICES.txt")),
                Files.readString(out.resolve("THIRD-PARTY-NOTICES.txt")));
    }

    @Test
    void putsTheTestSourceBesideTheConsole() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket", "v1.2.3");

        assertEquals(0, run.exit(), run.output());
        assertArrayEquals(Files.readAllBytes(clip), Files.readAllBytes(out.resolve("test-source.mp4")));
        assertTrue(run.output().contains("test-source.mp4"), run.output());
    }

    @Test
    void aBucketWithADotIsWarnedAboutBecauseMediaLiveCannotReadTheTestSourceFromIt() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my.code.bucket", "v1.2.3");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("MediaLive cannot read the test source from such a bucket"), run.output());
    }

    @Test
    void aMissingPrebuiltTestSourceFailsClearly() throws Exception {
        Map<String, String> env = prebuilt();
        env.put("CLIP", tmp.resolve("nowhere.mp4").toString());
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v1.0.0");

        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("CLIP '" + tmp.resolve("nowhere.mp4") + "' does not exist"), run.output());
    }

    @Test
    void theBuiltTemplateStillParsesAndNamesAHandlerTheBuiltJarServes() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket", "v1.2.3");
        assertEquals(0, run.exit(), run.output());

        CfnTemplate built = CfnTemplate.load(out.resolve("live-streaming-on-aws.yaml"));
        String handler = (String) built.properties("CustomResourceFunction").get("Handler");
        String className = handler.substring(0, handler.indexOf("::"));
        URL lambdaCore =
                RequestStreamHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {out.resolve("live-streaming-on-aws.jar").toUri().toURL(), lambdaCore},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(className, false, loader);
            assertEquals(loader, type.getClassLoader(), "the handler must come from the built jar");
            Class<?> contract = loader.loadClass(RequestStreamHandler.class.getName());
            assertTrue(contract.isAssignableFrom(type), className + " does not implement RequestStreamHandler");
        }
    }

    @Test
    void printsTheUploadCommandForTheRegionalBucketAndVersion() throws Exception {
        Map<String, String> env = prebuilt();
        env.put("AWS_REGION", "eu-west-1");
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v1.2.3");

        assertEquals(0, run.exit(), run.output());
        assertTrue(
                run.output()
                        .contains("aws s3 sync \"" + out.toRealPath() + "/\" "
                                + "\"s3://my-code-bucket-eu-west-1/live-streaming-on-aws/v1.2.3/\""),
                run.output());
        assertTrue(run.output()
                .contains(out.toRealPath().resolve("live-streaming-on-aws.yaml").toString()));
    }

    @Test
    void rendersTheArchitecturePictureOrSaysItSkippedIt() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket", "v1.2.3");

        assertEquals(0, run.exit(), run.output());
        if (BuildScript.onPath("dot")) {
            byte[] png = Files.readAllBytes(diagram);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
            assertTrue(Files.readString(tmp.resolve("architecture.svg")).contains("<svg"), "no SVG beside the PNG");
        } else {
            assertTrue(run.output().contains("skipped rendering"), run.output());
        }
    }

    @Test
    void missingArgumentsGetTheUsage() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket");

        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("usage: deployment/build-s3-dist.sh"), run.output());
        assertTrue(run.output().contains("expected BUCKET and VERSION"), run.output());
    }

    @Test
    void bucketNamesS3WouldRefuseAreRejected() throws Exception {
        for (String bucket : List.of("My_Bucket", "ab", "trailing-", "two..dots", "192.168.1.1")) {
            BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), bucket, "v1.0.0");
            assertNotEquals(0, run.exit(), bucket);
            assertTrue(run.output().contains("BUCKET '" + bucket + "' is not a valid bucket base name"), run.output());
        }
        assertFalse(Files.exists(out), "nothing is written for a bad name");
    }

    @Test
    void versionsWithSlashesAreRejected() throws Exception {
        BuildScript.Run run = BuildScript.run(prebuilt(), "--out", out.toString(), "my-code-bucket", "v1/2");

        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("VERSION 'v1/2' is not valid"), run.output());
    }

    @Test
    void aJarWithoutTheTemplatesHandlerIsRefused() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-classes"));
        Files.writeString(empty.resolve("readme.txt"), "nothing here");
        Map<String, String> env = prebuilt();
        env.put("JAR", BuildScript.jarOf(empty, tmp.resolve("empty.jar")).toString());
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v1.0.0");

        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("does not contain com/amazonaws/livestreaming/Handler.class"), run.output());
    }

    @Test
    void missingConsoleSourcesFailClearly() throws Exception {
        Map<String, String> env = prebuilt();
        env.remove("SKIP_CONSOLE_BUILD");
        env.remove("CONSOLE_DIST");
        env.put(
                "CONSOLE_DIR",
                Files.createDirectories(tmp.resolve("no-console")).toString());
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v1.0.0");

        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("the console sources are missing: no package.json in"), run.output());
    }

    @Test
    void buildsTheRealConsoleWhenItsDependenciesAreInstalled() throws Exception {
        assumeTrue(
                Files.isDirectory(Path.of("console", "node_modules")),
                "console/node_modules is not installed (npm ci --prefix console)");
        Map<String, String> env = prebuilt();
        env.remove("SKIP_CONSOLE_BUILD");
        env.remove("CONSOLE_DIST");
        BuildScript.Run run = BuildScript.run(env, "--out", out.toString(), "my-code-bucket", "v1.0.0");

        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.isRegularFile(out.resolve("console/index.html")));
    }

    private Map<String, String> prebuilt() {
        Map<String, String> env = new HashMap<>();
        env.put("SKIP_JAR_BUILD", "1");
        env.put("JAR", jar.toString());
        env.put("SKIP_CONSOLE_BUILD", "1");
        env.put("CONSOLE_DIST", consoleDist.toString());
        env.put("DIAGRAM_OUT", diagram.toString());
        env.put("SKIP_CLIP_BUILD", "1");
        env.put("CLIP", clip.toString());
        return env;
    }
}
