package com.amazonaws.livestreaming.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The simple commands in a piece of shell as the docs write it: continuation lines joined, comments dropped,
 * {@code &&}, {@code ||}, {@code ;} and {@code |} (between spaces) separating commands, quotes removed from words,
 * and every {@code $(...)} read as a command of its own. Enough shell for what docs show; not a shell.
 */
final class ShellCommands {
    /** One simple command: its words, and the line of the text it starts on (0 for the first line). */
    record Command(int line, List<String> words) {}

    private ShellCommands() {}

    static List<Command> of(String shell) {
        List<Command> commands = new ArrayList<>();
        String[] lines = shell.split("\n", -1);
        StringBuilder logical = new StringBuilder();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (start < 0) {
                start = i;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            split(logical.toString(), start, commands);
            logical.setLength(0);
            start = -1;
        }
        return commands;
    }

    private static void split(String line, int lineNo, List<Command> commands) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                int end = closing(line, i + 1);
                split(line.substring(i + 2, end), lineNo, commands);
                word = word == null ? new StringBuilder() : word;
                word.append("$CMD");
                i = end;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null && c == '#') {
                break;
            }
            if (word == null && (c == ';' || c == '&' || c == '|')) {
                boolean pipe = c == '|'
                        && (i + 1 >= line.length()
                                || Character.isWhitespace(line.charAt(i + 1))
                                || line.charAt(i + 1) == '|');
                if (c != '|' || pipe) {
                    flush(words, lineNo, commands);
                    words = new ArrayList<>();
                    while (i + 1 < line.length() && "&|".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    continue;
                }
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        flush(words, lineNo, commands);
    }

    private static void flush(List<String> words, int lineNo, List<Command> commands) {
        if (!words.isEmpty()) {
            commands.add(new Command(lineNo, List.copyOf(words)));
        }
    }

    /** The index of the ')' that closes the '(' at {@code open}. */
    private static int closing(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return line.length();
    }
}
