package com.amazonaws.livestreaming.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results in the TAP output of {@code node --test}, so that a failure message can name the tests that failed
 * (the innermost ones: a suite fails when one of its tests does, and naming the suite says nothing) with what node
 * said about each, and a rerun can be checked to have run and passed exactly those tests.
 */
record TapResults(List<Result> results) {
    private static final Pattern RESULT = Pattern.compile("^( *)(not ok|ok) \\d+ - (.*?)( # (?:SKIP|TODO).*)?$");

    /** One test's result: its name as written in the test file and the diagnostic block node wrote under it. */
    record Result(String name, boolean passed, boolean skipped, boolean innermost, List<String> details) {
        Result {
            details = List.copyOf(details);
        }
    }

    TapResults {
        results = List.copyOf(results);
    }

    static TapResults in(List<String> lines) {
        List<Result> results = new ArrayList<>();
        int previousIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = RESULT.matcher(lines.get(i));
            if (!line.matches()) {
                continue;
            }
            int indent = line.group(1).length();
            // node writes a suite's tests before the suite's own result, one level deeper
            boolean innermost = previousIndent <= indent;
            previousIndent = indent;
            results.add(new Result(
                    unescape(line.group(3)),
                    line.group(2).equals("ok"),
                    line.group(4) != null,
                    innermost,
                    block(lines, i + 1, indent)));
        }
        return new TapResults(results);
    }

    List<Result> failures() {
        return results.stream().filter(r -> !r.passed() && r.innermost()).toList();
    }

    /** Whether a test of this name ran (was not skipped) and passed. */
    boolean ranAndPassed(String name) {
        return results.stream().anyMatch(r -> r.name().equals(name) && r.passed() && !r.skipped());
    }

    /** Each failure's name and what node said about it, without its stack (which is node's, not the test's). */
    String describeFailures() {
        StringBuilder text = new StringBuilder();
        for (Result failure : failures()) {
            text.append("not ok - ").append(failure.name()).append('\n');
            int stackIndent = -1;
            for (String line : failure.details()) {
                int indent = line.length() - line.stripLeading().length();
                if (stackIndent >= 0 && indent > stackIndent) {
                    continue;
                }
                stackIndent = line.stripLeading().startsWith("stack:") ? indent : -1;
                if (stackIndent < 0) {
                    text.append(line).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** A node {@code --test-name-pattern} (a JavaScript regular expression) matching exactly this name. */
    static String exactNamePattern(String name) {
        return "^" + name.replaceAll("[\\\\^$.*+?()\\[\\]{}|/]", "\\\\$0") + "$";
    }

    /** The YAML block node writes after a result: from its {@code ---} to its {@code ...}, indented under it. */
    private static List<String> block(List<String> lines, int from, int indent) {
        String open = " ".repeat(indent + 2) + "---";
        String close = " ".repeat(indent + 2) + "...";
        List<String> block = new ArrayList<>();
        if (from >= lines.size() || !lines.get(from).equals(open)) {
            return block;
        }
        for (int i = from + 1; i < lines.size() && !lines.get(i).equals(close); i++) {
            block.add(lines.get(i));
        }
        return block;
    }

    /** TAP escapes {@code \} and {@code #} in names. */
    private static String unescape(String name) {
        return name.replace("\\#", "#").replace("\\\\", "\\");
    }
}
