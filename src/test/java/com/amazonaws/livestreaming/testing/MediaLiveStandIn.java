package com.amazonaws.livestreaming.testing;

import com.amazonaws.livestreaming.cfn.Ticker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * AWS Elemental MediaLive as the wire tests meet it: channels, inputs and input security groups that move through
 * MediaLive's states on the {@link SimulatedClock} with durations like the real ones, and the refusals MediaLive
 * gives, in its REST-JSON wire form (botocore's {@code medialive/2017-10-14} names; {@code StandInWireNamesTest}
 * checks them against the model).
 *
 * <ul>
 *   <li>Channels: CreateChannel makes CREATING (5 s) then IDLE; StartChannel STARTING (90 s) then RUNNING;
 *       StopChannel STOPPING (60 s) then IDLE; UpdateChannel UPDATING (10 s) then IDLE; DeleteChannel DELETING
 *       (30 s, the input stays attached) then DELETED. UpdateChannel and DeleteChannel of a channel that is not
 *       IDLE (or, for Delete, CREATE_FAILED/UPDATE_FAILED), StartChannel of one that is not IDLE and StopChannel of
 *       one that does not run answer 409 ConflictException. A channel needs existing inputs that no other channel
 *       holds (else 422 with validationErrors).</li>
 *   <li>Inputs: CREATING (2 s) then DETACHED; ATTACHED while a channel that is not DELETED uses them. UpdateInput of
 *       an input attached to a channel that is not IDLE, and DeleteInput of an attached one, answer 409
 *       ConflictException; DeleteInput makes DELETING (3 s) then DELETED.</li>
 *   <li>Input security groups: IN_USE while an input that is not DELETED uses them, else IDLE; UpdateInputSecurityGroup
 *       makes UPDATING for 2 s; DeleteInputSecurityGroup of one in use answers 400 BadRequestException (the model
 *       gives this call no ConflictException).</li>
 *   <li>Every unknown id answers 404 NotFoundException, whatever its form. DELETED resources stay describable for
 *       10 minutes, as on AWS, but are no longer listed.</li>
 * </ul>
 *
 * <p>CreateChannel and CreateInput honour the {@code requestId} idempotency token: the same token gives the same
 * resource. Lists are paginated by {@code maxResults}. Durations can be changed per test (e.g. a start that never
 * ends) with {@link #timings()}.
 */
public final class MediaLiveStandIn implements StandInService {
    static final String ARN_PREFIX = "arn:aws:medialive:us-east-1:123456789012:";
    private static final Set<String> RUNS = Set.of("STARTING", "RUNNING", "RECOVERING");

    /** How long each MediaLive transition takes; change them before the calls they should affect. */
    public static final class Timings {
        public Duration channelCreate = Duration.ofSeconds(5);
        public Duration channelUpdate = Duration.ofSeconds(10);
        public Duration channelStart = Duration.ofSeconds(90);
        public Duration channelStop = Duration.ofSeconds(60);
        public Duration channelDelete = Duration.ofSeconds(30);
        public Duration inputCreate = Duration.ofSeconds(2);
        public Duration inputDelete = Duration.ofSeconds(3);
        public Duration groupUpdate = Duration.ofSeconds(2);
        public Duration deletedVisible = Duration.ofMinutes(10);
    }

    /** What channels, inputs and security groups share: an id, an ARN, a lifecycle, tags and a request token. */
    private abstract class Resource {
        final String id;
        final Lifecycle life;
        final String token;
        Map<String, String> tags;

        Resource(String id, Map<String, String> tags, String token, String state) {
            this.id = id;
            this.tags = tags;
            this.token = token;
            this.life = new Lifecycle(clock, state);
        }

        abstract String arn();

        /** The state MediaLive reports. */
        String state() {
            return life.state();
        }

        boolean deleted() {
            return "DELETED".equals(life.state());
        }

        /** The state, except that {@code resting} reads {@code unused} or {@code used} by whether anything uses it. */
        String stateByUse(String resting, Supplier<List<String>> users, String unused, String used) {
            String state = life.state();
            if (!resting.equals(state)) {
                return state;
            }
            return users.get().isEmpty() ? unused : used;
        }
    }

    private final class Channel extends Resource {
        ObjectNode spec;
        final List<ObjectNode> alerts = new ArrayList<>();

        Channel(String id, ObjectNode spec, Map<String, String> tags, String token, String state) {
            super(id, tags, token, state);
            this.spec = spec;
        }

        @Override
        String arn() {
            return ARN_PREFIX + "channel:" + id;
        }

        List<String> inputIds() {
            List<String> ids = new ArrayList<>();
            spec.path("inputAttachments").forEach(a -> ids.add(a.path("inputId").asText()));
            return ids;
        }

        ObjectNode json() {
            ObjectNode json = spec.deepCopy();
            String state = life.state();
            json.put("id", id)
                    .put("arn", arn())
                    .put("state", state)
                    .put(
                            "pipelinesRunningCount",
                            "RUNNING".equals(state)
                                    ? ("STANDARD"
                                                    .equals(spec.path("channelClass")
                                                            .asText())
                                            ? 2
                                            : 1)
                                    : 0);
            json.set("tags", StandInCall.JSON.valueToTree(tags));
            json.set("egressEndpoints", StandInCall.JSON.createArrayNode());
            json.set("pipelineDetails", StandInCall.JSON.createArrayNode());
            return json;
        }

        /** What ListChannels shows of a channel: the description without encoder settings and pipeline details. */
        ObjectNode summary() {
            ObjectNode json = json();
            json.remove("encoderSettings");
            json.remove("pipelineDetails");
            return json;
        }
    }

    private final class Input extends Resource {
        ObjectNode spec;

        Input(String id, ObjectNode spec, Map<String, String> tags, String token) {
            super(id, tags, token, "CREATING");
            this.spec = spec;
        }

        @Override
        String arn() {
            return ARN_PREFIX + "input:" + id;
        }

        List<String> attachedChannels() {
            return idsOf(channels.values(), c -> c.inputIds().contains(id));
        }

        @Override
        String state() {
            return stateByUse("DETACHED", this::attachedChannels, "DETACHED", "ATTACHED");
        }

        List<String> securityGroups() {
            List<String> ids = new ArrayList<>();
            spec.path("inputSecurityGroups").forEach(g -> ids.add(g.asText()));
            return ids;
        }

        ObjectNode json() {
            ObjectNode json = StandInCall.JSON.createObjectNode();
            String type = spec.path("type").asText();
            json.put("arn", arn())
                    .put("id", id)
                    .put("name", spec.path("name").asText())
                    .put("type", type)
                    .put("state", state())
                    .put("inputClass", inputClass())
                    .put("inputSourceType", "STATIC");
            json.set("attachedChannels", StandInCall.JSON.valueToTree(attachedChannels()));
            json.set("securityGroups", StandInCall.JSON.valueToTree(securityGroups()));
            json.set("destinations", destinations(type));
            json.set(
                    "sources",
                    spec.has("sources") ? spec.get("sources").deepCopy() : StandInCall.JSON.createArrayNode());
            json.set(
                    "mediaConnectFlows",
                    spec.has("mediaConnectFlows")
                            ? spec.get("mediaConnectFlows").deepCopy()
                            : StandInCall.JSON.createArrayNode());
            if (spec.has("roleArn")) {
                json.put("roleArn", spec.get("roleArn").asText());
            }
            if (spec.has("srtSettings")) {
                json.set("srtSettings", spec.get("srtSettings").deepCopy());
            }
            json.set("inputDevices", StandInCall.JSON.createArrayNode());
            json.set("inputPartnerIds", StandInCall.JSON.createArrayNode());
            json.set("tags", StandInCall.JSON.valueToTree(tags));
            return json;
        }

        /** STANDARD unless the input has exactly one source, destination, flow or SRT caller (RTP: always two). */
        String inputClass() {
            if ("RTP_PUSH".equals(spec.path("type").asText())) {
                return "STANDARD";
            }
            int count = Math.max(
                    Math.max(
                            spec.path("destinations").size(),
                            spec.path("sources").size()),
                    Math.max(
                            spec.path("mediaConnectFlows").size(),
                            spec.path("srtSettings").path("srtCallerSources").size()));
            return count == 1 ? "SINGLE_PIPELINE" : "STANDARD";
        }

        private ArrayNode destinations(String type) {
            ArrayNode out = StandInCall.JSON.createArrayNode();
            int base = Integer.parseInt(id.substring(id.length() - 2));
            if ("RTP_PUSH".equals(type)) {
                for (int i = 0; i < 2; i++) {
                    String ip = "198.51.100." + (base + i);
                    out.addObject().put("ip", ip).put("port", "5000").put("url", "rtp://" + ip + ":5000");
                }
            } else if ("RTMP_PUSH".equals(type)) {
                int i = 0;
                for (JsonNode d : spec.path("destinations")) {
                    String ip = "198.51.100." + (base + i++);
                    out.addObject()
                            .put("ip", ip)
                            .put("port", "1935")
                            .put(
                                    "url",
                                    "rtmp://" + ip + ":1935/"
                                            + d.path("streamName").asText());
                }
            }
            return out;
        }
    }

    private final class Group extends Resource {
        ArrayNode rules;

        Group(String id, ArrayNode rules, Map<String, String> tags) {
            super(id, tags, null, "READY");
            this.rules = rules;
        }

        @Override
        String arn() {
            return ARN_PREFIX + "inputSecurityGroup:" + id;
        }

        List<String> inputIds() {
            return idsOf(inputs.values(), i -> i.securityGroups().contains(id));
        }

        @Override
        String state() {
            return stateByUse("READY", this::inputIds, "IDLE", "IN_USE");
        }

        ObjectNode json() {
            ObjectNode json = StandInCall.JSON.createObjectNode();
            json.put("arn", arn()).put("id", id).put("state", state());
            json.set("inputs", StandInCall.JSON.valueToTree(inputIds()));
            json.set("whitelistRules", rules.deepCopy());
            json.set("tags", StandInCall.JSON.valueToTree(tags));
            return json;
        }
    }

    private final Ticker clock;
    private final Timings timings = new Timings();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private long nextChannelId = 1234567;
    private long nextInputId = 2468013;
    private long nextGroupId = 7654321;
    private int pageSize = 1000;
    private String[] createFailure;
    private String[] startFailure;

    MediaLiveStandIn(Ticker clock) {
        this.clock = clock;
    }

    public Timings timings() {
        return timings;
    }

    // ---- for tests: state as it is, and resources made directly ----

    /** The channel's state now, or {@code null} once MediaLive has forgotten it. */
    public synchronized String channelState(String id) {
        forget();
        Channel channel = channels.get(id);
        return channel == null ? null : channel.life.state();
    }

    public synchronized String inputState(String id) {
        forget();
        Input input = inputs.get(id);
        return input == null ? null : input.state();
    }

    /** Every channel id MediaLive knows (DELETED ones included, while they are still visible). */
    public synchronized List<String> channelIds() {
        forget();
        return List.copyOf(channels.keySet());
    }

    public synchronized ObjectNode describeChannel(String id) {
        return channels.get(id).json();
    }

    public synchronized ObjectNode describeInput(String id) {
        return inputs.get(id).json();
    }

    /** Makes an input security group directly (no API call) allowing {@code cidrs}. */
    public synchronized String addSecurityGroup(List<String> cidrs, Map<String, String> tags) {
        String id = String.valueOf(nextGroupId++);
        ArrayNode rules = StandInCall.JSON.createArrayNode();
        cidrs.forEach(cidr -> rules.addObject().put("cidr", cidr));
        groups.put(id, new Group(id, rules, new LinkedHashMap<>(tags)));
        return id;
    }

    public synchronized String securityGroupState(String id) {
        forget();
        Group group = groups.get(id);
        return group == null ? null : group.state();
    }

    /** Makes an input directly (no API call), DETACHED already. {@code fields} are its CreateInput body. */
    public synchronized String addInput(ObjectNode fields, Map<String, String> tags) {
        String id = String.valueOf(nextInputId++);
        Input input = new Input(id, fields.deepCopy(), new LinkedHashMap<>(tags), null);
        input.life.set("DETACHED");
        inputs.put(id, input);
        return id;
    }

    /**
     * Makes a channel directly (no API call) in {@code state}, reading {@code inputId}; a transitional state
     * (CREATING, STARTING...) ends after its usual time, as if the call had just been made.
     */
    public synchronized String addChannel(String channelClass, String state, String inputId, Map<String, String> tags) {
        String id = String.valueOf(nextChannelId++);
        ObjectNode spec =
                StandInCall.JSON.createObjectNode().put("name", "channel-" + id).put("channelClass", channelClass);
        spec.putArray("inputAttachments")
                .addObject()
                .put("inputId", inputId)
                .put("inputAttachmentName", "input-" + inputId);
        Channel channel = new Channel(id, spec, new LinkedHashMap<>(tags), null, state);
        switch (state) {
            case "CREATING" -> channel.life.move(state, timings.channelCreate, "IDLE");
            case "UPDATING" -> channel.life.move(state, timings.channelUpdate, "IDLE");
            case "STARTING" -> channel.life.move(state, timings.channelStart, "RUNNING");
            case "STOPPING" -> channel.life.move(state, timings.channelStop, "IDLE");
            case "DELETING" -> channel.life.move(state, timings.channelDelete, "DELETED");
            default -> channel.life.set(state);
        }
        channels.put(id, channel);
        return id;
    }

    /** An alert ListAlerts returns as SET for the channel, e.g. why a start failed. */
    public synchronized void alert(String channelId, String type, String message) {
        channels.get(channelId).alerts.add(alertJson(channelId, new String[] {type, message}));
    }

    private static ObjectNode alertJson(String channelId, String[] alert) {
        return StandInCall.JSON
                .createObjectNode()
                .put("id", "a" + channelId)
                .put("alertType", alert[0])
                .put("message", alert[1])
                .put("state", "SET")
                .put("pipelineId", "0")
                .put("setTimestamp", "2026-11-24T18:00:00Z");
    }

    /** The next CreateChannel ends in CREATE_FAILED after its CREATING time, with this alert SET. */
    public synchronized void createFails(String alertType, String message) {
        createFailure = new String[] {alertType, message};
    }

    /** The next StartChannel falls back to IDLE after its STARTING time, with this alert SET. */
    public synchronized void startFails(String alertType, String message) {
        startFailure = new String[] {alertType, message};
    }

    /** Lists answer at most {@code size} items a page (and less when the caller's maxResults says so). */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** Forgets a channel, input or security group at once, as if it had been deleted by hand long ago. */
    public synchronized void remove(String id) {
        channels.remove(id);
        inputs.remove(id);
        groups.remove(id);
    }

    /** Puts a channel into a state at once, as MediaLive does on its own (e.g. CREATE_FAILED, RECOVERING). */
    public synchronized void force(String channelId, String state) {
        channels.get(channelId).life.set(state);
    }

    // ---- the wire ----

    @Override
    public String operation(StandInCall call) {
        if (call.path().isEmpty() || !"prod".equals(call.path().get(0))) {
            return null;
        }
        String op = null;
        if (call.is("GET", "prod", "channels")) {
            op = "ListChannels";
        } else if (call.is("POST", "prod", "channels")) {
            op = "CreateChannel";
        } else if (call.is("GET", "prod", "channels", "*")) {
            op = "DescribeChannel";
        } else if (call.is("PUT", "prod", "channels", "*")) {
            op = "UpdateChannel";
        } else if (call.is("DELETE", "prod", "channels", "*")) {
            op = "DeleteChannel";
        } else if (call.is("PUT", "prod", "channels", "*", "channelClass")) {
            op = "UpdateChannelClass";
        } else if (call.is("POST", "prod", "channels", "*", "start")) {
            op = "StartChannel";
        } else if (call.is("POST", "prod", "channels", "*", "stop")) {
            op = "StopChannel";
        } else if (call.is("GET", "prod", "channels", "*", "alerts")) {
            op = "ListAlerts";
        } else if (call.is("GET", "prod", "inputs")) {
            op = "ListInputs";
        } else if (call.is("POST", "prod", "inputs")) {
            op = "CreateInput";
        } else if (call.is("GET", "prod", "inputs", "*")) {
            op = "DescribeInput";
        } else if (call.is("PUT", "prod", "inputs", "*")) {
            op = "UpdateInput";
        } else if (call.is("DELETE", "prod", "inputs", "*")) {
            op = "DeleteInput";
        } else if (call.is("GET", "prod", "inputSecurityGroups")) {
            op = "ListInputSecurityGroups";
        } else if (call.is("POST", "prod", "inputSecurityGroups")) {
            op = "CreateInputSecurityGroup";
        } else if (call.is("GET", "prod", "inputSecurityGroups", "*")) {
            op = "DescribeInputSecurityGroup";
        } else if (call.is("PUT", "prod", "inputSecurityGroups", "*")) {
            op = "UpdateInputSecurityGroup";
        } else if (call.is("DELETE", "prod", "inputSecurityGroups", "*")) {
            op = "DeleteInputSecurityGroup";
        } else if (call.is("POST", "prod", "tags", "*")) {
            op = "CreateTags";
        } else if (call.is("DELETE", "prod", "tags", "*")) {
            op = "DeleteTags";
        }
        return op == null ? null : "MediaLive:" + op;
    }

    @Override
    public synchronized StandInAnswer handle(String operation, StandInCall call) {
        forget();
        return switch (operation.substring("MediaLive:".length())) {
            case "ListChannels" ->
                page(
                        call,
                        pageSize,
                        "channels",
                        live(channels.values()).map(Channel::summary).toList());
            case "CreateChannel" -> createChannel(call);
            case "DescribeChannel" -> withChannel(call, c -> StandInAnswer.ok(200, c.json()));
            case "UpdateChannel" -> withChannel(call, c -> updateChannel(c, call));
            case "UpdateChannelClass" -> withChannel(call, c -> updateChannelClass(c, call));
            case "DeleteChannel" -> withChannel(call, this::deleteChannel);
            case "StartChannel" -> withChannel(call, this::startChannel);
            case "StopChannel" -> withChannel(call, this::stopChannel);
            case "ListAlerts" ->
                withChannel(call, c -> {
                    ObjectNode body = StandInCall.JSON.createObjectNode();
                    body.set("alerts", StandInCall.JSON.valueToTree(c.alerts));
                    return StandInAnswer.ok(200, body);
                });
            case "ListInputs" ->
                page(
                        call,
                        pageSize,
                        "inputs",
                        live(inputs.values()).map(Input::json).toList());
            case "CreateInput" -> createInput(call);
            case "DescribeInput" -> withInput(call, i -> StandInAnswer.ok(200, i.json()));
            case "UpdateInput" -> withInput(call, i -> updateInput(i, call));
            case "DeleteInput" -> withInput(call, this::deleteInput);
            case "ListInputSecurityGroups" ->
                page(
                        call,
                        pageSize,
                        "inputSecurityGroups",
                        live(groups.values()).map(Group::json).toList());
            case "CreateInputSecurityGroup" -> createGroup(call);
            case "DescribeInputSecurityGroup" -> withGroup(call, g -> StandInAnswer.ok(200, g.json()));
            case "UpdateInputSecurityGroup" -> withGroup(call, g -> updateGroup(g, call));
            case "DeleteInputSecurityGroup" -> withGroup(call, this::deleteGroup);
            case "CreateTags" -> tag(call);
            case "DeleteTags" -> untag(call);
            default -> StandInAnswer.error(400, "BadRequestException", "stand-in: " + operation);
        };
    }

    @Override
    public synchronized List<String> leftovers() {
        forget();
        List<String> left = new ArrayList<>();
        live(channels.values()).forEach(c -> left.add("MediaLive channel " + c.id + " (" + c.state() + ")"));
        live(inputs.values()).forEach(i -> left.add("MediaLive input " + i.id + " (" + i.state() + ")"));
        live(groups.values()).forEach(g -> left.add("MediaLive input security group " + g.id + " (" + g.state() + ")"));
        return left;
    }

    // ---- channels ----

    private StandInAnswer createChannel(StandInCall call) {
        ObjectNode spec = call.object().deepCopy();
        String token = text(spec.remove("requestId"));
        Map<String, String> tags = tags(spec.remove("tags"));
        spec.remove("reserved");
        Channel existing = byToken(channels.values(), token);
        if (existing != null) {
            return created(existing.json());
        }
        StandInAnswer refused = checkInputs(spec, null);
        if (refused != null) {
            return refused;
        }
        String id = String.valueOf(nextChannelId++);
        Channel channel = new Channel(id, spec, tags, token, "CREATING");
        channel.life.move("CREATING", timings.channelCreate, createFailure == null ? "IDLE" : "CREATE_FAILED");
        if (createFailure != null) {
            channel.alerts.add(alertJson(id, createFailure));
            createFailure = null;
        }
        channels.put(id, channel);
        return created(channel.json());
    }

    private static StandInAnswer created(ObjectNode channel) {
        ObjectNode body = StandInCall.JSON.createObjectNode();
        body.set("channel", channel);
        return StandInAnswer.ok(201, body);
    }

    /** MediaLive's 422 for inputs a channel cannot use: unknown, being deleted, or held by another channel. */
    private StandInAnswer checkInputs(ObjectNode spec, String channelId) {
        int index = 0;
        for (JsonNode attachment : spec.path("inputAttachments")) {
            String inputId = attachment.path("inputId").asText();
            Input input = inputs.get(inputId);
            String problem = null;
            if (input == null || Set.of("DELETING", "DELETED").contains(input.life.state())) {
                problem = "Input " + inputId + " does not exist";
            } else if (input.attachedChannels().stream().anyMatch(c -> !c.equals(channelId))) {
                problem = "Input " + inputId + " is already attached to channel "
                        + input.attachedChannels().get(0);
            } else if ("STANDARD".equals(spec.path("channelClass").asText())
                    && "SINGLE_PIPELINE".equals(input.inputClass())) {
                problem = "Input " + inputId + " is a SINGLE_PIPELINE input; a STANDARD channel needs STANDARD inputs";
            }
            if (problem != null) {
                ObjectNode body = StandInCall.JSON.createObjectNode().put("message", "Validation errors");
                body.putArray("validationErrors")
                        .addObject()
                        .put("elementPath", "/inputAttachments/" + index + "/inputId")
                        .put("errorMessage", problem);
                return new StandInAnswer(
                        422,
                        body.toString(),
                        "UnprocessableEntityException:http://internal.amazon.com/coral/com.amazonaws.standin/",
                        "application/json",
                        Duration.ZERO,
                        null);
            }
            index++;
        }
        return null;
    }

    private StandInAnswer updateChannel(Channel channel, StandInCall call) {
        String state = channel.life.state();
        if (!"IDLE".equals(state)) {
            return conflict("Channel " + channel.id + " is in " + state + " state; it can only be updated while IDLE");
        }
        ObjectNode wanted = call.object().deepCopy();
        ObjectNode spec = channel.spec.deepCopy();
        wanted.fields().forEachRemaining(field -> spec.set(field.getKey(), field.getValue()));
        return change(channel, spec);
    }

    /** Gives an IDLE channel {@code spec} (UPDATING for a while) unless its inputs refuse it. */
    private StandInAnswer change(Channel channel, ObjectNode spec) {
        StandInAnswer refused = checkInputs(spec, channel.id);
        if (refused != null) {
            return refused;
        }
        channel.spec = spec;
        channel.life.move("UPDATING", timings.channelUpdate, "IDLE");
        ObjectNode body = StandInCall.JSON.createObjectNode();
        body.set("channel", channel.json());
        return StandInAnswer.ok(200, body);
    }

    /** MediaLive's UpdateChannelClass: only while IDLE; a STANDARD channel needs STANDARD inputs. */
    private StandInAnswer updateChannelClass(Channel channel, StandInCall call) {
        String state = channel.life.state();
        if (!"IDLE".equals(state)) {
            return conflict("Channel " + channel.id + " is in " + state + " state; its class can only be changed"
                    + " while IDLE");
        }
        ObjectNode spec = channel.spec.deepCopy();
        spec.put("channelClass", call.object().path("channelClass").asText());
        if (call.object().has("destinations")) {
            spec.set("destinations", call.object().get("destinations").deepCopy());
        }
        return change(channel, spec);
    }

    private StandInAnswer startChannel(Channel channel) {
        String state = channel.life.state();
        if (!"IDLE".equals(state)) {
            return conflict("Channel " + channel.id + " is in " + state + " state and cannot be started");
        }
        channel.life.move("STARTING", timings.channelStart, startFailure == null ? "RUNNING" : "IDLE");
        if (startFailure != null) {
            channel.alerts.add(alertJson(channel.id, startFailure));
            startFailure = null;
        }
        return StandInAnswer.ok(200, channel.json());
    }

    private StandInAnswer stopChannel(Channel channel) {
        String state = channel.life.state();
        if (!RUNS.contains(state)) {
            return conflict("Channel " + channel.id + " is in " + state + " state and cannot be stopped");
        }
        channel.life.move("STOPPING", timings.channelStop, "IDLE");
        return StandInAnswer.ok(200, channel.json());
    }

    private StandInAnswer deleteChannel(Channel channel) {
        String state = channel.life.state();
        if (!Set.of("IDLE", "CREATE_FAILED", "UPDATE_FAILED").contains(state)) {
            return conflict("Channel " + channel.id + " is in " + state + " state and cannot be deleted");
        }
        channel.life.move("DELETING", timings.channelDelete, "DELETED");
        return StandInAnswer.ok(200, channel.json());
    }

    // ---- inputs ----

    private StandInAnswer createInput(StandInCall call) {
        ObjectNode spec = call.object().deepCopy();
        String token = text(spec.remove("requestId"));
        Map<String, String> tags = tags(spec.remove("tags"));
        Input existing = byToken(inputs.values(), token);
        if (existing != null) {
            return inputAnswer(201, existing);
        }
        for (JsonNode groupId : spec.path("inputSecurityGroups")) {
            Group group = groups.get(groupId.asText());
            if (group == null || "DELETED".equals(group.life.state())) {
                return StandInAnswer.error(
                        400, "BadRequestException", "Input security group " + groupId.asText() + " does not exist");
            }
        }
        String id = String.valueOf(nextInputId++);
        Input input = new Input(id, spec, tags, token);
        input.life.move("CREATING", timings.inputCreate, "DETACHED");
        inputs.put(id, input);
        return inputAnswer(201, input);
    }

    private StandInAnswer inputAnswer(int status, Input input) {
        ObjectNode body = StandInCall.JSON.createObjectNode();
        body.set("input", input.json());
        return StandInAnswer.ok(status, body);
    }

    private StandInAnswer updateInput(Input input, StandInCall call) {
        for (String channelId : input.attachedChannels()) {
            String state = channels.get(channelId).life.state();
            if (!"IDLE".equals(state)) {
                return conflict("Input " + input.id + " is attached to channel " + channelId + ", which is " + state
                        + "; an attached input can only be updated while its channel is IDLE");
            }
        }
        ObjectNode spec = input.spec.deepCopy();
        call.object().fields().forEachRemaining(field -> spec.set(field.getKey(), field.getValue()));
        input.spec = spec;
        return inputAnswer(200, input);
    }

    private StandInAnswer deleteInput(Input input) {
        String state = input.state();
        if ("ATTACHED".equals(state)) {
            return conflict("Input " + input.id + " is attached to channel "
                    + input.attachedChannels().get(0) + " and cannot be deleted");
        }
        if (!"DETACHED".equals(state)) {
            return conflict("Input " + input.id + " is in " + state + " state and cannot be deleted");
        }
        input.life.move("DELETING", timings.inputDelete, "DELETED");
        return StandInAnswer.ok(200, StandInCall.JSON.createObjectNode());
    }

    // ---- input security groups ----

    private StandInAnswer createGroup(StandInCall call) {
        String id = String.valueOf(nextGroupId++);
        ArrayNode rules = call.body().has("whitelistRules")
                ? (ArrayNode) call.body().get("whitelistRules").deepCopy()
                : StandInCall.JSON.createArrayNode();
        Group group = new Group(id, rules, tags(call.body().get("tags")));
        groups.put(id, group);
        return groupAnswer(group);
    }

    private StandInAnswer groupAnswer(Group group) {
        ObjectNode body = StandInCall.JSON.createObjectNode();
        body.set("securityGroup", group.json());
        return StandInAnswer.ok(200, body);
    }

    private StandInAnswer updateGroup(Group group, StandInCall call) {
        if ("UPDATING".equals(group.state())) {
            return conflict("Input security group " + group.id + " is being updated");
        }
        if (call.body().has("whitelistRules")) {
            group.rules = (ArrayNode) call.body().get("whitelistRules").deepCopy();
        }
        if (call.body().has("tags")) {
            group.tags = tags(call.body().get("tags"));
        }
        group.life.move("UPDATING", timings.groupUpdate, "READY");
        return groupAnswer(group);
    }

    private StandInAnswer deleteGroup(Group group) {
        if (!group.inputIds().isEmpty()) {
            return StandInAnswer.error(
                    400,
                    "BadRequestException",
                    "Input security group " + group.id + " is in use by input "
                            + group.inputIds().get(0));
        }
        group.life.set("DELETED");
        return StandInAnswer.ok(200, StandInCall.JSON.createObjectNode());
    }

    // ---- tags ----

    private StandInAnswer tag(StandInCall call) {
        return withTags(call, tags -> tags.putAll(tags(call.body().get("tags"))));
    }

    private StandInAnswer untag(StandInCall call) {
        return withTags(call, tags -> call.queryValues("tagKeys").forEach(tags::remove));
    }

    /** Changes the tags of the resource the call's ARN names: 204, or 404 when no resource has that ARN. */
    private StandInAnswer withTags(StandInCall call, Consumer<Map<String, String>> change) {
        String arn = call.segment(2);
        Resource resource = Stream.of(channels.values(), inputs.values(), groups.values())
                .flatMap(Collection::stream)
                .filter(r -> r.arn().equals(arn))
                .findFirst()
                .orElse(null);
        if (resource == null) {
            return StandInAnswer.error(404, "NotFoundException", "Resource " + arn + " not found");
        }
        change.accept(resource.tags);
        return new StandInAnswer(204, "", null, null, Duration.ZERO, null);
    }

    // ---- shared ----

    private StandInAnswer withChannel(StandInCall call, Function<Channel, StandInAnswer> action) {
        return StandInAnswer.found(channels, call.segment(2), "Channel", action);
    }

    private StandInAnswer withInput(StandInCall call, Function<Input, StandInAnswer> action) {
        return StandInAnswer.found(inputs, call.segment(2), "Input", action);
    }

    private StandInAnswer withGroup(StandInCall call, Function<Group, StandInAnswer> action) {
        return StandInAnswer.found(groups, call.segment(2), "Input security group", action);
    }

    /** The resources of {@code items} that are not DELETED. */
    private static <T extends Resource> Stream<T> live(Collection<T> items) {
        return items.stream().filter(r -> !r.deleted());
    }

    /** The ids of the resources of {@code items} that are not DELETED and {@code match}. */
    private static <T extends Resource> List<String> idsOf(Collection<T> items, Predicate<T> match) {
        return live(items).filter(match).map(r -> r.id).toList();
    }

    /** The resource (not DELETED) an earlier call with this idempotency token made, or null. */
    private static <T extends Resource> T byToken(Collection<T> items, String token) {
        return token == null
                ? null
                : live(items).filter(r -> token.equals(r.token)).findFirst().orElse(null);
    }

    /** One page of a list: {@code maxResults} items from the offset {@code nextToken} names. */
    static StandInAnswer page(StandInCall call, int pageSize, String field, List<? extends JsonNode> items) {
        int size = Math.min(
                pageSize,
                call.queryValue("maxResults") == null ? 1000 : Integer.parseInt(call.queryValue("maxResults")));
        int from = call.queryValue("nextToken") == null ? 0 : Integer.parseInt(call.queryValue("nextToken"));
        ObjectNode body = StandInCall.JSON.createObjectNode();
        body.set(
                field,
                StandInCall.JSON.valueToTree(
                        items.subList(Math.min(from, items.size()), Math.min(from + size, items.size()))));
        if (from + size < items.size()) {
            body.put("nextToken", String.valueOf(from + size));
        }
        return StandInAnswer.ok(200, body);
    }

    static StandInAnswer conflict(String message) {
        return StandInAnswer.error(409, "ConflictException", message);
    }

    static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node != null) {
            node.fields()
                    .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** DELETED resources are forgotten (404) once they have been DELETED for a while, as on AWS. */
    private void forget() {
        for (Map<String, ? extends Resource> items : List.of(channels, inputs, groups)) {
            items.values().removeIf(r -> r.deleted() && r.life.inState().compareTo(timings.deletedVisible) >= 0);
        }
    }

    @Override
    public String toString() {
        return "MediaLive stand-in: " + Objects.toString(leftovers());
    }
}
