package com.amazonaws.livestreaming.snapstart;

import com.amazonaws.livestreaming.cfn.JsonText;
import com.amazonaws.livestreaming.cfn.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation events SnapStart priming runs through the handler, from {@code snapstart/events.json}: a
 * Create and a Delete of every resource kind, shaped as the stack's template makes them (the 1080p channel, all
 * four endpoint types, push and pull inputs), for a stack that exists only in {@link CannedAnswers}.
 */
final class SampleEvents {
    /** One event, named for the log and the benchmark, e.g. {@code MediaLiveChannel-Create}. */
    record Sample(String name, Map<String, Object> event) {
        /** The event's bytes with {@code responseUrl} as its ResponseURL. */
        byte[] bytes(String responseUrl) {
            Map<String, Object> copy = new LinkedHashMap<>(event);
            copy.put("ResponseURL", responseUrl);
            return JsonText.write(copy).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final String RESOURCE = "/snapstart/events.json";

    private SampleEvents() {}

    @SuppressWarnings("unchecked")
    static List<Sample> packaged() {
        byte[] json;
        try (InputStream in = SampleEvents.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        List<Sample> samples = new ArrayList<>();
        for (Object item : (List<Object>) JsonTree.parse(json)) {
            Map<String, Object> entry = (Map<String, Object>) item;
            samples.add(new Sample((String) entry.get("name"), (Map<String, Object>) entry.get("event")));
        }
        return samples;
    }
}
