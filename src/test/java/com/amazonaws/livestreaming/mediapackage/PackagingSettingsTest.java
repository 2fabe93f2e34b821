package com.amazonaws.livestreaming.mediapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackagingSettingsTest {
    private static PackagingSettings settings(EndpointType type, Map<String, String> values) {
        return PackagingSettings.from(Properties.of(values), type);
    }

    private static String reason(EndpointType type, Map<String, String> values) {
        return assertThrows(InvalidPropertyException.class, () -> settings(type, values))
                .getMessage();
    }

    @Test
    void eachTypeDefaultsToItsLiveSegmentLengthAndAOneMinuteWindow() {
        assertEquals(
                new PackagingSettings(EndpointType.HLS, 6, 60, Optional.empty(), Optional.empty()),
                settings(EndpointType.HLS, Map.of()));
        assertEquals(
                new PackagingSettings(EndpointType.DASH, 2, 60, Optional.empty(), Optional.empty()),
                settings(EndpointType.DASH, Map.of()));
        assertEquals(
                new PackagingSettings(EndpointType.MSS, 2, 60, Optional.empty(), Optional.empty()),
                settings(EndpointType.MSS, Map.of()));
        assertEquals(
                new PackagingSettings(EndpointType.CMAF, 6, 60, Optional.empty(), Optional.empty()),
                settings(EndpointType.CMAF, Map.of()));
    }

    @Test
    void defaultWindowGrowsToHoldThreeLongSegments() {
        assertEquals(
                90, settings(EndpointType.HLS, Map.of("SegmentLength", "30")).windowSeconds());
    }

    @Test
    void windowShorterThanThreeSegmentsFailsNamingBothProperties() {
        assertEquals(
                "WindowSeconds is 12; with SegmentLength 6 it must be from 18 (three segments) to 300",
                reason(EndpointType.HLS, Map.of("WindowSeconds", "12")));
    }

    @Test
    void windowLongerThanMediaPackagesLiveManifestLimitFails() {
        assertEquals(
                "WindowSeconds is 600; it must be from 1 to 300",
                reason(EndpointType.DASH, Map.of("WindowSeconds", "600")));
    }

    @Test
    void segmentLengthThatIsNotAWholeNumberFailsNamingTheRange() {
        assertEquals(
                "SegmentLength is '2.5'; it must be a whole number from 1 to 30",
                reason(EndpointType.DASH, Map.of("SegmentLength", "2.5")));
    }

    @Test
    void startoverWindowBeyondFourteenDaysFails() {
        assertEquals(
                "StartoverWindowSeconds is 1209601; it must be from 1 to 1209600",
                reason(EndpointType.HLS, Map.of("StartoverWindowSeconds", "1209601")));
    }

    @Test
    void timeDelayBelowMediaPackagesMinimumFails() {
        assertEquals(
                "TimeDelaySeconds is 2; it must be from 5 to 86400",
                reason(EndpointType.HLS, Map.of("TimeDelaySeconds", "2")));
    }

    @Test
    void timeDelayMustBeShorterThanTheStartoverWindow() {
        assertEquals(
                "TimeDelaySeconds is 600; it must be less than StartoverWindowSeconds (300)",
                reason(EndpointType.HLS, Map.of("TimeDelaySeconds", "600", "StartoverWindowSeconds", "300")));
    }

    @Test
    void dashPresentationDelayIsFiveSegmentsButNeverBeyondTheWindow() {
        PackagingSettings dash = settings(EndpointType.DASH, Map.of());
        assertEquals(10, dash.suggestedPresentationDelaySeconds());
        assertEquals(6, dash.minBufferTimeSeconds());
        assertEquals(2, dash.minUpdatePeriodSeconds());
        assertEquals(
                12,
                settings(EndpointType.DASH, Map.of("SegmentLength", "4", "WindowSeconds", "12"))
                        .suggestedPresentationDelaySeconds());
    }

    @Test
    void hlsManifestsCarryAProgramDateTimeTagPerSegment() {
        assertEquals(6, settings(EndpointType.HLS, Map.of()).programDateTimeIntervalSeconds());
        assertEquals(
                4, settings(EndpointType.CMAF, Map.of("SegmentLength", "4")).programDateTimeIntervalSeconds());
    }
}
