package com.amazonaws.livestreaming.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.medialive.ChannelRequests;
import com.amazonaws.livestreaming.medialive.ChannelSpec;
import com.amazonaws.livestreaming.profile.EncodingProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediapackage.model.HlsPackage;

/**
 * The stand-ins answer in AWS's own wire names: every field of every answer, nested ones included, is a member of
 * the answer's shape in the official API models botocore carries (MediaLive 2017-10-14, MediaPackage 2017-10-12),
 * and every error code they use is an error shape of that service with the same HTTP status.
 */
class StandInWireNamesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private AwsStandIn aws;

    @BeforeEach
    void start() {
        aws = new AwsStandIn();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(aws.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return StandInCall.JSON.readTree(response.body());
    }

    @Test
    void mediaLiveAnswersUseTheModelsNames() throws Exception {
        JsonNode shapes = model("medialive").get("shapes");
        var mediaLive = aws.clients().mediaLive();
        String group = mediaLive
                .createInputSecurityGroup(b -> b.whitelistRules(r -> r.cidr("10.0.0.0/8")))
                .securityGroup()
                .id();
        String push = mediaLive
                .createInput(b -> b.name("push")
                        .type("RTMP_PUSH")
                        .inputSecurityGroups(group)
                        .destinations(d -> d.streamName("push/primary")))
                .input()
                .id();
        String pull = mediaLive
                .createInput(b -> b.name("pull")
                        .type("URL_PULL")
                        .sources(s -> s.url("https://origin.example.com/a.m3u8")
                                .username("u")
                                .passwordParam("/p")))
                .input()
                .id();
        aws.clock().advance(java.time.Duration.ofSeconds(10));
        ChannelSpec spec = ChannelSpec.from(
                Properties.of(Map.of(
                        "InputId",
                        push,
                        "InputType",
                        "RTMP_PUSH",
                        "EncodingProfile",
                        "540p",
                        "RoleArn",
                        "arn:aws:iam::123456789012:role/r",
                        "MediaPackageChannelId",
                        "mp",
                        "ChannelClass",
                        "SINGLE_PIPELINE")),
                "demo-stack");
        String channel = mediaLive
                .createChannel(ChannelRequests.create(
                        spec, new EncodingProfiles(aws.clients()::s3).load("540p"), Map.of("k", "v")))
                .channel()
                .id();
        aws.mediaLive().alert(channel, "Role Permissions", "MediaLive cannot assume the role");
        List<String> problems = new ArrayList<>();

        check(shapes, get("/prod/channels/" + channel), "DescribeChannelResponse", "$", problems);
        check(shapes, get("/prod/channels"), "ListChannelsResponse", "$", problems);
        check(shapes, get("/prod/channels/" + channel + "/alerts"), "ListAlertsResponse", "$", problems);
        check(shapes, get("/prod/inputs/" + push), "DescribeInputResponse", "$", problems);
        check(shapes, get("/prod/inputs/" + pull), "DescribeInputResponse", "$", problems);
        check(shapes, get("/prod/inputs"), "ListInputsResponse", "$", problems);
        check(shapes, get("/prod/inputSecurityGroups/" + group), "DescribeInputSecurityGroupResponse", "$", problems);
        check(shapes, get("/prod/inputSecurityGroups"), "ListInputSecurityGroupsResponse", "$", problems);

        assertEquals(List.of(), problems);
    }

    @Test
    void mediaPackageAnswersUseTheModelsNames() throws Exception {
        JsonNode shapes = model("mediapackage").get("shapes");
        var mediaPackage = aws.clients().mediaPackage();
        mediaPackage.createChannel(b -> b.id("c").description("d").tags(Map.of("k", "v")));
        mediaPackage.createOriginEndpoint(b -> b.id("c-hls")
                .channelId("c")
                .manifestName("index")
                .hlsPackage(HlsPackage.builder().segmentDurationSeconds(6).build()));
        mediaPackage.createOriginEndpoint(b -> b.id("c-cmaf")
                .channelId("c")
                .cmafPackage(p -> p.segmentDurationSeconds(6).hlsManifests(m -> m.id("index"))));
        List<String> problems = new ArrayList<>();

        check(shapes, get("/channels/c"), "DescribeChannelResponse", "$", problems);
        check(shapes, get("/channels"), "ListChannelsResponse", "$", problems);
        check(shapes, get("/origin_endpoints/c-hls"), "DescribeOriginEndpointResponse", "$", problems);
        check(shapes, get("/origin_endpoints/c-cmaf"), "DescribeOriginEndpointResponse", "$", problems);
        check(shapes, get("/origin_endpoints?channelId=c"), "ListOriginEndpointsResponse", "$", problems);

        assertEquals(List.of(), problems);
    }

    @Test
    void theErrorCodesAreTheServicesOwn() throws Exception {
        JsonNode mediaLive = model("medialive").get("shapes");
        JsonNode mediaPackage = model("mediapackage").get("shapes");

        for (Map.Entry<String, Integer> error : Map.of(
                        "NotFoundException",
                        404,
                        "ConflictException",
                        409,
                        "BadRequestException",
                        400,
                        "UnprocessableEntityException",
                        422,
                        "TooManyRequestsException",
                        429)
                .entrySet()) {
            assertEquals(
                    error.getValue(),
                    mediaLive
                            .path(error.getKey())
                            .path("error")
                            .path("httpStatusCode")
                            .asInt(),
                    "MediaLive " + error.getKey());
        }
        for (Map.Entry<String, Integer> error : Map.of("NotFoundException", 404, "UnprocessableEntityException", 422)
                .entrySet()) {
            assertEquals(
                    error.getValue(),
                    mediaPackage
                            .path(error.getKey())
                            .path("error")
                            .path("httpStatusCode")
                            .asInt(),
                    "MediaPackage " + error.getKey());
        }
    }

    /** Every field of {@code value} is a member of {@code shape} (by its wire name), recursively. */
    private static void check(JsonNode shapes, JsonNode value, String shapeName, String path, List<String> problems) {
        JsonNode shape = shapes.get(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" ->
                value.fields().forEachRemaining(field -> {
                    String member = memberFor(shape, field.getKey());
                    if (member == null) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        check(
                                shapes,
                                field.getValue(),
                                shape.get("members").get(member).get("shape").asText(),
                                path + "." + field.getKey(),
                                problems);
                    }
                });
            case "list" -> {
                int i = 0;
                for (JsonNode item : value) {
                    check(shapes, item, shape.get("member").get("shape").asText(), path + "[" + i++ + "]", problems);
                }
            }
            default -> {
                // scalars and maps (tags): nothing named inside
            }
        }
    }

    private static String memberFor(JsonNode shape, String wireName) {
        var members = shape.get("members").fields();
        while (members.hasNext()) {
            var member = members.next();
            if (wireName.equals(member.getValue().path("locationName").asText(member.getKey()))) {
                return member.getKey();
            }
        }
        return null;
    }

    private static JsonNode model(String service) {
        return BotocoreModels.model(service);
    }
}
