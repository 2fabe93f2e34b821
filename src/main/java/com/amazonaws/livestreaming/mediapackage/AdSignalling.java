package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Redaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.mediapackage.model.AdMarkers;
import software.amazon.awssdk.services.mediapackage.model.AdTriggersElement;
import software.amazon.awssdk.services.mediapackage.model.AdsOnDeliveryRestrictions;
import software.amazon.awssdk.services.mediapackage.model.PeriodTriggersElement;

/**
 * How one origin endpoint turns the SCTE-35 messages MediaLive passes through into ad signals that a server-side
 * ad inserter (MediaTailor) or a player can act on. MediaPackage (v1) offers these on HLS, CMAF and DASH; Smooth
 * Streaming has none.
 *
 * <ul>
 *   <li>{@code AdMarkers} (HLS, CMAF): how the manifest marks a break. Absent means {@code NONE}, MediaPackage's
 *       own default. {@code SCTE35_ENHANCED} writes {@code EXT-X-CUE-OUT}/{@code EXT-X-CUE-IN}, the markers
 *       MediaTailor reads; {@code DATERANGE} is placed against the program date-time tags every HLS and CMAF
 *       manifest carries ({@link PackagingSettings#programDateTimeIntervalSeconds()}).</li>
 *   <li>{@code PeriodTriggers} (DASH): {@code ADS} starts a new period at every ad marker, the multi-period MPD
 *       MediaTailor replaces periods in; absent means one period.</li>
 *   <li>{@code AdTriggers} (HLS, CMAF, DASH): which SCTE-35 message types count as ads; absent means
 *       MediaPackage's default set.</li>
 *   <li>{@code AdsOnDeliveryRestrictions} (HLS, CMAF, DASH): which delivery-restriction flags make a message an
 *       ad; absent means {@code RESTRICTED}, MediaPackage's default.</li>
 * </ul>
 *
 * <p>Every request for an HLS, CMAF or DASH endpoint carries all of its settings, defaults included: an update
 * that left one out would keep whatever the endpoint had before, so a removed property must be sent as its
 * default to take effect.
 */
record AdSignalling(
        AdMarkers adMarkers,
        List<AdTriggersElement> adTriggers,
        AdsOnDeliveryRestrictions adsOnDeliveryRestrictions,
        List<PeriodTriggersElement> periodTriggers) {
    static final String AD_MARKERS = "AdMarkers";
    static final String AD_TRIGGERS = "AdTriggers";
    static final String ADS_ON_DELIVERY_RESTRICTIONS = "AdsOnDeliveryRestrictions";
    static final String PERIOD_TRIGGERS = "PeriodTriggers";
    static final Set<String> PROPERTIES =
            Set.of(AD_MARKERS, AD_TRIGGERS, ADS_ON_DELIVERY_RESTRICTIONS, PERIOD_TRIGGERS);

    /** The message types MediaPackage treats as ads when none are chosen (its user guide, "SCTE-35 options"). */
    static final List<AdTriggersElement> DEFAULT_AD_TRIGGERS = List.of(
            AdTriggersElement.SPLICE_INSERT,
            AdTriggersElement.PROVIDER_ADVERTISEMENT,
            AdTriggersElement.DISTRIBUTOR_ADVERTISEMENT,
            AdTriggersElement.PROVIDER_PLACEMENT_OPPORTUNITY,
            AdTriggersElement.DISTRIBUTOR_PLACEMENT_OPPORTUNITY);

    AdSignalling {
        adTriggers = List.copyOf(adTriggers);
        periodTriggers = List.copyOf(periodTriggers);
    }

    static AdSignalling from(Properties properties, EndpointType type) {
        boolean hlsManifests = type == EndpointType.HLS || type == EndpointType.CMAF;
        onlyFor(properties, type, AD_MARKERS, hlsManifests, "HLS and CMAF");
        onlyFor(properties, type, PERIOD_TRIGGERS, type == EndpointType.DASH, "DASH");
        onlyFor(properties, type, AD_TRIGGERS, type != EndpointType.MSS, "HLS, CMAF and DASH");
        onlyFor(properties, type, ADS_ON_DELIVERY_RESTRICTIONS, type != EndpointType.MSS, "HLS, CMAF and DASH");
        AdMarkers markers =
                AdMarkers.fromValue(properties.oneOf(AD_MARKERS, names(AdMarkers.values()), AdMarkers.NONE.toString()));
        List<AdTriggersElement> triggers = !properties.list(AD_TRIGGERS).isEmpty()
                ? listOf(properties, AD_TRIGGERS, AdTriggersElement.values(), AdTriggersElement::fromValue)
                : DEFAULT_AD_TRIGGERS;
        AdsOnDeliveryRestrictions restrictions = AdsOnDeliveryRestrictions.fromValue(properties.oneOf(
                ADS_ON_DELIVERY_RESTRICTIONS,
                names(AdsOnDeliveryRestrictions.values()),
                AdsOnDeliveryRestrictions.RESTRICTED.toString()));
        List<PeriodTriggersElement> periods =
                listOf(properties, PERIOD_TRIGGERS, PeriodTriggersElement.values(), PeriodTriggersElement::fromValue);
        return new AdSignalling(markers, triggers, restrictions, periods);
    }

    private static void onlyFor(Properties properties, EndpointType type, String name, boolean applies, String types) {
        if (!applies && !properties.list(name).isEmpty()) {
            throw new InvalidPropertyException(
                    name,
                    name + " applies to " + types + " endpoints only; remove it" + " from this " + type + " endpoint");
        }
    }

    /** A comma-separated list of the enum's values, each checked; the error names the allowed values. */
    private static <E extends Enum<E>> List<E> listOf(
            Properties properties, String name, E[] values, Function<String, E> parse) {
        List<String> allowed = names(values);
        List<E> parsed = new ArrayList<>();
        for (String value : properties.list(name)) {
            if (!allowed.contains(value)) {
                throw new InvalidPropertyException(
                        name,
                        name + " has '" + Redaction.shorten(value, 64)
                                + "'; allowed values: "
                                + String.join(", ", allowed));
            }
            E element = parse.apply(value);
            if (!parsed.contains(element)) {
                parsed.add(element);
            }
        }
        return parsed;
    }

    /** The values MediaPackage's model defines, in its order, without the SDK's "unknown" placeholder. */
    private static <E extends Enum<E>> List<String> names(E[] values) {
        return Arrays.stream(values)
                .map(Object::toString)
                .filter(v -> !v.equals("null"))
                .toList();
    }
}
