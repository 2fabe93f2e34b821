package com.amazonaws.livestreaming.profile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medialive.model.InputMaximumBitrate;
import software.amazon.awssdk.services.medialive.model.InputResolution;
import software.amazon.awssdk.services.s3.S3Client;

class EncodingProfilesTest {
    private static final String ALLOWED = "allowed values: 1080p, 720p, 540p, or s3://bucket/key.json";

    @AutoClose
    private final WireMockAws wire = new WireMockAws(1);

    private EncodingProfiles profiles() {
        return new EncodingProfiles(wire.clients()::s3);
    }

    private static EncodingProfiles withoutS3() {
        return new EncodingProfiles(() -> {
            throw new AssertionError("a built-in profile must not need S3");
        });
    }

    @Test
    void builtInProfilesLoadFromTheJarWithTheirLadders() {
        assertEquals(
                8,
                withoutS3().load("1080p").encoderSettings().videoDescriptions().size());
        assertEquals(
                7,
                withoutS3().load("720p").encoderSettings().videoDescriptions().size());
        assertEquals(
                5,
                withoutS3().load("540p").encoderSettings().videoDescriptions().size());
    }

    @Test
    void builtInProfileCarriesItsNameAndInputSpecification() {
        EncodingProfile profile = withoutS3().load("1080p");

        assertEquals("1080p", profile.name());
        assertEquals(InputResolution.HD, profile.inputSpecification().resolution());
        assertEquals(
                InputMaximumBitrate.MAX_20_MBPS, profile.inputSpecification().maximumBitrate());
        assertEquals("destination1", Profiles.mediaPackageDestination(profile.encoderSettings()));
    }

    @Test
    void unknownReferenceNamesThePropertyAndTheAllowedValues() {
        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> withoutS3().load("4k"));

        assertEquals("EncodingProfile", e.property());
        assertEquals("EncodingProfile is '4k'; " + ALLOWED, e.getMessage());
    }

    @Test
    void s3UrlWithoutAKeyIsAnUnknownReference() {
        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> withoutS3().load("s3://bucket-only"));

        assertEquals("EncodingProfile is 's3://bucket-only'; " + ALLOWED, e.getMessage());
    }

    @Test
    void s3ProfileIsFetchedWithGetObjectAndChecked() {
        ObjectNode custom = Profiles.shipped("720p");
        Profiles.h264(custom, 0).put("QvbrQualityLevel", 9);
        wire.server()
                .stubFor(get(urlPathEqualTo("/my-profiles/live/custom.json"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(Profiles.bytes(custom))));

        EncodingProfile profile = profiles().load("s3://my-profiles/live/custom.json");

        assertEquals("s3://my-profiles/live/custom.json", profile.name());
        assertEquals(
                9,
                profile.encoderSettings()
                        .videoDescriptions()
                        .get(0)
                        .codecSettings()
                        .h264Settings()
                        .qvbrQualityLevel());
        assertEquals(List.of("S3:GetObject"), wire.calls());
        assertTrue(EncodingProfiles.API_CALLS.containsAll(wire.calls()));
        wire.server().verify(1, getRequestedFor(urlEqualTo("/my-profiles/live/custom.json")));
    }

    @Test
    void missingS3ObjectIsAOneLineReasonNamingTheUrl() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/my-profiles/gone.json"))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/xml")
                                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                                        + "<Message>The specified key does not exist.</Message><Key>gone.json</Key>"
                                        + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>")));

        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> profiles().load("s3://my-profiles/gone.json"));

        assertEquals("EncodingProfile", e.property());
        assertEquals("EncodingProfile s3://my-profiles/gone.json does not exist", e.getMessage());
    }

    @Test
    void unreadableS3ObjectSaysAccessIsDenied() {
        wire.server()
                .stubFor(
                        get(urlPathEqualTo("/their-bucket/p.json"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(403)
                                                .withHeader("Content-Type", "application/xml")
                                                .withBody(
                                                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                                                                + "<Message>Access Denied</Message><RequestId>5A1B</RequestId><HostId>h</HostId></Error>")));

        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> profiles().load("s3://their-bucket/p.json"));

        assertEquals(
                "EncodingProfile s3://their-bucket/p.json cannot be read: S3 GetObject failed: 403 AccessDenied: "
                        + "Access Denied (the function's role needs s3:GetObject on it)",
                e.getMessage());
    }

    @Test
    void brokenS3ProfileIsOneLineUnder400CharactersListingTheFirstProblemsWithPaths() {
        ObjectNode broken = Profiles.shipped("1080p");
        for (int i = 0; i < 8; i++) {
            ((ObjectNode) broken.withArray("VideoDescriptions").get(i)).put("Widht", 1);
        }
        wire.server()
                .stubFor(get(urlPathEqualTo("/my-profiles/broken.json"))
                        .willReturn(aResponse().withStatus(200).withBody(Profiles.bytes(broken))));

        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> profiles().load("s3://my-profiles/broken.json"));

        String reason = e.getMessage();
        assertTrue(
                reason.startsWith("EncodingProfile s3://my-profiles/broken.json is not a valid profile: "
                        + "$.VideoDescriptions[0].Widht: unknown field; did you mean Width?; "
                        + "$.VideoDescriptions[1].Widht: unknown field; did you mean Width?"),
                reason);
        assertTrue(reason.matches(".* \\(and \\d more\\)"), reason);
        assertTrue(reason.length() < 400, reason.length() + ": " + reason);
        assertFalse(reason.contains("\n"), reason);
    }

    @Test
    void s3ProfileThatIsNotJsonSaysWhere() {
        wire.server()
                .stubFor(get(urlPathEqualTo("/my-profiles/notes.json"))
                        .willReturn(aResponse().withStatus(200).withBody("VideoDescriptions: []")));

        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> profiles().load("s3://my-profiles/notes.json"));

        assertTrue(
                e.getMessage()
                        .startsWith("EncodingProfile s3://my-profiles/notes.json is not a valid profile: "
                                + "$: not valid JSON at line 1, column "),
                e.getMessage());
    }

    @Test
    void s3ClientIsOnlyAskedForWhenAnS3ProfileIsLoaded() {
        int[] asked = {0};
        EncodingProfiles profiles = new EncodingProfiles(() -> {
            asked[0]++;
            return wire.clients().s3();
        });
        profiles.load("540p");
        assertEquals(0, asked[0]);
        try {
            profiles.load("s3://nothing-stubbed/x.json");
            fail("an unstubbed object cannot load");
        } catch (InvalidPropertyException expected) {
            assertEquals(1, asked[0]);
        }
    }

    @Test
    void constructorAcceptsAClientDirectly() {
        S3Client client = wire.clients().s3();
        assertEquals("720p", new EncodingProfiles(client).load("720p").name());
    }
}
