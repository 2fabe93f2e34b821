package com.amazonaws.livestreaming.medialive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Ownership;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResourceManager;
import com.amazonaws.livestreaming.testing.Requests;
import com.amazonaws.livestreaming.testing.WireMockAws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MediaLive's channel API as WireMock stubs with responses in the service's REST-JSON wire format (camelCase), for the
 * tests that look at request bodies; DescribeChannel walks through a given list of states, one per call, and stays
 * on the last ("GONE" answers 404). Tests of the channel's lifecycle use the stricter
 * {@link com.amazonaws.livestreaming.testing.AwsStandIn} (see {@link ChannelFixture}); the shared properties,
 * tags and dispatch helpers here serve both.
 */
final class MediaLiveStubs {
    static final String CHANNEL_ID = "1234567";
    static final String GONE = "GONE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockAws wire;

    MediaLiveStubs(WireMockAws wire) {
        this.wire = wire;
    }

    /** The properties of a typical channel; {@code overrides} are name/value pairs. */
    static Map<String, Object> properties(String... overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:demo-stack-custom-resource");
        properties.put("InputId", "2468013");
        properties.put("InputType", "RTMP_PUSH");
        properties.put("EncodingProfile", "720p");
        properties.put("RoleArn", "arn:aws:iam::123456789012:role/demo-stack-MediaLiveRole");
        properties.put("MediaPackageChannelId", "demo-stack-livestream");
        properties.put("ChannelClass", "STANDARD");
        properties.put("Start", "No");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    /** Runs a request the way the handler does, so failures become the FAILED outcome CloudFormation gets. */
    static Outcome dispatch(ResourceManager manager, Request request, Invocation invocation) {
        Registry registry = new Registry(Map.of(manager.spec().kind(), () -> manager));
        return new Dispatcher(() -> registry).dispatch(request, invocation);
    }

    static String arn(String id) {
        return "arn:aws:medialive:us-east-1:123456789012:channel:" + id;
    }

    /** The tags the manager writes for the test requests' Create. */
    static Map<String, String> ourTags() {
        return Ownership.tags(Requests.create(ChannelManager.KIND, Map.of()));
    }

    /** The tags of a channel or input as MediaLive describes it. */
    static Map<String, String> tagsOf(JsonNode resource) {
        Map<String, String> tags = new LinkedHashMap<>();
        resource.path("tags")
                .fields()
                .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }

    static ObjectNode channel(String id, String state, String channelClass, Map<String, String> tags) {
        ObjectNode channel = JSON.createObjectNode()
                .put("id", id)
                .put("arn", arn(id))
                .put("name", "demo-stack-livestream")
                .put("channelClass", channelClass)
                .put("state", state)
                .put("pipelinesRunningCount", "RUNNING".equals(state) ? 2 : 0);
        channel.set("tags", JSON.valueToTree(tags));
        return channel;
    }

    void describeWalks(String id, String... states) {
        describeWalksAs("STANDARD", id, states);
    }

    void describeWalksAs(String channelClass, String id, String... states) {
        String scenario = "describe " + id;
        for (int i = 0; i < states.length; i++) {
            ResponseDefinitionBuilder answer = GONE.equals(states[i])
                    ? error(404, "NotFoundException", "The channel does not exist.")
                    : json(200, channel(id, states[i], channelClass, ourTags()));
            wire.server()
                    .stubFor(get(urlPathEqualTo("/prod/channels/" + id))
                            .inScenario(scenario)
                            .whenScenarioStateIs(walkState(i))
                            .willSetStateTo(walkState(Math.min(i + 1, states.length - 1)))
                            .willReturn(answer));
        }
    }

    /** The scenario state in which DescribeChannel answers the {@code i}-th state of a walk. */
    private static String walkState(int i) {
        return i == 0 ? Scenario.STARTED : "call " + i;
    }

    /** ListChannels: each argument is one page of channels; pages are chained with nextToken. */
    @SafeVarargs
    final void listChannels(List<ObjectNode>... pages) {
        for (int i = 0; i < pages.length; i++) {
            ObjectNode page = JSON.createObjectNode();
            page.set("channels", JSON.valueToTree(pages[i]));
            if (i + 1 < pages.length) {
                page.put("nextToken", "page" + (i + 2));
            }
            var request = get(urlPathEqualTo("/prod/channels"));
            request = i == 0
                    ? request.withQueryParam("nextToken", absent())
                    : request.withQueryParam("nextToken", equalTo("page" + (i + 1)));
            wire.server().stubFor(request.willReturn(json(200, page)));
        }
    }

    void noChannels() {
        listChannels(List.of());
    }

    void createReturns(String id, String channelClass) {
        ObjectNode body = JSON.createObjectNode();
        body.set("channel", channel(id, "CREATING", channelClass, ourTags()));
        wire.server().stubFor(post(urlPathEqualTo("/prod/channels")).willReturn(json(201, body)));
    }

    void createReturns(String id) {
        createReturns(id, "STANDARD");
    }

    void updateReturns(String id) {
        ObjectNode body = JSON.createObjectNode();
        body.set("channel", channel(id, "UPDATING", "STANDARD", ourTags()));
        wire.server().stubFor(put(urlPathEqualTo("/prod/channels/" + id)).willReturn(json(200, body)));
    }

    /** The body of the first CreateChannel request sent. */
    JsonNode sentCreateChannel() {
        return firstBody(postRequestedFor(urlPathEqualTo("/prod/channels")));
    }

    /** The body of the first UpdateChannel request sent for channel {@code id}. */
    JsonNode sentUpdateChannel(String id) {
        return firstBody(putRequestedFor(urlPathEqualTo("/prod/channels/" + id)));
    }

    private JsonNode firstBody(RequestPatternBuilder requests) {
        try {
            return JSON.readTree(wire.server().findAll(requests).get(0).getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.elemental/")
                .withBody(JSON.valueToTree(body).toString());
    }
}
