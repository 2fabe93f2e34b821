package com.amazonaws.livestreaming.mediapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediapackage.model.AdMarkers;
import software.amazon.awssdk.services.mediapackage.model.AdTriggersElement;
import software.amazon.awssdk.services.mediapackage.model.AdsOnDeliveryRestrictions;
import software.amazon.awssdk.services.mediapackage.model.PeriodTriggersElement;

class AdSignallingTest {
    private static AdSignalling read(EndpointType type, Map<String, String> values) {
        return AdSignalling.from(Properties.of(values), type);
    }

    private static String reason(EndpointType type, Map<String, String> values) {
        return assertThrows(InvalidPropertyException.class, () -> read(type, values))
                .getMessage();
    }

    @Test
    void withoutPropertiesAnEndpointWritesNoAdMarkersAndKeepsMediaPackagesDefaults() {
        AdSignalling none = read(EndpointType.HLS, Map.of());

        assertEquals(
                new AdSignalling(
                        AdMarkers.NONE,
                        AdSignalling.DEFAULT_AD_TRIGGERS,
                        AdsOnDeliveryRestrictions.RESTRICTED,
                        List.of()),
                none);
    }

    @Test
    void adTriggersAreReadAsACommaSeparatedListWithoutRepeats() {
        assertEquals(
                List.of(AdTriggersElement.SPLICE_INSERT, AdTriggersElement.BREAK),
                read(EndpointType.DASH, Map.of("AdTriggers", "SPLICE_INSERT, BREAK,SPLICE_INSERT"))
                        .adTriggers());
    }

    @Test
    void dashStartsANewPeriodAtEachAdWhenPeriodTriggersSaysAds() {
        assertEquals(
                List.of(PeriodTriggersElement.ADS),
                read(EndpointType.DASH, Map.of("PeriodTriggers", "ADS")).periodTriggers());
    }

    @Test
    void unknownAdMarkersFailWithMediaPackagesChoices() {
        assertEquals(
                "AdMarkers is 'CUE'; allowed values: NONE, SCTE35_ENHANCED, PASSTHROUGH, DATERANGE",
                reason(EndpointType.HLS, Map.of("AdMarkers", "CUE")));
    }

    @Test
    void unknownAdTriggerFailsNamingTheValueAndTheChoices() {
        assertEquals(
                "AdTriggers has 'SPLICE'; allowed values: SPLICE_INSERT, BREAK, PROVIDER_ADVERTISEMENT, "
                        + "DISTRIBUTOR_ADVERTISEMENT, PROVIDER_PLACEMENT_OPPORTUNITY, DISTRIBUTOR_PLACEMENT_OPPORTUNITY, "
                        + "PROVIDER_OVERLAY_PLACEMENT_OPPORTUNITY, DISTRIBUTOR_OVERLAY_PLACEMENT_OPPORTUNITY",
                reason(EndpointType.CMAF, Map.of("AdTriggers", "SPLICE")));
    }

    @Test
    void unknownDeliveryRestrictionFails() {
        assertEquals(
                "AdsOnDeliveryRestrictions is 'SOME'; allowed values: NONE, RESTRICTED, UNRESTRICTED, BOTH",
                reason(EndpointType.HLS, Map.of("AdsOnDeliveryRestrictions", "SOME")));
    }

    @Test
    void adMarkersOnADashEndpointFailBecauseDashSignalsAdsWithPeriods() {
        assertEquals(
                "AdMarkers applies to HLS and CMAF endpoints only; remove it from this DASH endpoint",
                reason(EndpointType.DASH, Map.of("AdMarkers", "SCTE35_ENHANCED")));
    }

    @Test
    void periodTriggersOnAnHlsEndpointFail() {
        assertEquals(
                "PeriodTriggers applies to DASH endpoints only; remove it from this HLS endpoint",
                reason(EndpointType.HLS, Map.of("PeriodTriggers", "ADS")));
    }

    @Test
    void smoothStreamingHasNoAdSettingsAtAll() {
        assertEquals(
                "AdTriggers applies to HLS, CMAF and DASH endpoints only; remove it from this MSS endpoint",
                reason(EndpointType.MSS, Map.of("AdTriggers", "SPLICE_INSERT")));
    }
}
