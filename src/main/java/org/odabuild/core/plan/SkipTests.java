package org.odabuild.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.HeadCommit;

/**
 * Whether CI should skip the BDD tests, as oda-canvas decides it: {@code [skip tests]} in the pull request title (in
 * GitHub's merge queue, the message of the queue's commit, which holds it) or
 * in the subject of the branch's last commit, or a last commit that only clears {@code prereleaseSuffix} values (the
 * last commit before merging, whose tests would fail because the release images do not exist yet). In a pull
 * request's build that commit is the pull request's head, not the merge commit CI builds.
 */
public record SkipTests(boolean skip, String reason) {

    static final String MARKER = "[skip tests]";
    /** What every line {@link #SET_SUFFIX} matches holds. */
    private static final String SUFFIX_KEY = "rereleaseSuffix";
    private static final Pattern SET_SUFFIX = Pattern.compile(
            "^(\\s*)([\\w.-]*[pP]rereleaseSuffix)\\s*:\\s*(?!#)(\\S.*?)\\s*$");
    private static final Pattern CLEARED_SUFFIX = Pattern.compile(
            "^(\\s*)([\\w.-]*[pP]rereleaseSuffix)\\s*:\\s*(?:\"\"|''|~|null)?\\s*(?:#.*)?$");

    /** @param tip the branch's last commit: HEAD, or the pull request's head that CI's merge commit merges */
    static SkipTests detect(GitRepository repo, BranchTip tip, CiEnvironment ci) {
        if (ci.pullRequestTitle().map(SkipTests::hasMarker).orElse(false)) {
            return new SkipTests(true, "pull request title contains " + MARKER);
        }
        if (ci.mergeQueueMessage().map(SkipTests::hasMarker).orElse(false)) {
            return new SkipTests(true, "the merge queue's commit message (the pull request's title) contains "
                    + MARKER);
        }
        HeadCommit last = tip.commit();
        String which = tip.merged() ? "the pull request's last commit " + last.shortId() : "HEAD commit";
        if (hasMarker(last.subject())) {
            return new SkipTests(true, (tip.merged() ? "the subject of " + which : "commit subject") + " contains "
                    + MARKER);
        }
        List<String> parents = repo.parents(last.id());
        if (parents.size() == 1 && onlyClearsSuffixes(repo, parents.get(0), last.id())) {
            return new SkipTests(true, which + " only clears prereleaseSuffix values");
        }
        return new SkipTests(false, "no " + MARKER + " marker");
    }

    private static boolean hasMarker(String text) {
        return text.toLowerCase(Locale.ROOT).contains(MARKER);
    }

    /**
     * Every changed file must have had a suffix line: one file without it tells most commits apart before any file
     * is diffed line by line (a large commit would otherwise read and diff every file it touches).
     */
    private static boolean onlyClearsSuffixes(GitRepository repo, String parent, String head) {
        return repo.changedFiles(parent, head).stream().allMatch(f -> repo.mentions(parent, f, SUFFIX_KEY))
                && onlyClearsSuffixes(repo.edits(parent, head));
    }

    static boolean onlyClearsSuffixes(List<GitRepository.FileEdit> files) {
        if (files.isEmpty()) {
            return false;
        }
        for (GitRepository.FileEdit f : files) {
            if (f.type() != DiffEntry.ChangeType.MODIFY || f.edits().isEmpty()) {
                return false;
            }
            for (Edit e : f.edits()) {
                if (e.getType() != Edit.Type.REPLACE || e.getLengthA() != e.getLengthB()) {
                    return false;
                }
                for (int i = 0; i < e.getLengthA(); i++) {
                    if (!clears(f.oldLines().get(e.getBeginA() + i), f.newLines().get(e.getBeginB() + i))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean clears(String oldLine, String newLine) {
        Matcher before = SET_SUFFIX.matcher(oldLine);
        Matcher after = CLEARED_SUFFIX.matcher(newLine);
        return before.matches() && after.matches() && !before.group(3).matches("\"\"|''|~|null")
                && before.group(1).equals(after.group(1)) && before.group(2).equals(after.group(2));
    }
}
