package com.amazonaws.livestreaming.cfn;

/**
 * The function itself is set up wrong (a missing {@code AWS_REGION}, an {@code AWS_ENDPOINT_URL} that is no URL):
 * nothing about the request, and nothing a retry changes. Its message says which setting and what it needs, and the
 * Reason calls it a configuration error rather than an internal one.
 */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
