package com.amazonaws.livestreaming.snapstart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Makes any AWS call by its {@code Service:Operation} name, on the client of that service, with a request whose
 * path members hold a placeholder: what SnapStart priming uses for each call the managers declare but the sample
 * events did not reach, so every declared call's marshaller, signer and unmarshaller is loaded before the
 * snapshot without a hand-kept list. The answer, or the error it unmarshals to, is thrown away.
 */
final class ApiCallPrimer {
    static final String PLACEHOLDER = "snapstart-priming";

    private ApiCallPrimer() {}

    /** Calls each of {@code operations}; returns, for each that could not even be sent, why. */
    static List<String> call(List<SdkClient> clients, Collection<String> operations) {
        List<String> problems = new ArrayList<>();
        for (String operation : operations) {
            try {
                call(clients, operation);
            } catch (IllegalArgumentException | ReflectiveOperationException e) {
                problems.add(operation + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static void call(List<SdkClient> clients, String operation) throws ReflectiveOperationException {
        int colon = operation.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not Service:Operation");
        }
        String service = operation.substring(0, colon);
        String name = operation.substring(colon + 1);
        SdkClient client = clients.stream()
                .filter(c -> sameService(c.serviceName(), service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no client serves " + service));
        Method method = method(client, name)
                .orElseThrow(() -> new IllegalArgumentException("the " + service + " client has no operation " + name));
        Object request = placeholderRequest(method.getParameterTypes()[0]);
        Object[] arguments = method.getParameterCount() == 1
                ? new Object[] {request}
                : new Object[] {request, RequestBody.fromString("")};
        try {
            Object answer = method.invoke(client, arguments);
            if (answer instanceof AutoCloseable stream) {
                stream.close();
            }
        } catch (InvocationTargetException refused) {
            // An error answer has been sent, received and unmarshalled: that path is primed too.
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code medialive} (the client's name) serves {@code MediaLive} (the name in ResourceSpec). */
    private static boolean sameService(String clientName, String service) {
        return normalise(clientName).equals(normalise(service));
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** {@code name(XRequest)}, or {@code name(XRequest, RequestBody)} for uploads, on the client's interface. */
    private static Optional<Method> method(SdkClient client, String operation) {
        String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        for (Class<?> face : client.getClass().getInterfaces()) {
            if (!SdkClient.class.isAssignableFrom(face)) {
                continue;
            }
            for (Method candidate : face.getMethods()) {
                Class<?>[] types = candidate.getParameterTypes();
                if (candidate.getName().equals(name)
                        && types.length >= 1
                        && SdkRequest.class.isAssignableFrom(types[0])
                        && (types.length == 1 || types.length == 2 && types[1] == RequestBody.class)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A request whose every string member in the URL path is set, since the SDK refuses to send one without. */
    private static Object placeholderRequest(Class<?> type) throws ReflectiveOperationException {
        Object builder = type.getMethod("builder").invoke(null);
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            if ((field.location() == MarshallLocation.PATH || field.location() == MarshallLocation.GREEDY_PATH)
                    && field.marshallingType() == MarshallingType.STRING) {
                field.set(builder, PLACEHOLDER);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }
}
