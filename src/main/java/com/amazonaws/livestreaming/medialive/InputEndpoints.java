package com.amazonaws.livestreaming.medialive;

import com.amazonaws.livestreaming.cfn.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.medialive.model.DescribeInputResponse;
import software.amazon.awssdk.services.medialive.model.InputDestination;
import software.amazon.awssdk.services.medialive.model.InputType;

/**
 * The Data an input answers with. For push inputs {@code EndPoint1}/{@code EndPoint2} are the URLs an encoder
 * pushes to, straight from MediaLive's {@code destinations}. Other inputs have nothing to push to, so the
 * attributes say in words where the content comes from; stack outputs built from them stay readable instead of
 * showing an empty string. A pull URL is shown without its query string, which may carry an access token, and a
 * source longer than {@link #MAX_SOURCE_SHOWN} characters is shortened, so the answer always fits.
 */
final class InputEndpoints {
    /**
     * The longest source a description shows. Nothing reads these descriptions but people (the template reads
     * EndPoint1 and EndPoint2 only for push inputs), so a longer one is cut rather than refused: two of them, with
     * the rest of the Data and the longest ids CloudFormation sends, still fit its 4096-byte answer.
     */
    static final int MAX_SOURCE_SHOWN = 1024;

    private InputEndpoints() {}

    public static Map<String, String> data(DescribeInputResponse input, InputSettings settings) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Id", input.id());
        data.put("Arn", input.arn());
        data.put("EndPoint1", endpoint(input, settings, Pipeline.PRIMARY));
        data.put("EndPoint2", settings.isStandard() ? endpoint(input, settings, Pipeline.SECONDARY) : "");
        return data;
    }

    private static String endpoint(DescribeInputResponse input, InputSettings settings, Pipeline pipeline) {
        int index = pipeline.ordinal();
        if (settings.isPush()) {
            List<InputDestination> destinations = input.destinations();
            return destinations.size() > index && destinations.get(index).url() != null
                    ? destinations.get(index).url()
                    : "";
        }
        if (settings.type() == InputType.MEDIACONNECT) {
            return described("fed by MediaConnect flow ", settings.flowArns().get(index));
        }
        if (settings.type() == InputType.SRT_CALLER) {
            return described("calls ", settings.srtSources().get(index).url());
        }
        return described(
                "pulls from ", Redaction.url(settings.pullSources().get(index).url()));
    }

    /** Words about a source that is not pushed to; a very long source is shortened so the answer always fits. */
    private static String described(String verb, String source) {
        return verb + Redaction.shorten(source, MAX_SOURCE_SHOWN) + " (no push endpoint)";
    }
}
