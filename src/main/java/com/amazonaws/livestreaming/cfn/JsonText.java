package com.amazonaws.livestreaming.cfn;

import java.util.Collection;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as JSON text. The answer body and every log line are small
 * maps of strings; writing them by hand keeps a general-purpose JSON library (and its hundreds of classes) off the
 * cold path of requests that do not need one.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /** {@code value} as JSON; anything that is not a map, collection, number or boolean is written as a string. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, false);
        return out.toString();
    }

    /** As {@link #write}, with every non-ASCII character escaped, for files whose reader may guess the charset. */
    public static String writeAscii(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, true);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, boolean ascii) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(entry.getKey()), ascii);
                out.append(':');
                append(out, entry.getValue(), ascii);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item, ascii);
            }
            out.append(']');
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Number number && isFinite(number)) {
            out.append(number);
        } else {
            string(out, String.valueOf(value), ascii);
        }
    }

    private static boolean isFinite(Number number) {
        double d = number.doubleValue();
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }

    private static void string(StringBuilder out, String text, boolean ascii) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || (ascii && c > 0x7e)) {
                        out.append("\\u")
                                .append(HEX[c >> 12 & 15])
                                .append(HEX[c >> 8 & 15])
                                .append(HEX[c >> 4 & 15])
                                .append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
