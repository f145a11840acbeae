package org.odabuild.core.git;

import java.util.Optional;
import java.util.Set;

/**
 * The files changed since the base commit.
 *
 * @param baseCommit the commit compared with; empty when unknown or when HEAD is the first commit
 * @param baseReason how the base was chosen, for the report
 * @param known      false when no base could be found (shallow clone, missing ref): every image counts as changed
 * @param files      repository-relative paths
 * @param warning    why the base is unknown, when it is
 * @param remedy     what gives the plan its base when it is unknown (fetch more history, or name a commit with
 *                   {@code oda.since} where no fetch can help), in words that follow a colon; empty when known
 */
public record ChangeSet(Optional<String> baseCommit, String baseReason, boolean known, Set<String> files,
        Optional<String> warning, String remedy) {

    public ChangeSet {
        files = Set.copyOf(files);
        if (!known && remedy.isBlank()) {
            throw new IllegalArgumentException("an unknown base needs a remedy: " + baseReason);
        }
    }

    /** A change set whose base is known. */
    public ChangeSet(Optional<String> baseCommit, String baseReason, boolean known, Set<String> files,
            Optional<String> warning) {
        this(baseCommit, baseReason, known, files, warning, "");
    }

    /**
     * The base as a message names it: its short id and how it was chosen ({@code 1a2b3c4 (merge-base with
     * origin/main)}), once where the reason names the id itself ({@code the merge queue's base 1a2b3c4}).
     */
    public String baseNamed() {
        if (baseCommit.isEmpty()) {
            return baseReason;
        }
        String id = baseCommit.get().substring(0, Math.min(7, baseCommit.get().length()));
        return baseReason.contains(id) ? baseReason : id + " (" + baseReason + ")";
    }

    /** The same change set, with {@code warning} said beside it. */
    ChangeSet withWarning(String warning) {
        return new ChangeSet(baseCommit, baseReason, known, files, Optional.of(warning), remedy);
    }

    /**
     * @param reason as the report names the base, e.g. {@code HEAD's parent (not in this shallow clone)}
     * @param why    the sentence the warning starts with
     * @param remedy what to do, e.g. {@code fetch with depth 2 or more}
     */
    static ChangeSet unknown(String reason, String why, String remedy) {
        return new ChangeSet(Optional.empty(), reason, false, Set.of(), Optional.of(why
                + ": every image counts as changed; " + remedy), remedy);
    }
}
