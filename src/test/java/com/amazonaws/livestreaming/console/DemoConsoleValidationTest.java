package com.amazonaws.livestreaming.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.livestreaming.Managers;
import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DemoConsoleValidationTest {
    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    /** The refusal of a Create with {@code properties}. */
    private InvalidPropertyException refused(Map<String, Object> properties) {
        return assertThrows(
                InvalidPropertyException.class,
                () -> new DemoConsoleManager(wire.clients())
                        .create(
                                Requests.create("DemoConsole", properties),
                                Requests.invocation().invocation()));
    }

    @Test
    void aDestinationBucketThatIsNoBucketNameFailsBeforeAnyCall() {
        Map<String, Object> properties = DemoConsoleWireTest.properties("Demo_Bucket");

        InvalidPropertyException e = refused(properties);

        assertEquals(
                "DestinationBucket is 'Demo_Bucket'; it must be an S3 bucket name (3-63 lower-case letters, "
                        + "digits, dots and hyphens)",
                e.getMessage());
        assertEquals(0, wire.calls().size());
    }

    @Test
    void aMissingSourcePrefixIsNamed() {
        Map<String, Object> properties = DemoConsoleWireTest.properties("demo-bucket");
        properties.remove("SourcePrefix");

        InvalidPropertyException e = refused(properties);

        assertEquals("SourcePrefix is required", e.getMessage());
    }

    @Test
    void aRegionThatIsNoRegionIsNamedBeforeAnyCall() {
        Map<String, Object> properties = DemoConsoleWireTest.properties("demo-bucket");
        properties.put("Region", "Europe");

        InvalidPropertyException e = refused(properties);

        assertEquals("Region is 'Europe'; it must be an AWS region such as us-east-1", e.getMessage());
        assertEquals(0, wire.calls().size());
    }

    @Test
    void theKindIsRegisteredUnderItsTemplateName() {
        assertTrue(Managers.standard(wire.clients())
                .find("DemoConsole")
                .filter(DemoConsoleManager.class::isInstance)
                .isPresent());
    }
}
