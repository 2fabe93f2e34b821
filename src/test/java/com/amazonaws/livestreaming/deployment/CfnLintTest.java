package com.amazonaws.livestreaming.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.testing.PythonTools;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cfn-lint checks the template against CloudFormation's resource schemas; it must find nothing, for the template as
 * a whole (every branch of every condition, with the defaults, Packager v1) and for a Packager v2 stack (cfn-lint
 * then resolves the conditions for those parameter values). Each run takes several seconds, so there are two.
 * It is the venv's pinned cfn-lint (see {@link PythonTools}), so a newer linter elsewhere on the machine changes
 * nothing here.
 */
class CfnLintTest {
    @ParameterizedTest(name = "cfn-lint {0}")
    @ValueSource(
            strings = {
                "",
                "Packager=v2 InputType=RTMP_PUSH InputCIDR=203.0.113.7/32 ChannelClass=STANDARD DeployDemoConsole=No"
            })
    void cfnLintFindsNothingInTheTemplate(String parameters) throws Exception {
        List<String> command = new ArrayList<>(PythonTools.cfnLint(CfnTemplate.PATH.toString()));
        if (!parameters.isEmpty()) {
            command.add("--parameters");
            command.addAll(List.of(parameters.split(" ")));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 3 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "cfn-lint found problems with " + command + ":\n" + output);
    }
}
