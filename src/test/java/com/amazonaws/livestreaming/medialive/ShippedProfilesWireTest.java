package com.amazonaws.livestreaming.medialive;

import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.CHANNEL_ID;
import static com.amazonaws.livestreaming.medialive.MediaLiveStubs.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three shipped profiles, loaded the way the stack loads them, as MediaLive receives them in CreateChannel:
 * the full ladder, every rung referenced by an output, on the input type's terms.
 */
class ShippedProfilesWireTest {
    @AutoClose
    private final WireMockAws wire = new WireMockAws();

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "1080p; URL_PULL; 1920x1080 6500000,1280x720 5000000,1280x720 3300000,960x540 2000000,768x432 1200000,"
                        + "640x360 800000,480x270 400000,416x234 200000; HD; MAX_20_MBPS",
                "720p; RTMP_PUSH; 1280x720 5000000,1280x720 3300000,960x540 2000000,768x432 1200000,640x360 800000,"
                        + "480x270 400000,416x234 200000; HD; MAX_10_MBPS",
                "540p; SRT_CALLER; 960x540 2000000,768x432 1200000,640x360 800000,480x270 400000,416x234 200000; SD;"
                        + " MAX_10_MBPS"
            })
    void createChannelCarriesTheWholeLadderOfTheProfile(
            String profile, String inputType, String ladder, String resolution, String maximumBitrate)
            throws Exception {
        MediaLiveStubs stubs = new MediaLiveStubs(wire);
        stubs.noChannels();
        stubs.createReturns(CHANNEL_ID);
        stubs.describeWalks(CHANNEL_ID, "IDLE");
        ChannelManager manager = new ChannelManager(
                wire.clients().mediaLive(), new EncodingProfiles(wire.clients()::s3)::load, Duration.ofMillis(10));

        manager.create(
                Requests.create(ChannelManager.KIND, properties("EncodingProfile", profile, "InputType", inputType)),
                Requests.invocation().invocation());

        JsonNode body = stubs.sentCreateChannel();
        JsonNode settings = body.get("encoderSettings");
        List<String> rungs = new ArrayList<>();
        for (JsonNode video : settings.get("videoDescriptions")) {
            rungs.add(video.get("width").asInt() + "x" + video.get("height").asInt() + " "
                    + video.get("codecSettings")
                            .get("h264Settings")
                            .get("maxBitrate")
                            .asLong());
        }
        assertEquals(List.of(ladder.split(",")), rungs);
        assertEquals(
                rungs.size(), settings.get("outputGroups").get(0).get("outputs").size(), "one output per rung");
        assertEquals(
                "destination1",
                settings.get("outputGroups")
                        .get(0)
                        .get("outputGroupSettings")
                        .get("mediaPackageGroupSettings")
                        .get("destination")
                        .get("destinationRefId")
                        .asText());
        assertEquals(
                resolution, body.get("inputSpecification").get("resolution").asText());
        assertEquals(
                maximumBitrate,
                body.get("inputSpecification").get("maximumBitrate").asText());
        assertEquals("AVC", body.get("inputSpecification").get("codec").asText());
        assertEquals(
                inputType.equals("URL_PULL") ? "LOOP" : "CONTINUE",
                body.get("inputAttachments")
                        .get(0)
                        .get("inputSettings")
                        .get("sourceEndBehavior")
                        .asText());
        assertEquals(
                List.of(),
                wire.calls().stream().filter(c -> c.startsWith("S3:")).toList(),
                "built-in profiles come from the jar, not S3");
    }
}
