package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** cfn-lint checks the template against CloudFormation's resource schemas; it must find nothing. */
class CfnLintTest {
    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("cfn-lint", CfnTemplate.PATH.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            fail("cfn-lint is not installed (pip install cfn-lint); it is needed to check "
                    + CfnTemplate.PATH + ": " + notInstalled.getMessage());
            return;
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 3 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "cfn-lint found problems:\n" + output);
    }
}
