package com.amazonaws.livestreaming.mediapackage;

import static com.amazonaws.livestreaming.testing.BadInput.empty;
import static com.amazonaws.livestreaming.testing.BadInput.missing;
import static com.amazonaws.livestreaming.testing.BadInput.value;
import static com.amazonaws.livestreaming.testing.BadInput.valueWithReasonStarting;
import static com.amazonaws.livestreaming.testing.BadInput.values;

import com.amazonaws.livestreaming.testing.BadInput;
import com.amazonaws.livestreaming.testing.BadInputMatrix;
import com.amazonaws.livestreaming.testing.BadInputSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every property of {@code Custom::MediaPackageEndpoint}, wrong in every way: one FAILED answer, no AWS call. */
class MediaPackageEndpointBadInputTest extends BadInputSuite {
    private static final String KIND = "MediaPackageEndpoint";
    private static final String TYPES = "allowed values: HLS, DASH, MSS, CMAF";
    private static final Map<String, Object> VALID = Map.of("ChannelId", "demo-livestream", "EndPoint", "HLS");
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cdn-id-AbCdEf";
    private static final String ROLE = "arn:aws:iam::123456789012:role/MediaPackageSecrets";
    /** A DASH endpoint with every property it takes. */
    private static final Map<String, Object> TIMED = Map.ofEntries(
            Map.entry("ChannelId", "demo-livestream"),
            Map.entry("EndPoint", "DASH"),
            Map.entry("SegmentLength", "2"),
            Map.entry("WindowSeconds", "60"),
            Map.entry("StartoverWindowSeconds", "300"),
            Map.entry("TimeDelaySeconds", "10"),
            Map.entry("PeriodTriggers", "ADS"),
            Map.entry("AdTriggers", "SPLICE_INSERT,BREAK"),
            Map.entry("AdsOnDeliveryRestrictions", "RESTRICTED"),
            Map.entry("CdnIdentifierSecret", SECRET),
            Map.entry("SecretsRoleArn", ROLE));

    private static final Map<String, Object> HLS_ADS =
            Map.of("ChannelId", "demo-livestream", "EndPoint", "HLS", "AdMarkers", "SCTE35_ENHANCED");
    private static final String ID_RULE = "a MediaPackage id may contain only letters, digits, hyphens (-) and"
            + " underscores (_), 1 to 252 characters, leaving room for the endpoint suffix";

    MediaPackageEndpointBadInputTest() {
        super(KIND);
    }

    static Stream<BadInput> refused() {
        return Stream.concat(
                Stream.of(
                        missing(VALID, "ChannelId", "ChannelId is required"),
                        empty(VALID, "ChannelId", "ChannelId is required"),
                        value(
                                VALID,
                                "ChannelId",
                                "with a space",
                                "demo livestream",
                                "ChannelId is 'demo livestream'; " + ID_RULE),
                        value(VALID, "ChannelId", "non-ASCII", "kanal-ü", "ChannelId is 'kanal-ü'; " + ID_RULE),
                        value(
                                VALID,
                                "ChannelId",
                                "no room for -hls",
                                "c".repeat(253),
                                "ChannelId is '" + "c".repeat(61) + "...'; " + ID_RULE),
                        missing(VALID, "EndPoint", "EndPoint is required; " + TYPES),
                        empty(VALID, "EndPoint", "EndPoint is required; " + TYPES),
                        value(VALID, "EndPoint", "unknown", "RTSP", "EndPoint is 'RTSP'; " + TYPES),
                        value(VALID, "EndPoint", "lower case", "hls", "EndPoint is 'hls'; " + TYPES),
                        value(VALID, "EndPoint", "non-ASCII", "HLŠ", "EndPoint is 'HLŠ'; " + TYPES),
                        value(
                                TIMED,
                                "SegmentLength",
                                "non-numeric",
                                "six",
                                "SegmentLength is 'six'; it must be a whole number from 1 to 30"),
                        value(
                                TIMED,
                                "SegmentLength",
                                "a fraction",
                                "2.5",
                                "SegmentLength is '2.5'; it must be a whole number from 1 to 30"),
                        value(
                                TIMED,
                                "SegmentLength",
                                "a JSON fraction",
                                2.5,
                                "SegmentLength is '2.5'; it must be a whole number from 1 to 30"),
                        value(
                                TIMED,
                                "SegmentLength",
                                "non-ASCII digits",
                                "٦",
                                "SegmentLength is '٦'; it must be a whole number from 1 to 30"),
                        value(TIMED, "SegmentLength", "zero", "0", "SegmentLength is 0; it must be from 1 to 30"),
                        value(TIMED, "SegmentLength", "above 30", "31", "SegmentLength is 31; it must be from 1 to 30"),
                        value(
                                TIMED,
                                "SegmentLength",
                                "beyond an int",
                                "99999999999",
                                "SegmentLength is 99999999999; it must be from 1 to 30"),
                        value(
                                TIMED,
                                "WindowSeconds",
                                "non-numeric",
                                "sixty",
                                "WindowSeconds is 'sixty'; it must be a whole number from 1 to 300"),
                        value(
                                TIMED,
                                "WindowSeconds",
                                "above 300",
                                "301",
                                "WindowSeconds is 301; it must be from 1 to 300"),
                        value(
                                TIMED,
                                "WindowSeconds",
                                "under three segments",
                                "5",
                                "WindowSeconds is 5; with SegmentLength 2 it must be from 6 (three segments) to 300"),
                        value(
                                TIMED,
                                "StartoverWindowSeconds",
                                "non-numeric",
                                "1d",
                                "StartoverWindowSeconds is '1d'; it must be a whole number from 1 to 1209600"),
                        value(
                                TIMED,
                                "StartoverWindowSeconds",
                                "zero",
                                "0",
                                "StartoverWindowSeconds is 0; it must be from 1 to 1209600"),
                        value(
                                TIMED,
                                "StartoverWindowSeconds",
                                "above 14 days",
                                "1209601",
                                "StartoverWindowSeconds is 1209601; it must be from 1 to 1209600"),
                        value(
                                TIMED,
                                "TimeDelaySeconds",
                                "non-numeric",
                                "10s",
                                "TimeDelaySeconds is '10s'; it must be a whole number from 5 to 86400"),
                        value(
                                TIMED,
                                "TimeDelaySeconds",
                                "under 5",
                                "4",
                                "TimeDelaySeconds is 4; it must be from 5 to 86400"),
                        value(
                                TIMED,
                                "TimeDelaySeconds",
                                "above a day",
                                "86401",
                                "TimeDelaySeconds is 86401; it must be from 5 to 86400"),
                        value(
                                TIMED,
                                "TimeDelaySeconds",
                                "not under the startover window",
                                "300",
                                "TimeDelaySeconds is 300; it must be less than StartoverWindowSeconds (300)"),
                        value(
                                HLS_ADS,
                                "AdMarkers",
                                "unknown",
                                "SCTE35",
                                "AdMarkers is 'SCTE35'; allowed values: NONE,"
                                        + " SCTE35_ENHANCED, PASSTHROUGH, DATERANGE"),
                        value(
                                TIMED,
                                "AdMarkers",
                                "on a DASH endpoint",
                                "SCTE35_ENHANCED",
                                "AdMarkers applies to HLS and"
                                        + " CMAF endpoints only; remove it from this DASH endpoint"),
                        value(
                                HLS_ADS,
                                "PeriodTriggers",
                                "on an HLS endpoint",
                                "ADS",
                                "PeriodTriggers applies to DASH" + " endpoints only; remove it from this HLS endpoint"),
                        valueWithReasonStarting(
                                TIMED,
                                "AdTriggers",
                                "an unknown trigger",
                                "SPLICE_INSERT,ADVERT",
                                "AdTriggers has 'ADVERT'; allowed values: SPLICE_INSERT, BREAK, "),
                        valueWithReasonStarting(
                                TIMED,
                                "AdTriggers",
                                "a JSON list with an unknown trigger",
                                List.of("BREAK", "ADVERT"),
                                "AdTriggers has 'ADVERT'; allowed values: "),
                        values(
                                TIMED,
                                "SecretsRoleArn",
                                "missing beside CdnIdentifierSecret",
                                nullValue("SecretsRoleArn"),
                                "SecretsRoleArn is required when CdnIdentifierSecret is set: CDN authorization needs the"
                                        + " secret's ARN and the role MediaPackage reads it with"),
                        value(
                                TIMED,
                                "SecretsRoleArn",
                                "a role name",
                                "MediaPackageSecrets",
                                "SecretsRoleArn is"
                                        + " 'MediaPackageSecrets'; it must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) that"
                                        + " MediaPackage may assume"),
                        value(
                                VALID,
                                "SegmentLenght",
                                "a misspelt property",
                                "6",
                                "SegmentLenght is not a property of Custom::MediaPackageEndpoint; did you mean SegmentLength?"),
                        valueWithReasonStarting(
                                VALID,
                                "Colour",
                                "an unknown property",
                                "red",
                                "Colour is not a property of Custom::MediaPackageEndpoint; its properties are ")),
                BadInputMatrix.everyProperty(KIND, TIMED));
    }

    static Stream<BadInput> accepted() {
        return Stream.of(
                missing(TIMED, "SegmentLength", "absent: the type's default"),
                empty(TIMED, "WindowSeconds", "blank: the default"),
                value(TIMED, "SegmentLength", "a JSON number", 2, "read as \"2\""),
                value(TIMED, "WindowSeconds", "padded with spaces", " 60 ", "trimmed"),
                value(TIMED, "SegmentLength", "a plus sign", "+2", "a whole number"),
                missing(TIMED, "StartoverWindowSeconds", "absent: off"),
                missing(TIMED, "TimeDelaySeconds", "absent: off"),
                value(TIMED, "AdTriggers", "a JSON list", List.of("SPLICE_INSERT", "BREAK"), "a list"),
                values(
                        TIMED,
                        "CdnIdentifierSecret",
                        "both CDN properties absent",
                        nullValues("CdnIdentifierSecret", "SecretsRoleArn"),
                        "authorization off"),
                value(VALID, "ServiceTimeout", "CloudFormation's own", "960", "always allowed"));
    }

    private static Map<String, Object> nullValue(String name) {
        return nullValues(name);
    }

    /** Changes that remove {@code names}. */
    private static Map<String, Object> nullValues(String... names) {
        Map<String, Object> changes = new java.util.HashMap<>();
        for (String name : names) {
            changes.put(name, null);
        }
        return changes;
    }

    @Test
    void everyIndependentProblemIsReportedInOneAnswer() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ChannelId", "demo-livestream");
        properties.put("EndPoint", "RTSP");
        properties.put("SegmentLength", "six");
        properties.put("TimeDelaySeconds", "4");
        properties.put("SegmentLenght", "6");

        assertCreateRefused(
                properties,
                "4 problems: (1) EndPoint is 'RTSP'; " + TYPES + "; (2) SegmentLength is"
                        + " 'six'; it must be a whole number from 1 to 30; (3) TimeDelaySeconds is 4; it must be from 5 to"
                        + " 86400; (4) SegmentLenght is not a property of Custom::MediaPackageEndpoint; did you mean"
                        + " SegmentLength?");
    }

    @Test
    void aBadUpdateKeepsTheEndpointsIdAndCallsNoAws() {
        Map<String, Object> properties = new LinkedHashMap<>(VALID);
        properties.put("SegmentLenght", "4");

        assertUpdateRefused(
                "demo-livestream-hls",
                properties,
                VALID,
                "SegmentLenght is not a property of" + " Custom::MediaPackageEndpoint; did you mean SegmentLength?");
    }
}
