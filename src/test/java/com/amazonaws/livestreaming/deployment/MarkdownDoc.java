package com.amazonaws.livestreaming.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file as GitHub renders it, reduced to what the docs checks need: the anchors its headings get, its
 * relative links, and the code it shows (fenced blocks and inline code spans), each with the line it is on. Code is
 * never read as links or headings, as on GitHub.
 */
final class MarkdownDoc {
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([\\w-]*).*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HTML_LINK = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");
    /** {@code [text](destination "title")} and {@code ![alt](destination)}; the text may hold one level of []. */
    private static final Pattern LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern REFERENCE =
            Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(\\s.*)?$", Pattern.MULTILINE);
    private static final Pattern CODE_SPAN =
            Pattern.compile("(`+)(?!`)((?:(?!\\n\\s*\\n).)+?)(?<!`)\\1(?!`)", Pattern.DOTALL);
    /** What GitHub's slugger drops from a heading: all but letters, marks, digits, '_'-like, space and '-'. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    /** A link destination (a path, a path#anchor or #anchor) and where it is written. */
    record Link(int line, String destination) {}

    /** Code as the reader sees it: a fenced block (with its info string) or an inline code span. */
    record Code(int line, String text, boolean block, String info) {}

    private final Path path;
    private final List<String> anchors = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Code> code = new ArrayList<>();

    private MarkdownDoc(Path path) {
        this.path = path;
    }

    static MarkdownDoc read(Path path) {
        try {
            return parse(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static MarkdownDoc parse(Path path, String text) {
        MarkdownDoc doc = new MarkdownDoc(path);
        doc.scan(text);
        return doc;
    }

    Path path() {
        return path;
    }

    /** The anchors a reader can link to: every heading's (GitHub's rules, duplicates numbered) and HTML ids. */
    Set<String> anchors() {
        return new LinkedHashSet<>(anchors);
    }

    List<Link> links() {
        return links;
    }

    List<Code> code() {
        return code;
    }

    /**
     * The anchor GitHub gives a heading: its text without Markdown markup, lower-cased, with everything but
     * letters, digits, '_', spaces and hyphens removed and each space made a hyphen.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[((?:[^\\[\\]]|\\[[^\\]]*])*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replace("*", "");
        return NOT_IN_ANCHOR
                .matcher(text.trim().toLowerCase(Locale.ROOT))
                .replaceAll("")
                .replace(' ', '-');
    }

    private void scan(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder prose = new StringBuilder();
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        String info = null;
        int fenceLine = 0;
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence == null && fenceMatch.matches()) {
                fence = fenceMatch.group(1);
                info = fenceMatch.group(2);
                fenceLine = i + 2;
                block.setLength(0);
                prose.append('\n');
                continue;
            }
            if (fence != null) {
                if (line.trim().startsWith(fence)
                        && line.trim().replace(fence.substring(0, 1), "").isEmpty()) {
                    code.add(new Code(fenceLine, block.toString(), true, info));
                    fence = null;
                } else {
                    block.append(line).append('\n');
                }
                prose.append('\n');
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            prose.append(line).append('\n');
        }
        scanProse(prose.toString());
    }

    /** Inline code first; links, references and HTML only in what is left, as GitHub reads them. */
    private void scanProse(String prose) {
        StringBuilder masked = new StringBuilder(prose);
        Matcher span = CODE_SPAN.matcher(prose);
        while (span.find()) {
            code.add(new Code(
                    lineOf(prose, span.start()),
                    span.group(2).replaceAll("\\s*\\n\\s*", " ").trim(),
                    false,
                    ""));
            for (int i = span.start(); i < span.end(); i++) {
                if (masked.charAt(i) != '\n') {
                    masked.setCharAt(i, 'x');
                }
            }
        }
        String outsideCode = masked.toString();
        for (Pattern pattern : List.of(LINK, REFERENCE, HTML_LINK)) {
            Matcher link = pattern.matcher(outsideCode);
            while (link.find()) {
                links.add(new Link(lineOf(outsideCode, link.start(1)), link.group(1)));
            }
        }
        links.sort((a, b) -> Integer.compare(a.line(), b.line()));
        Matcher anchor = HTML_ANCHOR.matcher(outsideCode);
        while (anchor.find()) {
            anchors.add(anchor.group(1));
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
