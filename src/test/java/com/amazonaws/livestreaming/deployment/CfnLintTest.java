package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.testing.PythonTools;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint checks the template against CloudFormation's resource schemas; it must find nothing. It is the venv's
 * pinned cfn-lint (see {@link PythonTools}), so a newer linter elsewhere on the machine changes nothing here.
 */
class CfnLintTest {
    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        Process process = new ProcessBuilder(PythonTools.cfnLint(CfnTemplate.PATH.toString()))
                .redirectErrorStream(true).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 3 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "cfn-lint found problems:\n" + output);
    }
}
