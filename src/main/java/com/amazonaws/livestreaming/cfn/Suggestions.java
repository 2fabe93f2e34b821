package com.amazonaws.livestreaming.cfn;

import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a misspelt name: a property of a custom resource, a field or an enum value of an encoding
 * profile. One rule for all of them, so a typo is caught the same way wherever it is made.
 */
public final class Suggestions {
    private Suggestions() {}

    /** The closest of the known names to a misspelt one, if any is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = normalized(candidate).equals(normalized(wrong))
                    ? 0
                    : distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) + 1;
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, wrong.length() / 4) + 1;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Case and separators ignored: {@code h264_level_31} is {@code H264_LEVEL_3_1} mistyped, not LEVEL_1. */
    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
