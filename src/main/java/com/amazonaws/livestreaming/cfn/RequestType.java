package com.amazonaws.livestreaming.cfn;

import java.util.Arrays;
import java.util.Optional;

/** The three lifecycle events CloudFormation sends to a custom resource. */
public enum RequestType {
    CREATE("Create"),
    UPDATE("Update"),
    DELETE("Delete");

    private final String wireName;

    RequestType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The RequestType for a wire value, exactly as CloudFormation spells it. */
    public static Optional<RequestType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
