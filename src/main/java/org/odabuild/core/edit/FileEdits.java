package org.odabuild.core.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.config.RepoLayout;

/** The editors of every file a goal touches, written together at the end (or not at all in a dry run). */
final class FileEdits {

    private final RepoLayout layout;
    private final Map<String, YamlTextEditor> editors = new LinkedHashMap<>();

    FileEdits(RepoLayout layout) {
        this.layout = layout;
    }

    YamlTextEditor editor(String repoRelativeFile) {
        return editors.computeIfAbsent(repoRelativeFile, f -> {
            try {
                return new YamlTextEditor(f, Files.readString(layout.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    List<ScalarEdit> edits() {
        List<ScalarEdit> all = new ArrayList<>();
        editors.values().forEach(e -> all.addAll(e.edits()));
        return all;
    }

    void write(AtomicFileSet.Mover mover) {
        Map<Path, String> texts = new LinkedHashMap<>();
        editors.forEach((file, editor) -> {
            if (!editor.edits().isEmpty()) {
                texts.put(layout.resolve(file), editor.text());
            }
        });
        if (!texts.isEmpty()) {
            AtomicFileSet.write(texts, mover);
        }
    }
}
