package com.amazonaws.livestreaming.cfn;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends a request to the manager of its kind and turns whatever happens, {@link Error}s included, into an
 * {@link Outcome}. It never throws, so the caller always has something to answer.
 */
public final class Dispatcher {
    private final Supplier<Registry> registries;

    /** @param registries gives the registry; building it (and its clients) may fail, and that is answered too */
    public Dispatcher(Supplier<Registry> registries) {
        this.registries = registries;
    }

    public Outcome dispatch(Request request, Invocation invocation) {
        try {
            if (request.requestType() == RequestType.DELETE
                    && PhysicalIds.isNothingCreated(request.physicalResourceId())) {
                invocation.log().info("delete of a resource that was never created; nothing to do");
                return Outcome.success(request.physicalResourceId());
            }
            Registry registry = registries.get();
            String kind = request.kind().orElseThrow(() -> new ResourceFailure("ResourceType '"
                    + Redaction.shorten(String.valueOf(request.resourceType()), 64)
                    + "' is not Custom::<Kind>; known kinds: " + String.join(", ", registry.kinds())));
            ResourceManager manager = registry.find(kind).orElseThrow(() -> new ResourceFailure(
                    "unknown resource kind Custom::" + Redaction.shorten(kind, 64) + "; known kinds: "
                            + String.join(", ", registry.kinds())));
            if (request.requestType() == RequestType.DELETE && !manager.recognises(request.physicalResourceId())) {
                invocation.log().info("delete of an id this kind never makes; nothing to do");
                return Outcome.success(request.physicalResourceId());
            }
            if (request.requestType() != RequestType.DELETE) {
                PropertyCheck.check(manager.spec(), manager.propertyRules(), request.properties());
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
                ? rf.physicalResourceId() : invocation.madePhysicalId();
        if (failure instanceof InvalidPropertyException || failure instanceof ResourceFailure) {
            invocation.log().error("failed", Map.of("reason", reason));
        } else {
            invocation.log().error("failed unexpectedly", Map.of("reason", reason,
                    "exception", failure.getClass().getName(), "at", firstFrames(failure)));
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
