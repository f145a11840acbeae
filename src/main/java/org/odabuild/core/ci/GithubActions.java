package org.odabuild.core.ci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.odabuild.core.Setting;

/**
 * Writes to the files GitHub Actions reads after a step: {@code GITHUB_OUTPUT} (step outputs) and
 * {@code GITHUB_STEP_SUMMARY} (Markdown shown on the run page). Does nothing where they are not set.
 */
public final class GithubActions {

    private final CiEnvironment ci;

    public GithubActions(CiEnvironment ci) {
        this.ci = ci;
    }

    /** Appends {@code name=value}; values with line breaks use the heredoc form so they cannot forge outputs. */
    public void output(String name, String value) {
        ci.get("GITHUB_OUTPUT").ifPresent(file -> {
            String entry;
            if (value.contains("\n") || value.contains("\r")) {
                String delimiter = "ODA_" + UUID.randomUUID();
                entry = name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
            } else {
                entry = name + "=" + value + "\n";
            }
            append("GITHUB_OUTPUT", file, entry);
        });
    }

    public void summary(MarkdownTable table) {
        ci.get("GITHUB_STEP_SUMMARY").ifPresent(file -> append("GITHUB_STEP_SUMMARY", file,
                String.join("\n", table.lines()) + "\n\n"));
    }

    private static void append(String variable, String file, String text) {
        text = Setting.plain(text); // read by people on GitHub, whatever ran the plugin
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the runner sets it for each step; outside a step (a workflow's env, a copied shell) it may lead nowhere
            throw new UncheckedIOException("cannot write " + variable + "=" + file + ", the file GitHub Actions reads"
                    + " after the step (unset " + variable + " outside a workflow step)", e);
        }
    }
}
