package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DocsCheck} fails on what a broken doc really looks like, naming the file, the line and what is wrong: each
 * test writes a small repository with one mistake and expects exactly that problem, and the same page without the
 * mistake passes.
 */
class DocsCheckTest {
    private static MavenFacts maven;

    @TempDir
    Path repo;

    @BeforeAll
    static void askMaven() {
        maven = MavenFacts.ask(Path.of("pom.xml"));
    }

    @Test
    void aLinkToAMissingFileFailsWithItsLine() throws IOException {
        write("docs/ok.md", "# Ok\n");

        assertEquals(
                List.of("README.md:3: link docs/gone.md: docs/gone.md does not exist"),
                problems("# Title\n\nSee [the page](docs/gone.md) and [this one](docs/ok.md).\n"));
    }

    @Test
    void anAnchorNoHeadingHasFails() throws IOException {
        write("docs/ops.md", "# Operations\n\n## Updating a running stack: what interrupts the stream\n");

        assertEquals(
                List.of("README.md:1: link docs/ops.md#updating: docs/ops.md has no heading with the anchor"
                        + " #updating"),
                problems(
                        "[x](docs/ops.md#updating) [y](docs/ops.md#updating-a-running-stack-what-interrupts-the-stream)"
                                + " [z](#title)\n\n# Title\n"));
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("low-latency-packager-v2", MarkdownDoc.slug("Low latency: `Packager` v2"));
        assertEquals(
                "medialive-input-custommedialiveinput", MarkdownDoc.slug("MediaLive input (`Custom::MediaLiveInput`)"));
        assertEquals("data-getatt", MarkdownDoc.slug("Data (`!GetAtt`)"));
        assertEquals("cdn-authorization--mediatailor", MarkdownDoc.slug("CDN authorization & MediaTailor"));
        assertEquals("single_pipeline-channels", MarkdownDoc.slug("`SINGLE_PIPELINE` channels"));
        assertEquals("see-the-page", MarkdownDoc.slug("See [the page](other.md)"));
        assertEquals(
                List.of("tests", "tests-1", "tests-2"),
                List.copyOf(MarkdownDoc.parse(repo.resolve("x.md"), "# Tests\n## Tests\n### Tests\n")
                        .anchors()));
    }

    @Test
    void linksInsideCodeAreNotLinks() throws IOException {
        assertEquals(
                List.of(), problems("`[not a link](gone.md)`\n\n```\n[nor this](gone.md)\n# nor a heading\n```\n"));
    }

    @Test
    void anUnknownMavenOptionPhaseOrPropertyFails() throws IOException {
        assertEquals(
                List.of(
                        "README.md:2: mvn option --offlin does not exist (see mvn --help)   [mvn --offlin verify]",
                        "README.md:3: mvn verfy is not a lifecycle phase   [mvn -B verfy]",
                        "README.md:4: mvn -DskipTest: no plugin of this build (nor Maven) reads skipTest"
                                + "   [mvn -B -DskipTest package]"),
                problems(
                        "```bash\nmvn --offlin verify\nmvn -B verfy\nmvn -B -DskipTest package\n"
                                + "mvn -B -o -q test -Dtest=SomeTest -Dsurefire.failIfNoSpecifiedTests=false -DskipTests\n```\n"));
    }

    @Test
    void anOptionTheJarDoesNotKnowFails() throws IOException {
        List<String> problems = problems("Run `java -jar live-streaming-on-aws.jar validate --packagr v2 my.json`,\n"
                + "`java -jar target/live-streaming-on-aws.jar check x.json` and\n"
                + "`java -jar live-streaming-on-aws.jar render --profile 720p --packager v2`.\n");

        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(
                problems.get(0)
                        .startsWith("README.md:1: validate has no option --packagr (its --help lists" + " --packager)"),
                problems.get(0));
        assertTrue(
                problems.get(1)
                        .startsWith("README.md:2: java -jar live-streaming-on-aws.jar has no command 'check'"
                                + " (its --help lists invoke, validate, render)"),
                problems.get(1));
    }

    @Test
    void aRenderLineThatDoesNotRenderFails() throws IOException {
        List<String> problems =
                problems("```\njava -jar live-streaming-on-aws.jar render --input-type RTSP_PUSH\n```\n");

        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(
                problems.get(0)
                        .startsWith("README.md:2: render --input-type RTSP_PUSH exits 1: InputType is"
                                + " 'RTSP_PUSH'; allowed values:"),
                problems.get(0));
    }

    @Test
    void aMissingOrNotExecutableScriptFails() throws IOException {
        write("deployment/build.sh", "#!/bin/sh\n");
        write("deployment/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(repo.resolve("deployment/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(
                List.of(
                        "README.md:1: script deployment/gone.sh does not exist   [deployment/gone.sh BUCKET]",
                        "README.md:2: script deployment/build.sh is not executable (git update-index --chmod=+x"
                                + " deployment/build.sh)   [SKIP=1 bash deployment/build.sh]"),
                problems("`deployment/gone.sh BUCKET`\n`SKIP=1 bash deployment/build.sh` `deployment/run.sh`\n"));
    }

    @Test
    void aPathInCodeThatDoesNotExistFails() throws IOException {
        write("deployment/architecture.dot", "");

        assertEquals(
                List.of("README.md:1: deployment/architecture.gv does not exist in the repository"),
                problems("`deployment/architecture.gv` `deployment/architecture.dot` `deployment/dist/`\n"));
    }

    @Test
    void anNpmScriptThePackageLacksFails() throws IOException {
        assertEquals(
                List.of("README.md:1: npm script 'screenshot' is not in console/package.json (it has build, test,"
                        + " screenshots)   [npm run screenshot]"),
                problems("`npm run screenshot`, `npm run screenshots`, `npm test`, `npm ci`\n"));
    }

    @Test
    void aParameterOrResourceTheTemplateLacksFails() throws IOException {
        List<String> problems = problems("```bash\n"
                + "aws cloudformation deploy --stack-name s --template-file deployment/dist/t.yaml \\\n"
                + "    --parameter-overrides InputTyp=URL_PULL ChannelStart=Maybe CdnIdentifierVersionId=\n"
                + "X=$(aws cloudformation describe-stack-resource --stack-name s --logical-resource-id Secret)\n"
                + "```\n");

        assertEquals(
                List.of(
                        "README.md:2: the template has no parameter InputTyp   [aws cloudformation deploy --stack-name s"
                                + " --template-file deployment/dist/t.yaml --parameter-overrides InputTyp=URL_PULL"
                                + " ChannelStart=Maybe CdnIdentifierVersionId=]",
                        "README.md:2: parameter ChannelStart does not allow 'Maybe' (allowed: Yes, No)   [aws cloudformation"
                                + " deploy --stack-name s --template-file deployment/dist/t.yaml --parameter-overrides"
                                + " InputTyp=URL_PULL ChannelStart=Maybe CdnIdentifierVersionId=]",
                        "README.md:4: the template has no resource Secret   [aws cloudformation describe-stack-resource"
                                + " --stack-name s --logical-resource-id Secret]"),
                problems);
    }

    private List<String> problems(String readme) throws IOException {
        write("README.md", readme);
        DocCommands commands = new DocCommands(
                repo, maven, DocCommands.npmScripts(Path.of("console/package.json")), CfnTemplate.load());
        return new DocsCheck(repo, commands).problems(DocsCheck.docs(repo));
    }

    private void write(String name, String text) throws IOException {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
