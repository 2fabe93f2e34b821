package com.amazonaws.livestreaming.mediapackage;

import com.amazonaws.livestreaming.cfn.InvalidPropertyException;
import com.amazonaws.livestreaming.cfn.Properties;
import com.amazonaws.livestreaming.cfn.Redaction;
import com.amazonaws.livestreaming.cfn.Request;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MediaPackage's id rules, in one place. Channel and origin-endpoint ids are chosen by the caller (not generated),
 * must be unique in the Region and can never change, so this project derives them from the stack name: that keeps
 * a repeated Create on the same id (and therefore idempotent), and an id MediaPackage would refuse fails before
 * any call with a reason that says where the bad id came from.
 */
public final class MediaPackageIds {
    /** What MediaPackage accepts for channel and endpoint ids: {@code \A[0-9a-zA-Z-_]+\Z}, 1 to 256 characters. */
    static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]+");

    static final int MAX_LENGTH = 256;
    static final String RULE = "letters, digits, hyphens (-) and underscores (_), 1 to " + MAX_LENGTH + " characters";
    static final String CHANNEL_ID = "ChannelId";
    static final String DEFAULT_SUFFIX = "-livestream";

    private MediaPackageIds() {}

    /** The explicit {@code ChannelId} property, else {@code <StackName>-livestream}; either way a valid id. */
    public static String channelId(Request request) {
        return explicitChannelId(request.properties()).orElseGet(() -> {
            String derived = request.stackName() + DEFAULT_SUFFIX;
            if (!isValid(derived, 0)) {
                throw new InvalidPropertyException(
                        CHANNEL_ID,
                        "the default ChannelId '"
                                + Redaction.shorten(derived, 64) + "' made from the stack name '"
                                + Redaction.shorten(request.stackName(), 64)
                                + "' is not a valid MediaPackage id (" + RULE + "); set ChannelId explicitly");
            }
            return derived;
        });
    }

    /** The {@code ChannelId} property of a channel, when given, checked against MediaPackage's id rules. */
    static Optional<String> explicitChannelId(Properties properties) {
        return properties.optional(CHANNEL_ID).map(id -> checked(id, 0));
    }

    /** The required {@code ChannelId} of an endpoint, checked so that {@code <channel><suffix>} is a valid id too. */
    public static String endpointChannelId(Request request, EndpointType type) {
        return endpointChannelId(request.properties(), type);
    }

    /** As {@link #endpointChannelId(Request, EndpointType)}; with no (valid) type, checked as a channel id alone. */
    static String endpointChannelId(Properties properties, EndpointType type) {
        return checked(
                properties.required(CHANNEL_ID),
                type == null ? 0 : type.idSuffix().length());
    }

    /** The id of the endpoint of {@code type} on {@code channelId}, e.g. {@code demo-livestream-hls}. */
    public static String endpointId(String channelId, EndpointType type) {
        return channelId + type.idSuffix();
    }

    private static String checked(String id, int reserved) {
        return checked(CHANNEL_ID, id, reserved);
    }

    /** {@code id} from {@code property}, when MediaPackage would accept it as a channel id; otherwise names the rule. */
    public static String checkedChannelId(String property, String id) {
        return checked(property, id, 0);
    }

    private static String checked(String property, String id, int reserved) {
        if (!isValid(id, reserved)) {
            String rule = reserved == 0
                    ? RULE
                    : "letters, digits, hyphens (-) and underscores (_), 1 to " + (MAX_LENGTH - reserved)
                            + " characters, leaving room for the endpoint suffix";
            throw new InvalidPropertyException(
                    property,
                    property + " is '" + Redaction.shorten(id, 64) + "'; a MediaPackage id may contain only " + rule);
        }
        return id;
    }

    private static boolean isValid(String id, int reserved) {
        return id.length() <= MAX_LENGTH - reserved && ID.matcher(id).matches();
    }
}
