package com.amazonaws.livestreaming;

import com.amazonaws.livestreaming.aws.AwsClients;
import com.amazonaws.livestreaming.aws.Lazy;
import com.amazonaws.livestreaming.cfn.Arguments;
import com.amazonaws.livestreaming.cfn.Dispatcher;
import com.amazonaws.livestreaming.cfn.EventParser;
import com.amazonaws.livestreaming.cfn.FailureReason;
import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.OnceResponder;
import com.amazonaws.livestreaming.cfn.Outcome;
import com.amazonaws.livestreaming.cfn.Redaction;
import com.amazonaws.livestreaming.cfn.Registry;
import com.amazonaws.livestreaming.cfn.Request;
import com.amazonaws.livestreaming.cfn.ResponseSender;
import com.amazonaws.livestreaming.cfn.Ticker;
import com.amazonaws.livestreaming.cfn.TimeBudget;
import com.amazonaws.livestreaming.cfn.Watchdog;
import com.amazonaws.livestreaming.snapstart.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Lambda entry point for every custom resource in the stack. It reads raw bytes rather than a typed event so
 * that even a malformed event gets its FAILED answer, runs the manager under a {@link Watchdog}, and sends exactly
 * one answer. It returns the body it sent, which {@code invoke} prints.
 */
public final class Handler implements RequestStreamHandler {
    /** Time kept back from the manager for sending the answer (with retries) before the Lambda dies. */
    public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(10);

    private static final Duration CLEANUP_RESERVE = Duration.ofSeconds(5);
    private static final Duration LOCAL_TIME = Duration.ofMinutes(15);

    private final Supplier<Registry> registry;
    private final ResponseSender sender;
    private final JsonLog log;
    private final Duration safetyMargin;
    private final Ticker ticker;
    private SnapStartPriming priming;

    /**
     * Used by Lambda: the standard managers, clients built once per container on first use, and, where the runtime
     * takes SnapStart snapshots, every request path primed before the snapshot (see {@link SnapStartPriming}).
     */
    public Handler() {
        this(new Lazy<>(AwsClients::fromEnvironment), new JsonLog(System.out));
    }

    private Handler(Lazy<AwsClients> clients, JsonLog log) {
        this(
                new Lazy<>(() -> Managers.standard(clients.get())),
                new ResponseSender(),
                log,
                DEFAULT_SAFETY_MARGIN,
                Ticker.SYSTEM);
        // Held here as well: the runtime's CRaC context may hold its resources only weakly.
        this.priming = new SnapStartPriming(this, clients, registry, log);
        SnapStartPriming.register(priming);
    }

    public Handler(Supplier<Registry> registry, ResponseSender sender, JsonLog log, Duration safetyMargin) {
        this(new Lazy<>(registry), sender, log, safetyMargin, Ticker.SYSTEM);
    }

    /** @param ticker the clock the managers' waits run on (tests simulate it, so slow AWS transitions cost nothing) */
    public Handler(
            Supplier<Registry> registry, ResponseSender sender, JsonLog log, Duration safetyMargin, Ticker ticker) {
        this(new Lazy<>(registry), sender, log, safetyMargin, ticker);
    }

    private Handler(Lazy<Registry> registry, ResponseSender sender, JsonLog log, Duration safetyMargin, Ticker ticker) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.log = Objects.requireNonNull(log, "log");
        this.safetyMargin = Arguments.notNegative(safetyMargin, "safetyMargin");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public Handler(Registry registry, ResponseSender sender, PrintStream logOut, Duration safetyMargin) {
        this(() -> registry, sender, new JsonLog(logOut), safetyMargin);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] body = handle(input.readAllBytes(), context);
        if (body != null) {
            output.write(body);
        }
    }

    /** This handler (same managers and clients, same sender) writing its log to {@code other}. */
    public Handler withLog(JsonLog other) {
        return new Handler(registry, sender, other, safetyMargin, ticker);
    }

    /**
     * Handles one event; returns the response body sent, or null when the event carried no ResponseURL. While it
     * runs, its log is the {@linkplain JsonLog#active() active} one, so the AWS SDK's warnings carry its fields.
     */
    public byte[] handle(byte[] event, Context context) {
        long started = System.nanoTime();
        EventParser.Parsed parsed = EventParser.parse(event);
        JsonLog requestLog = log.with(fields(parsed.request(), context));
        JsonLog previous = JsonLog.activate(requestLog);
        try {
            return handle(parsed, context, requestLog, started);
        } finally {
            JsonLog.activate(previous);
        }
    }

    private byte[] handle(EventParser.Parsed parsed, Context context, JsonLog requestLog, long started) {
        Supplier<Duration> timeLeft =
                () -> context == null ? LOCAL_TIME : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis()));
        Request request = parsed.request();
        if (request.responseUrl() == null || request.responseUrl().isBlank()) {
            requestLog.error(
                    "event has no ResponseURL; nothing can be answered",
                    Map.of("problem", parsed.problem().orElse("no ResponseURL")));
            return null;
        }
        requestLog.info(
                "received",
                Map.of(
                        "properties",
                        request.properties().asMap().isEmpty()
                                ? Map.of()
                                : Redaction.properties(request.properties().asMap()),
                        "responseTarget",
                        String.valueOf(Redaction.url(request.responseUrl()))));

        OnceResponder responder = new OnceResponder(sender);
        Outcome outcome;
        try {
            outcome = decide(request, parsed, timeLeft.get(), requestLog);
        } catch (Throwable unexpected) {
            String reason = FailureReason.of(unexpected);
            requestLog.error("handler failed", Map.of("reason", reason));
            outcome = Outcome.failed(request.physicalIdOrMarker(), reason);
        }
        byte[] sent = responder.answer(request, outcome, timeLeft, requestLog);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("outcome", outcome.status().name());
        done.put("physicalResourceId", outcome.physicalResourceId());
        done.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (!outcome.succeeded()) {
            done.put("reason", Redaction.oneLine(outcome.reason()));
        }
        requestLog.info("finished", done);
        return sent;
    }

    private Outcome decide(Request request, EventParser.Parsed parsed, Duration available, JsonLog requestLog) {
        if (parsed.problem().isPresent()) {
            requestLog.error(
                    "malformed event", Map.of("reason", parsed.problem().get()));
            return Outcome.failed(request.physicalIdOrMarker(), parsed.problem().get());
        }
        Duration margin = safetyMargin.compareTo(available.dividedBy(2)) < 0 ? safetyMargin : available.dividedBy(2);
        Invocation invocation = new Invocation(new TimeBudget(available.minus(margin), ticker), requestLog);
        Dispatcher dispatcher = new Dispatcher(registry);
        Invocation working = invocation.holdingBack(cleanupReserve(available.minus(margin)));
        return Watchdog.run(request, invocation, () -> dispatcher.dispatch(request, working));
    }

    /**
     * The managers' own waits end this much before the watchdog's deadline (5 s, or a quarter of a short budget), so
     * a step that runs out of time still has the time to clean up behind itself (stop a replacement channel, start a
     * channel it stopped) while its AWS calls are still allowed.
     */
    private static Duration cleanupReserve(Duration budget) {
        Duration quarter = budget.dividedBy(4);
        return CLEANUP_RESERVE.compareTo(quarter) < 0 ? CLEANUP_RESERVE : quarter;
    }

    private static Map<String, Object> fields(Request request, Context context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(
                "lambdaRequestId",
                context == null || context.getAwsRequestId() == null ? "none" : context.getAwsRequestId());
        fields.put(
                "requestType",
                request.requestType() == null
                        ? "unknown"
                        : request.requestType().wireName());
        fields.put("resourceType", String.valueOf(request.resourceType()));
        fields.put("logicalResourceId", String.valueOf(request.logicalResourceId()));
        fields.put("requestId", String.valueOf(request.requestId()));
        if (request.physicalResourceId() != null) {
            fields.put("physicalResourceId", request.physicalResourceId());
        }
        return fields;
    }
}
