package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The Python tools the tests use, cfn-lint and botocore's official AWS API models, all from one virtual
 * environment with pinned versions: the folder {@value #VARIABLE} names, or {@code .venv} in the repository.
 * One place, so a test never picks up whatever Python happens to be first on the PATH, and a missing venv fails
 * with the command that makes it ({@value #SETUP}) rather than with a confusing import error.
 */
public final class PythonTools {
    /** The environment variable that names the venv folder. */
    public static final String VARIABLE = "LIVE_STREAMING_VENV";
    /** The command that makes the venv with the pinned versions of .ci/python-requirements.txt. */
    public static final String SETUP = "bash .ci/python-venv.sh";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path botocore;

    private PythonTools() {}

    /** The venv folder: {@code $LIVE_STREAMING_VENV}, or {@code .venv} in the working directory (the repository). */
    public static Path venv() {
        String configured = System.getenv(VARIABLE);
        return (configured == null || configured.isBlank() ? Path.of(".venv") : Path.of(configured)).toAbsolutePath();
    }

    /** The venv's python. */
    public static Path python() {
        return tool("python");
    }

    /** The command line that runs the venv's cfn-lint with {@code args}. */
    public static List<String> cfnLint(String... args) {
        List<String> command = new ArrayList<>();
        command.add(tool("cfn-lint").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** botocore's version, e.g. {@code 1.43.11}. */
    public static String botocoreVersion() {
        return runPython("import botocore; print(botocore.__version__)");
    }

    /** botocore's {@code data/} folder, which holds a {@code <service>/<api-version>/service-2.json(.gz)} per service. */
    public static synchronized Path botocoreData() {
        if (botocore == null) {
            botocore = Path.of(runPython("import botocore, os; print(os.path.dirname(botocore.__file__))"))
                    .resolve("data");
        }
        return botocore;
    }

    /**
     * The newest API version of a service's official model, e.g. {@code serviceModel("medialive")}; its
     * {@code shapes} and {@code operations} are what the service's API accepts.
     */
    public static JsonNode serviceModel(String service) {
        Path folder = botocoreData().resolve(service);
        try (Stream<Path> versions = Files.list(folder)) {
            Path newest = versions.filter(Files::isDirectory)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IOException("no API version under " + folder));
            Path gz = newest.resolve("service-2.json.gz");
            Path plain = newest.resolve("service-2.json");
            try (InputStream in =
                    Files.exists(gz) ? new GZIPInputStream(Files.newInputStream(gz)) : Files.newInputStream(plain)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            return fail("botocore has no readable " + service + " model under " + folder + ": " + e);
        }
    }

    private static Path tool(String name) {
        Path tool = venv().resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            return fail(tool + " does not exist: the tests take cfn-lint and botocore from a Python venv (" + VARIABLE
                    + ", default .venv in the repository). Make it with: " + SETUP);
        }
        return tool;
    }

    private static String runPython(String code) {
        Path python = python();
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", code)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail(python + " -c '" + code + "' failed (is botocore installed? run " + SETUP + "): " + output);
            }
            return output;
        } catch (IOException e) {
            return fail("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + python);
        }
    }
}
