package com.amazonaws.livestreaming.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * What a stand-in answers: a status with a JSON body (AWS's REST-JSON error form for refusals), optionally sent
 * late (the request was applied at once; only the answer is slow), or a broken connection.
 */
public record StandInAnswer(
        int status, String body, String errorType, String contentType, Duration delay, Fault fault) {

    static StandInAnswer ok(int status, JsonNode body) {
        return new StandInAnswer(
                status, body == null ? "" : body.toString(), null, "application/json", Duration.ZERO, null);
    }

    /**
     * A refusal as MediaLive and MediaPackage send it: the error code in {@code x-amzn-ErrorType}, the message in
     * the body, which is how the SDK recognises NotFoundException, ConflictException and the like.
     */
    public static StandInAnswer error(int status, String code, String message) {
        return new StandInAnswer(
                status,
                StandInCall.JSON.createObjectNode().put("message", message).toString(),
                code + ":http://internal.amazon.com/coral/com.amazonaws.standin/",
                "application/json",
                Duration.ZERO,
                null);
    }

    /** Applies {@code action} to the resource with {@code id}, or answers 404 NotFoundException naming {@code what}. */
    static <T> StandInAnswer found(
            Map<String, T> resources, String id, String what, Function<T, StandInAnswer> action) {
        T resource = resources.get(id);
        return resource == null
                ? error(404, "NotFoundException", what + " " + id + " not found.")
                : action.apply(resource);
    }

    /** A refusal in the JSON 1.1 form SSM uses: the error code as {@code __type} in the body. */
    public static StandInAnswer jsonError(int status, String code, String message) {
        return new StandInAnswer(
                status,
                StandInCall.JSON
                        .createObjectNode()
                        .put("__type", code)
                        .put("message", message)
                        .toString(),
                null,
                "application/x-amz-json-1.1",
                Duration.ZERO,
                null);
    }

    /** A refusal in S3's REST-XML form: the error code and message in an {@code <Error>} document. */
    public static StandInAnswer xmlError(int status, String code, String message) {
        return new StandInAnswer(status, S3Xml.error(code, message), null, "application/xml", Duration.ZERO, null);
    }

    /** An answer with a body of its own type (S3's XML documents, an object's content), or none. */
    static StandInAnswer text(int status, String body, String contentType) {
        return new StandInAnswer(status, body, null, contentType, Duration.ZERO, null);
    }

    /** The connection breaks instead of an answer. */
    public static StandInAnswer broken(Fault fault) {
        return new StandInAnswer(0, "", null, null, Duration.ZERO, fault);
    }

    StandInAnswer late(Duration by) {
        return new StandInAnswer(status, body, errorType, contentType, delay.plus(by), fault);
    }

    ResponseDefinitionBuilder toWireMock() {
        ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder();
        if (fault != null) {
            return builder.withFault(fault);
        }
        builder.withStatus(status).withBody(body);
        if (contentType != null) {
            builder.withHeader("Content-Type", contentType);
        }
        if (errorType != null) {
            builder.withHeader("x-amzn-ErrorType", errorType);
        }
        if (!delay.isZero()) {
            builder.withFixedDelay((int) delay.toMillis());
        }
        return builder;
    }
}
