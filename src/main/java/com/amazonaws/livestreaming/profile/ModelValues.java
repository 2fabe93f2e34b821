package com.amazonaws.livestreaming.profile;

import java.util.Optional;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Reads members of a model object by their model name. Codec settings differ by codec (H264Settings,
 * H265Settings, Mpeg2Settings...) but share member names such as {@code GopSize}; reading by name checks every
 * codec the same way.
 */
final class ModelValues {
    private ModelValues() {}

    static Optional<Object> member(SdkPojo pojo, String memberName) {
        if (pojo == null) {
            return Optional.empty();
        }
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(memberName)) {
                return Optional.ofNullable(field.getValueOrDefault(pojo));
            }
        }
        return Optional.empty();
    }

    /** Whether the model object's type has a member of that name, set or not. */
    static boolean has(SdkPojo pojo, String memberName) {
        return pojo != null
                && pojo.sdkFields().stream().anyMatch(f -> f.memberName().equals(memberName));
    }

    static Optional<Number> number(SdkPojo pojo, String memberName) {
        return member(pojo, memberName).filter(Number.class::isInstance).map(Number.class::cast);
    }

    static Optional<String> string(SdkPojo pojo, String memberName) {
        return member(pojo, memberName).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The one member that is set on a "one of" structure such as VideoCodecSettings, with its name. */
    static Optional<Named> chosen(SdkPojo union) {
        if (union == null) {
            return Optional.empty();
        }
        for (SdkField<?> field : union.sdkFields()) {
            if (field.getValueOrDefault(union) instanceof SdkPojo value) {
                return Optional.of(new Named(field.memberName(), value));
            }
        }
        return Optional.empty();
    }

    /** A member value and its model name (the JSON key). */
    record Named(String name, SdkPojo value) {}
}
