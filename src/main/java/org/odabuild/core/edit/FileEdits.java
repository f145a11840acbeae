package org.odabuild.core.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.YqPath;

/** The editors of every file a goal touches, written together at the end (or not at all in a dry run). */
final class FileEdits {

    private final RepoLayout layout;
    private final Map<String, YamlTextEditor> editors = new LinkedHashMap<>();
    private final Map<String, String> rules = new HashMap<>();
    private final Map<String, String> originals = new HashMap<>();
    /** Files that are not YAML (a Dockerfile), by their text after this run's line edits. */
    private final Map<String, String> plainTexts = new LinkedHashMap<>();
    private final List<ScalarEdit> lineEdits = new ArrayList<>();

    FileEdits(RepoLayout layout) {
        this.layout = layout;
    }

    YamlTextEditor editor(String repoRelativeFile) {
        return editors.computeIfAbsent(repoRelativeFile, f -> {
            try {
                String text = Files.readString(layout.file(f, "file"));
                originals.put(f, text);
                return new YamlTextEditor(f, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    /** A file's text as this run sees it, empty when the file does not exist. */
    Optional<String> existing(String repoRelativeFile) {
        if (editors.containsKey(repoRelativeFile)) {
            return Optional.of(editors.get(repoRelativeFile).text());
        }
        if (plainTexts.containsKey(repoRelativeFile)) {
            return Optional.of(plainTexts.get(repoRelativeFile));
        }
        Path path = layout.file(repoRelativeFile, "file");
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + repoRelativeFile, e);
        }
    }

    /** Sets a value and records why, for edits.json. */
    void set(String file, YqPath path, String value, String rule) {
        editor(file).set(path, value, Optional.empty());
        rules.put(file + "|" + path, rule);
    }

    /**
     * Replaces the word {@code old} (between blanks, as a Dockerfile's FROM names an image) by {@code now} on one
     * line of a file that is not YAML; every other character stays.
     *
     * @param what what the word is, for edits.json's {@code path} (e.g. {@code FROM})
     * @return false, and nothing changed, when the line does not hold the word exactly once
     */
    boolean replaceWord(String file, int line, String what, String old, String now, String rule) {
        String text = existing(file).orElseThrow(() -> new IllegalStateException(file + " is gone"));
        originals.putIfAbsent(file, text);
        String[] lines = text.split("(?<=\n)", -1);
        if (line < 1 || line > lines.length) {
            return false;
        }
        // a word alone, or an ARG's default (X=word), quoted or not
        Matcher word = Pattern.compile("(?<=^|[\\s=\"'])" + Pattern.quote(old) + "(?=[\"']?(?:\\s|$))")
                .matcher(lines[line - 1]);
        if (!word.find()) {
            return false;
        }
        int start = word.start();
        int end = word.end();
        if (word.find()) {
            return false;
        }
        lines[line - 1] = lines[line - 1].substring(0, start) + now + lines[line - 1].substring(end);
        plainTexts.put(file, String.join("", lines));
        lineEdits.add(new ScalarEdit(file, line, what, old, now, rule));
        return true;
    }

    List<ScalarEdit> edits() {
        List<ScalarEdit> all = new ArrayList<>();
        editors.values().forEach(e -> e.edits().forEach(edit -> {
            String rule = rules.get(edit.file() + "|" + edit.path());
            all.add(rule == null ? edit : edit.because(rule));
        }));
        all.addAll(lineEdits);
        return all;
    }

    void write(AtomicFileSet.Mover mover) {
        Map<Path, AtomicFileSet.Replacement> texts = new LinkedHashMap<>();
        editors.forEach((file, editor) -> {
            if (!editor.edits().isEmpty()) {
                texts.put(layout.file(file, "file"), new AtomicFileSet.Replacement(originals.get(file),
                        editor.text()));
            }
        });
        plainTexts.forEach((file, text) -> texts.put(layout.file(file, "file"), new AtomicFileSet.Replacement(
                originals.get(file), text)));
        if (!texts.isEmpty()) {
            AtomicFileSet.write(texts, mover, new EditJournal(layout.root()));
        }
    }
}
