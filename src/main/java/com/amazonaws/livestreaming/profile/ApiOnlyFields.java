package com.amazonaws.livestreaming.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members MediaLive's API has but the bundled AWS SDK for Java does not, per structure, so {@code validate}
 * can tell a field that is merely too new for this build from a typo. The jar carries no API model at run time;
 * {@value #RESOURCE} is a short list made from botocore's MediaLive model, and a test regenerates it from the
 * venv's botocore against the bundled SDK to keep it true.
 */
final class ApiOnlyFields {
    static final String RESOURCE = "/profile/medialive-api-only-fields.txt";
    private static final ApiOnlyFields BUNDLED = load();

    private final String sdkVersion;
    private final Map<String, Set<String>> byStructure;

    private ApiOnlyFields(String sdkVersion, Map<String, Set<String>> byStructure) {
        this.sdkVersion = sdkVersion;
        this.byStructure = byStructure;
    }

    static ApiOnlyFields bundled() {
        return BUNDLED;
    }

    /**
     * Reads the list: {@code #} comments, one {@code sdk <version>} line naming the SDK it was made against, then
     * one line per structure, {@code <Structure> <Member> <Member>...}.
     */
    static ApiOnlyFields parse(String text) {
        String sdk = null;
        Map<String, Set<String>> byStructure = new HashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = List.of(line.split("\\s+"));
            if (words.get(0).equals("sdk") && words.size() == 2) {
                sdk = words.get(1);
            } else if (words.size() >= 2) {
                byStructure.put(words.get(0), Set.copyOf(words.subList(1, words.size())));
            } else {
                throw new IllegalArgumentException("not a structure and its members: " + line);
            }
        }
        if (sdk == null) {
            throw new IllegalArgumentException("no 'sdk <version>' line");
        }
        return new ApiOnlyFields(sdk, Map.copyOf(byStructure));
    }

    /** The SDK version the list was made against. */
    String sdkVersion() {
        return sdkVersion;
    }

    /** Why {@code member} of {@code structure} cannot be read, when the API has it and the SDK does not. */
    Optional<String> reason(String structure, String member) {
        return byStructure.getOrDefault(structure, Set.of()).contains(member)
                ? Optional.of(member + " is a MediaLive API field the bundled AWS SDK " + sdkVersion
                        + " does not support yet")
                : Optional.empty();
    }

    private static ApiOnlyFields load() {
        try (InputStream in = ApiOnlyFields.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
