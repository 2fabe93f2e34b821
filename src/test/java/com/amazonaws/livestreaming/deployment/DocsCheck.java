package com.amazonaws.livestreaming.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the docs a reader follows: README.md, RELIABILITY.md and docs/*.md. Every relative link must reach a file
 * of the repository, and every #anchor a heading of the page it names (GitHub's anchor rules); every command shown
 * in a shell block or inline code must be one that works ({@link DocCommands}), and every repository path shown in
 * inline code must exist. Each problem is reported as {@code file:line: what is wrong}.
 */
final class DocsCheck {
    private static final Set<String> SHELL_BLOCKS = Set.of("", "bash", "sh", "shell", "console");

    private final Path root;
    private final DocCommands commands;
    private final Map<Path, MarkdownDoc> read = new HashMap<>();
    private final Map<String, Integer> checked = new java.util.TreeMap<>();

    DocsCheck(Path root, DocCommands commands) {
        this.root = root.toAbsolutePath().normalize();
        this.commands = commands;
    }

    /** The docs of a repository: README.md, RELIABILITY.md if present, and every docs/*.md. */
    static List<Path> docs(Path repository) {
        Path root = repository.toAbsolutePath().normalize();
        List<Path> docs = new ArrayList<>();
        for (String top : List.of("README.md", "RELIABILITY.md")) {
            if (Files.isRegularFile(root.resolve(top))) {
                docs.add(root.resolve(top));
            }
        }
        Path dir = root.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    /** Every problem of every file, as {@code file:line: message}. */
    List<String> problems(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            MarkdownDoc doc = doc(file.toAbsolutePath().normalize());
            String name = root.relativize(doc.path()).toString();
            for (MarkdownDoc.Link link : doc.links()) {
                linkProblem(doc, link.destination()).ifPresent(p -> problems.add(name + ":" + link.line() + ": " + p));
            }
            for (MarkdownDoc.Code code : doc.code()) {
                codeProblems(code).forEach(p -> problems.add(name + ":" + p));
            }
        }
        return problems;
    }

    private Optional<String> linkProblem(MarkdownDoc from, String destination) {
        if (destination.isEmpty()
                || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                || destination.startsWith("//")) {
            return Optional.empty();
        }
        int hash = destination.indexOf('#');
        String target =
                URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        Path file = target.isEmpty()
                ? from.path()
                : from.path().getParent().resolve(target).normalize();
        if (!file.startsWith(root)) {
            return Optional.of("link " + destination + " leaves the repository");
        }
        if (!Files.exists(file)) {
            return Optional.of("link " + destination + ": " + root.relativize(file) + " does not exist");
        }
        if (anchor != null && file.toString().endsWith(".md")) {
            Set<String> anchors = doc(file).anchors();
            if (!anchors.contains(anchor)) {
                return Optional.of("link " + destination + ": " + root.relativize(file)
                        + " has no heading with the anchor #" + anchor);
            }
        }
        return Optional.empty();
    }

    private List<String> codeProblems(MarkdownDoc.Code code) {
        List<String> problems = new ArrayList<>();
        if (code.block() && !SHELL_BLOCKS.contains(code.info())) {
            return problems;
        }
        if (!code.block() && DocCommands.isRepoPath(code.text())) {
            commands.missingPath(code.text()).ifPresent(p -> problems.add(code.line() + ": " + p));
            return problems;
        }
        for (ShellCommands.Command command : ShellCommands.of(code.text())) {
            if (DocCommands.isCommand(command.words())) {
                int line = code.line() + command.line();
                String shown = String.join(" ", command.words());
                checked.merge(DocCommands.kind(command.words()), 1, Integer::sum);
                commands.problems(command.words()).forEach(p -> problems.add(line + ": " + p + "   [" + shown + "]"));
            }
        }
        return problems;
    }

    /** How many commands of each kind ({@code mvn}, {@code java}, {@code npm}, {@code aws}, script) were checked. */
    Map<String, Integer> checked() {
        return Map.copyOf(checked);
    }

    private MarkdownDoc doc(Path file) {
        return read.computeIfAbsent(file, MarkdownDoc::read);
    }
}
