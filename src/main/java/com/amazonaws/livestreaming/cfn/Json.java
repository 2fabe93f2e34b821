package com.amazonaws.livestreaming.cfn;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one ObjectMapper of the protocol code: a mapper is thread-safe once configured, and one configuration for
 * parsing events, writing answers and writing log lines keeps the three from drifting apart.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
