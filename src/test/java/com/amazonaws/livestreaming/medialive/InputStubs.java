package com.amazonaws.livestreaming.medialive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.RequestType;
import com.amazonaws.livestreaming.testing.Requests;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MediaLive and SSM as they answer on the wire (REST-JSON camelCase for MediaLive, JSON 1.1 for SSM), with the
 * ids and names the tests share.
 */
final class InputStubs {
    static final String KIND = "MediaLiveInput";
    static final String INPUT_ID = "1234567";
    static final String INPUT_ARN = "arn:aws:medialive:us-east-1:123456789012:input:1234567";
    static final String GROUP_ID = "7654321";
    static final String GROUP_ARN = "arn:aws:medialive:us-east-1:123456789012:inputSecurityGroup:7654321";
    static final String NAME = "demo-stack-ResourceMediaLiveInput";
    static final String PRIMARY_PARAM = "/demo-stack/medialive/ResourceMediaLiveInput/primary";
    static final String SECONDARY_PARAM = "/demo-stack/medialive/ResourceMediaLiveInput/secondary";
    static final String OTHER_REQUEST_ID = "0c2d7e55-8f3a-4b1e-a6c4-55e0d1f2a3b4";
    static final String PUSH_IP1 = "198.51.100.99";
    static final String PUSH_IP2 = "192.0.2.18";

    /** The tags Ownership writes for {@link Requests#create}: stack, logical id, request id. */
    static final String TAGS = """
            {"LiveStreaming:Solution": "live-streaming-on-aws",
             "LiveStreaming:StackId": "%s",
             "LiveStreaming:LogicalId": "ResourceMediaLiveInput",
             "LiveStreaming:RequestId": "%s"}""".formatted(Requests.STACK_ID, Requests.REQUEST_ID);

    static final String OTHER_TAGS = TAGS.replace(Requests.REQUEST_ID, OTHER_REQUEST_ID);

    private final WireMockServer server;

    InputStubs(WireMockServer server) {
        this.server = server;
    }

    /** An Update with its own RequestId, as CloudFormation sends it (a retried Create reuses the Create's). */
    static Request update(String physicalId, Map<String, ?> properties, Map<String, ?> old) {
        Request base = Requests.update(KIND, physicalId, properties, old);
        return new Request(
                RequestType.UPDATE,
                base.responseUrl(),
                base.stackId(),
                OTHER_REQUEST_ID,
                base.resourceType(),
                base.logicalResourceId(),
                physicalId,
                Properties.of(properties),
                Properties.of(old));
    }

    // ---- properties ----

    /** An input's properties: its {@code Type}, its {@code ChannelClass} and {@code more} name, value pairs. */
    static Map<String, String> properties(String type, String channelClass, String... more) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Type", type);
        properties.put("ChannelClass", channelClass);
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return Map.copyOf(properties);
    }

    /**
     * A STANDARD URL_PULL input's properties with only its primary source (origin.example.com, user "puller");
     * {@code password} is left out when null.
     */
    static Map<String, String> primaryPull(String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Type", "URL_PULL");
        properties.put("ChannelClass", "STANDARD");
        properties.put("PriUrl", "https://origin.example.com/live/main.m3u8");
        properties.put("PriUser", "puller");
        if (password != null) {
            properties.put("PriPass", password);
        }
        return Map.copyOf(properties);
    }

    /**
     * A STANDARD URL_PULL input's properties: {@link #primaryPull} and a secondary source (backup.example.com, user
     * "puller"); a null password is left out.
     */
    static Map<String, String> urlPull(String primaryPassword, String secondaryPassword) {
        return Map.copyOf(with(
                primaryPull(primaryPassword),
                "SecUrl",
                "https://backup.example.com/live/main.m3u8",
                "SecUser",
                "puller",
                "SecPass",
                secondaryPassword));
    }

    /** {@code base} with {@code keyValues} (name, value pairs) put in; a null value removes the name. */
    static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> out = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                out.remove(keyValues[i]);
            } else {
                out.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    /** The Data an input resource answers: its id and ARN and the two endpoints (empty when there is none). */
    static Map<String, String> data(String id, String endPoint1, String endPoint2) {
        return Map.of(
                "Id",
                id,
                "Arn",
                "arn:aws:medialive:us-east-1:123456789012:input:" + id,
                "EndPoint1",
                endPoint1,
                "EndPoint2",
                endPoint2);
    }

    /** The Data of {@link #rtmpPushInput}: its two RTMP push endpoints. */
    static Map<String, String> rtmpPushData() {
        return data(
                "rtmp://" + PUSH_IP1 + ":1935/" + NAME + "/primary",
                "rtmp://" + PUSH_IP2 + ":1935/" + NAME + "/secondary");
    }

    /** {@link #data(String, String, String)} of {@link #INPUT_ID}. */
    static Map<String, String> data(String endPoint1, String endPoint2) {
        return data(INPUT_ID, endPoint1, endPoint2);
    }

    // ---- JSON bodies ----

    /** An input as DescribeInput, ListInputs and CreateInput's {@code input} show it. */
    static String input(String id, String type, String state, String inputClass, String fields) {
        return """
                {"arn": "arn:aws:medialive:us-east-1:123456789012:input:%s", "id": "%s", "name": "%s",
                 "type": "%s", "state": "%s", "inputClass": "%s", "inputSourceType": "STATIC",
                 "attachedChannels": %s, "inputDevices": [], "inputPartnerIds": [],
                 "tags": %s%s}""".formatted(
                        id,
                        id,
                        NAME,
                        type,
                        state,
                        inputClass,
                        "ATTACHED".equals(state) ? "[\"9876543\"]" : "[]",
                        TAGS,
                        fields.isEmpty() ? "" : ", " + fields);
    }

    static String rtmpPushInput(String state) {
        return input(INPUT_ID, "RTMP_PUSH", state, "STANDARD", """
                "securityGroups": ["%s"], "sources": [], "mediaConnectFlows": [],
                "destinations": [
                  {"ip": "%s", "port": "1935", "url": "rtmp://%s:1935/%s/primary"},
                  {"ip": "%s", "port": "1935", "url": "rtmp://%s:1935/%s/secondary"}]""".formatted(
                        GROUP_ID, PUSH_IP1, PUSH_IP1, NAME, PUSH_IP2, PUSH_IP2, NAME));
    }

    static String urlPullInput(String state, String primaryParam, String secondaryParam) {
        return input(
                INPUT_ID, "URL_PULL", state, "STANDARD", """
                "securityGroups": [], "destinations": [], "mediaConnectFlows": [],
                "sources": [
                  {"url": "https://origin.example.com/live/main.m3u8", "username": "puller"%s},
                  {"url": "https://backup.example.com/live/main.m3u8", "username": "puller"%s}]""".formatted(param(primaryParam), param(secondaryParam)));
    }

    private static String param(String name) {
        return name == null ? "" : ", \"passwordParam\": \"" + name + "\"";
    }

    static String group(String id, String state, String inputs, String cidrs) {
        StringBuilder rules = new StringBuilder();
        for (String cidr : cidrs.split(",")) {
            rules.append(rules.length() == 0 ? "" : ", ")
                    .append("{\"cidr\": \"")
                    .append(cidr)
                    .append("\"}");
        }
        return """
                {"arn": "arn:aws:medialive:us-east-1:123456789012:inputSecurityGroup:%s", "id": "%s",
                 "state": "%s", "inputs": %s, "channels": [], "whitelistRules": [%s], "tags": %s}""".formatted(id, id, state, inputs, rules, TAGS);
    }

    // ---- stubs ----

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder notFound(String message) {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "NotFoundException")
                .withBody("{\"message\": \"" + message + "\"}");
    }

    void listInputs(String... inputs) {
        server.stubFor(get(urlPathEqualTo("/prod/inputs"))
                .withQueryParam("nextToken", absent())
                .willReturn(json(200, "{\"inputs\": [" + String.join(", ", inputs) + "]}")));
    }

    void listGroups(String... groups) {
        server.stubFor(get(urlPathEqualTo("/prod/inputSecurityGroups"))
                .withQueryParam("nextToken", absent())
                .willReturn(json(200, "{\"inputSecurityGroups\": [" + String.join(", ", groups) + "]}")));
    }

    void createGroup(String cidrs) {
        server.stubFor(post(urlPathEqualTo("/prod/inputSecurityGroups"))
                .willReturn(json(200, "{\"securityGroup\": " + group(GROUP_ID, "IDLE", "[]", cidrs) + "}")));
    }

    void createInput(String inputJson) {
        server.stubFor(post(urlPathEqualTo("/prod/inputs")).willReturn(json(201, "{\"input\": " + inputJson + "}")));
    }

    /** CreateInput answers {@code inputJson} (as it is, state included) and DescribeInput of {@code id} shows it. */
    void createdInput(String id, String inputJson) {
        createInput(inputJson);
        describeInput(id, inputJson);
    }

    /** CreateInput answers 400 BadRequestException with {@code message}. */
    void createInputRefused(String message) {
        server.stubFor(post(urlPathEqualTo("/prod/inputs"))
                .willReturn(json(400, "{\"message\": \"" + message + "\"}")
                        .withHeader("x-amzn-ErrorType", "BadRequestException")));
    }

    void describeInput(String id, String inputJson) {
        server.stubFor(get(urlPathEqualTo("/prod/inputs/" + id)).willReturn(json(200, inputJson)));
    }

    void describeGroup(String id, String groupJson) {
        server.stubFor(get(urlPathEqualTo("/prod/inputSecurityGroups/" + id)).willReturn(json(200, groupJson)));
    }

    /** DescribeInput walking through {@code states}, one answer each, the last one repeating. */
    void describeInputWalking(String id, String... bodies) {
        walking("input " + id, "/prod/inputs/" + id, "Input not found", bodies);
    }

    /** DescribeInputSecurityGroup walking through {@code bodies} like {@link #describeInputWalking}. */
    void describeGroupWalking(String id, String... bodies) {
        walking("group " + id, "/prod/inputSecurityGroups/" + id, "Input security group not found", bodies);
    }

    /** GET of {@code path} answers {@code bodies} in turn (null: 404 with {@code notFound}), the last repeating. */
    private void walking(String scenario, String path, String notFound, String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            ScenarioMappingBuilder mapping = get(urlPathEqualTo(path))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i);
            if (i < bodies.length - 1) {
                mapping = mapping.willSetStateTo("step " + (i + 1));
            }
            server.stubFor(mapping.willReturn(bodies[i] == null ? notFound(notFound) : json(200, bodies[i])));
        }
    }

    void deleteInput(String id) {
        server.stubFor(delete(urlPathEqualTo("/prod/inputs/" + id)).willReturn(json(200, "{}")));
    }

    void deleteGroup(String id) {
        server.stubFor(delete(urlPathEqualTo("/prod/inputSecurityGroups/" + id)).willReturn(json(200, "{}")));
    }

    void updateInput(String id, String inputJson) {
        server.stubFor(
                put(urlPathEqualTo("/prod/inputs/" + id)).willReturn(json(200, "{\"input\": " + inputJson + "}")));
    }

    void updateGroup(String id, String groupJson) {
        server.stubFor(put(urlPathEqualTo("/prod/inputSecurityGroups/" + id))
                .willReturn(json(200, "{\"securityGroup\": " + groupJson + "}")));
    }

    void ssm(String operation, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation))
                .willReturn(answer));
    }

    /** PutParameter of {@code name} answers {@code answer}. */
    void putParameter(String name, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter"))
                .withRequestBody(matchingJsonPath("$.Name", equalTo(name)))
                .willReturn(answer));
    }

    void ssmAccepts() {
        ssm("PutParameter", json(200, "{\"Version\": 1, \"Tier\": \"Standard\"}"));
        ssm("DeleteParameter", json(200, "{}"));
    }

    // ---- what was sent ----

    /** A CreateInput body was sent: {@code fields} after the name, type, idempotency token and tags of the request. */
    void verifyCreateInput(String requestId, String tags, String type, String fields) {
        server.verify(postRequestedFor(urlPathEqualTo("/prod/inputs")).withRequestBody(equalToJson("""
                {"name": "%s", "type": "%s", "requestId": "%s", "tags": %s%s}""".formatted(
                        NAME, type, requestId, tags, fields.isEmpty() ? "" : ", " + fields))));
    }

    /** {@link #verifyCreateInput(String, String, String, String)} for the Create of {@link Requests#create}. */
    void verifyCreateInput(String type, String fields) {
        verifyCreateInput(Requests.REQUEST_ID, TAGS, type, fields);
    }

    /** A PutParameter stored {@code value} as the SecureString password of the {@code source} ("primary"...). */
    void verifyPasswordStored(String parameter, String value, String source) {
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter"))
                .withRequestBody(equalToJson("""
                {"Name": "%s", "Value": "%s", "Type": "SecureString", "Overwrite": true,
                 "Description": "Password MediaLive uses to pull the %s source of input %s"}""".formatted(parameter, value, source, NAME))));
    }

    /** A DeleteParameter of {@code parameter} was sent. */
    void verifyPasswordDeleted(String parameter) {
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.DeleteParameter"))
                .withRequestBody(equalToJson("{\"Name\": \"" + parameter + "\"}")));
    }

    static ResponseDefinitionBuilder parameterNotFound() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\": \"ParameterNotFound\", \"message\": \"Parameter not found\"}");
    }
}
