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
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.YqPath;

/** The editors of every file a goal touches, written together at the end (or not at all in a dry run). */
final class FileEdits {

    private final RepoLayout layout;
    private final Map<String, YamlTextEditor> editors = new LinkedHashMap<>();
    private final Map<String, String> rules = new HashMap<>();
    private final Map<String, String> originals = new HashMap<>();

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

    List<ScalarEdit> edits() {
        List<ScalarEdit> all = new ArrayList<>();
        editors.values().forEach(e -> e.edits().forEach(edit -> {
            String rule = rules.get(edit.file() + "|" + edit.path());
            all.add(rule == null ? edit : edit.because(rule));
        }));
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
        if (!texts.isEmpty()) {
            AtomicFileSet.write(texts, mover, new EditJournal(layout.root()));
        }
    }
}
