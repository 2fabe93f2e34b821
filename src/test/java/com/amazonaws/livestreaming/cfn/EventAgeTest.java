package com.amazonaws.livestreaming.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The age of an event comes from its ResponseURL's signing time; CloudFormation's wait from ServiceTimeout. */
class EventAgeTest {
    @Test
    void theSigningTimeIsTheResponseUrlsAmzDate() {
        assertEquals(
                Optional.of(Instant.parse("2026-11-30T06:44:00Z")),
                EventAge.signedAt("https://bucket.s3.amazonaws.com/arn%3Aaws/response?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Date=20261130T064400Z&X-Amz-Expires=7200&X-Amz-Signature=abc"));
    }

    @Test
    void aUrlWithoutAmzDateHasNoKnownAge() {
        assertEquals(Optional.empty(), EventAge.signedAt("https://bucket.s3.amazonaws.com/r?Expires=1&Signature=x"));
    }

    @Test
    void withoutServiceTimeoutCloudFormationWaitsAnHour() {
        assertEquals(Duration.ofHours(1), EventAge.wait(Properties.of(Map.of("Type", "RTMP_PUSH"))));
        assertEquals(Duration.ofSeconds(960), EventAge.wait(Properties.of(Map.of("ServiceTimeout", "960"))));
    }
}
