package com.amazonaws.livestreaming.houserules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.filters.SuppressionsLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's Checkstyle rules (config/checkstyle.xml with its suppressions, as `mvn verify` runs them) fail on a file
 * that breaks a house rule and pass on one that keeps them.
 */
class CheckstyleRulesTest {
    private static final Path CONFIG = Paths.get("config/checkstyle.xml");
    private static final Path SUPPRESSIONS = Paths.get("config/checkstyle-suppressions.xml");
    private static final String MAIN = "src/main/java/com/amazonaws/livestreaming/";

    @TempDir
    Path repo;

    @Test
    void aFileThatKeepsTheRulesPasses() throws Exception {
        assertEquals(List.of(), violations(MAIN + "medialive/Good.java", """
                package com.amazonaws.livestreaming.medialive;

                import java.util.List;

                final class Good {
                    private static final int MAX_TRIES = 3;

                    int count(List<String> names) {
                        try {
                            return Integer.parseInt(names.get(0)) + MAX_TRIES;
                        } catch (NumberFormatException e) {
                            // not a number: count none
                        }
                        return 0;
                    }
                }
                """));
    }

    @Test
    void starImportFails() throws Exception {
        assertEquals(List.of("AvoidStarImport"), violations(MAIN + "medialive/Bad.java", """
                package com.amazonaws.livestreaming.medialive;

                import java.util.*;

                final class Bad {
                    List<String> names;
                }
                """));
    }

    @Test
    void unusedImportFails() throws Exception {
        assertEquals(List.of("UnusedImports"), violations(MAIN + "medialive/Bad.java", """
                package com.amazonaws.livestreaming.medialive;

                import java.util.List;

                final class Bad {
                }
                """));
    }

    @Test
    void nettyOrApacheHttpClientImportFails() throws Exception {
        assertEquals(List.of("IllegalImport", "IllegalImport"), violations(MAIN + "aws/Bad.java", """
                package com.amazonaws.livestreaming.aws;

                import io.netty.channel.Channel;
                import software.amazon.awssdk.http.apache.ApacheHttpClient;

                final class Bad {
                    Channel channel;
                    ApacheHttpClient client;
                }
                """));
    }

    @Test
    void printingOutsideTheCommandLineFails() throws Exception {
        String source = """
                package com.amazonaws.livestreaming.%s;

                final class Printer {
                    void print(Exception e) {
                        System.out.println("hello");
                        e.printStackTrace();
                    }
                }
                """;
        assertEquals(
                List.of("RegexpSinglelineJava", "RegexpSinglelineJava"),
                violations(MAIN + "medialive/Printer.java", source.formatted("medialive")));
        assertEquals(List.of(), violations(MAIN + "cli/Printer.java", source.formatted("cli")));
    }

    @Test
    void twoTopLevelTypesInOneFileFail() throws Exception {
        assertEquals(List.of("OneTopLevelClass", "OuterTypeNumber"), violations(MAIN + "cfn/Pair.java", """
                package com.amazonaws.livestreaming.cfn;

                final class Pair {
                }

                record Other(String name) {
                }
                """));
    }

    @Test
    void emptyCatchBlockWithoutACommentFails() throws Exception {
        assertEquals(List.of("EmptyCatchBlock"), violations(MAIN + "cfn/Quiet.java", """
                package com.amazonaws.livestreaming.cfn;

                final class Quiet {
                    void run(Runnable task) {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                        }
                    }
                }
                """));
    }

    @Test
    void namesAgainstJavaConventionsFail() throws Exception {
        assertEquals(
                List.of("ConstantName", "MemberName", "MethodName", "TypeName"),
                violations(MAIN + "cfn/bad_name.java", """
                package com.amazonaws.livestreaming.cfn;

                final class bad_name {
                    static final int maxTries = 3;
                    int Count;

                    void Run() {
                    }
                }
                """));
    }

    @Test
    void todoCommentFails() throws Exception {
        assertEquals(List.of("TodoComment"), violations(MAIN + "cfn/Later.java", """
                package com.amazonaws.livestreaming.cfn;

                final class Later {
                    // TODO: retry
                }
                """));
    }

    /** The names of the checks that report on the file (sorted), as `mvn verify` would run them on it. */
    private List<String> violations(String relativePath, String source) throws IOException, CheckstyleException {
        Path file = repo.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Checker checker = new Checker();
        try {
            checker.setModuleClassLoader(Checker.class.getClassLoader());
            checker.configure(
                    ConfigurationLoader.loadConfiguration(CONFIG.toString(), new PropertiesExpander(new Properties())));
            checker.addFilter(SuppressionsLoader.loadSuppressions(SUPPRESSIONS.toString()));
            List<String> checks = new ArrayList<>();
            checker.addListener(new Collector(checks));
            checker.process(List.of(new File(file.toString())));
            return checks.stream().sorted().toList();
        } finally {
            checker.destroy();
        }
    }

    private record Collector(List<String> checks) implements AuditListener {
        @Override
        public void addError(AuditEvent event) {
            String source = event.getSourceName();
            checks.add(source.substring(source.lastIndexOf('.') + 1).replaceFirst("Check$", ""));
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            throw new AssertionError("Checkstyle could not check " + event.getFileName(), throwable);
        }

        @Override
        public void auditStarted(AuditEvent event) {}

        @Override
        public void auditFinished(AuditEvent event) {}

        @Override
        public void fileStarted(AuditEvent event) {}

        @Override
        public void fileFinished(AuditEvent event) {}
    }
}
