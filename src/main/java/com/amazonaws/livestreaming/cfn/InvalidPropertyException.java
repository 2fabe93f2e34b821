package com.amazonaws.livestreaming.cfn;

/**
 * Bad input from the template. Its message is the one-line Reason the user sees in the stack events, so it
 * always names the property and, where there is a closed set, the allowed values.
 */
public final class InvalidPropertyException extends RuntimeException {
    private final String property;

    public InvalidPropertyException(String property, String message) {
        super(message, null, false, false);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
