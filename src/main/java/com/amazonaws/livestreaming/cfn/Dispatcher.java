package com.amazonaws.livestreaming.cfn;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a request to the manager of its kind and turns whatever happens, {@link Error}s included, into an
 * {@link Outcome}. It never throws, so the caller always has something to answer. Every Delete reaches its manager,
 * whatever its id looks like: only AWS can say whether an id names something (a running, billed channel must never
 * be left behind because its id had an unexpected form), and even the marker of a failed Create leads to a search
 * for what that Create made after all (see {@link Leftovers}).
 */
public final class Dispatcher {
    private final Supplier<Registry> registries;

    /** @param registries gives the registry; building it (and its clients) may fail, and that is answered too */
    public Dispatcher(Supplier<Registry> registries) {
        this.registries = Objects.requireNonNull(registries, "registries");
    }

    public Outcome dispatch(Request request, Invocation invocation) {
        try {
            invocation.step("beginning the " + request.requestType().wireName() + " of "
                    + Redaction.shorten(String.valueOf(request.logicalResourceId()), 64));
            boolean marker = request.requestType() == RequestType.DELETE
                    && PhysicalIds.isNothingCreated(request.physicalResourceId());
            Registry registry = registries.get();
            Optional<ResourceManager> found = request.kind().flatMap(registry::find);
            if (found.isEmpty() && marker) {
                invocation.log().info("delete of a resource an unknown kind never created; nothing to do");
                return Outcome.success(request.physicalResourceId());
            }
            String kind = request.kind()
                    .orElseThrow(() -> new ResourceFailure("ResourceType '"
                            + Redaction.shorten(String.valueOf(request.resourceType()), 64)
                            + "' is not Custom::<Kind>; known kinds: " + String.join(", ", registry.kinds())));
            ResourceManager manager = found.orElseThrow(() -> new ResourceFailure("unknown resource kind Custom::"
                    + Redaction.shorten(kind, 64) + "; known kinds: " + String.join(", ", registry.kinds())));
            if (marker) {
                Leftovers.awaitInFlightCreation(request, invocation);
            }
            if (request.requestType() != RequestType.DELETE) {
                EventAge.checkFresh(request, Instant.now());
                if (request.requestType() == RequestType.UPDATE) {
                    PropertyCheck.checkUpdate(
                            manager.spec(),
                            manager.propertyRules(),
                            request.properties(),
                            request.oldProperties(),
                            invocation.log());
                } else {
                    PropertyCheck.check(manager.spec(), manager.propertyRules(), request.properties());
                }
            }
            Outcome outcome = switch (request.requestType()) {
                case CREATE -> manager.create(request, invocation);
                case UPDATE -> manager.update(request, invocation);
                case DELETE -> manager.delete(request, invocation);
            };
            if (outcome == null) {
                throw new IllegalStateException("the " + kind + " manager returned no outcome");
            }
            return PhysicalIds.withAnswerId(request, outcome, invocation.madePhysicalId());
        } catch (Throwable failure) {
            return failed(request, invocation, failure);
        }
    }

    private static Outcome failed(Request request, Invocation invocation, Throwable failure) {
        String reason = FailureReason.of(failure);
        String made = failure instanceof ResourceFailure rf && rf.physicalResourceId() != null
                ? rf.physicalResourceId()
                : invocation.madePhysicalId();
        if (invocation.isClosed()) {
            invocation
                    .log()
                    .warn("late worker stopped; its invocation had already been answered", Map.of("reason", reason));
        } else if (failure instanceof InvalidPropertyException || failure instanceof ResourceFailure) {
            invocation.log().error("failed", Map.of("reason", reason));
        } else {
            invocation
                    .log()
                    .error(
                            "failed unexpectedly",
                            Map.of(
                                    "reason",
                                    reason,
                                    "exception",
                                    failure.getClass().getName(),
                                    "at",
                                    firstFrames(failure)));
        }
        return PhysicalIds.withAnswerId(request, Outcome.failed(null, reason), made);
    }

    private static String firstFrames(Throwable failure) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = failure.getStackTrace();
        for (int i = 0; i < Math.min(5, trace.length); i++) {
            frames.append(i == 0 ? "" : " < ").append(trace[i]);
        }
        return frames.toString();
    }
}
