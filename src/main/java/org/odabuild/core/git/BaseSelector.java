package org.odabuild.core.git;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.ci.FetchAdvice;

/**
 * Chooses the commit that "changed" is measured against: {@code -Doda.since}; on a release branch the push event's
 * {@code before} commit, else HEAD's first parent; on other branches the merge-base with the release branch (in
 * GitHub's merge queue, the commit the queue built on). When
 * the base cannot be had (shallow clone, release branch not fetched) the answer is "unknown", which the plan turns
 * into "changed": a missing base never silently skips a build.
 */
public final class BaseSelector {

    private final GitRepository repo;
    private final List<String> releaseBranches;
    private final Consumer<String> baseFound;

    public BaseSelector(GitRepository repo, List<String> releaseBranches) {
        this(repo, releaseBranches, base -> {
        });
    }

    /** Telling {@code baseFound} the base once it is chosen, before the diff is asked: for work that needs it too. */
    public BaseSelector(GitRepository repo, List<String> releaseBranches, Consumer<String> baseFound) {
        this.repo = repo;
        this.releaseBranches = List.copyOf(releaseBranches);
        this.baseFound = baseFound;
    }

    /** The change set of {@code head}: since the push's previous commit on a release branch, else the merge-base. */
    public ChangeSet select(String head, boolean releaseBranch, Optional<String> since, CiEnvironment ci) {
        if (since.isPresent()) {
            String base = repo.resolveCommit(since.get()).orElseThrow(() -> new InvalidInputException(Setting.SINCE + " '"
                    + since.get() + "' names no commit in " + repo.root() + ": pass a branch, tag or commit that"
                    + " exists here (fetch it first in a shallow clone)"));
            return diff(base, head, Setting.SINCE.property() + " " + since.get());
        }
        return releaseBranch ? releaseBase(head, ci) : mergeBase(head, ci);
    }

    private ChangeSet releaseBase(String head, CiEnvironment ci) {
        Optional<String> before = ci.pushBefore();
        if (before.isPresent()) {
            if (repo.hasCommit(before.get())) {
                return diff(before.get(), head, "push event's before commit " + before.get().substring(0, 7));
            }
            return ChangeSet.unknown("push event's before commit (not in this clone)", "the push event's before"
                    + " commit " + before.get() + " is not in this clone (shallow?)", "fetch more history ("
                    + FetchAdvice.of(ci, releaseBranches) + ") to build only what changed");
        }
        List<String> parents = repo.parents(head);
        if (!parents.isEmpty()) {
            ChangeSet changes = diff(parents.get(0), head, "HEAD's first parent");
            // the push's before commit is in the event: without it, earlier commits of a push would go unbuilt
            return ci.eventProblem().map(problem -> changes.withWarning(problem + ": compared with HEAD's first"
                    + " parent, so files changed by earlier commits of this push are not counted; build with "
                    + Setting.SINCE.set("<the push's before commit>") + " to count them")).orElse(changes);
        }
        if (repo.isShallow()) {
            return ChangeSet.unknown("HEAD's parent (not in this shallow clone)", "HEAD's parent is not in this"
                    + " shallow clone", "fetch with depth 2 or more");
        }
        return new ChangeSet(Optional.empty(), "HEAD is the first commit", true, repo.changedFiles(null, head),
                Optional.empty());
    }

    private ChangeSet mergeBase(String head, CiEnvironment ci) {
        // GitHub's merge queue builds the pull request on the target or on the queue's entry before it: that commit
        // is the base, so the entries ahead of it are not taken for this pull request's changes
        Optional<String> queueBase = ci.mergeQueueBase().filter(repo::hasCommit);
        if (queueBase.isPresent()) {
            return diff(queueBase.get(), head, "the merge queue's base " + queueBase.get().substring(0, 7));
        }
        List<String> looked = candidateRefs();
        record Candidate(String ref, String mergeBase) {
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String ref : looked) {
            Optional<String> tip = repo.resolveCommit(ref);
            tip.ifPresent(t -> found.add(ref));
            tip.flatMap(t -> repo.mergeBase(head, t)).ifPresent(base -> candidates.add(new Candidate(ref, base)));
        }
        // the branch was forked from the release branch whose merge-base is the most recent
        Optional<Candidate> best = candidates.stream()
                .max(Comparator.comparing((Candidate c) -> repo.commitTime(c.mergeBase())));
        if (best.isPresent()) {
            return diff(best.get().mergeBase(), head, "merge-base with " + best.get().ref());
        }
        // a merge request pipeline that fetched only its own branch still knows where it forked
        Optional<String> given = ci.mergeRequestBase().filter(repo::hasCommit);
        if (given.isPresent()) {
            return diff(given.get(), head, "the merge request's diff base " + given.get().substring(0, 7));
        }
        String fetch = "fetch the release branch with history (" + FetchAdvice.of(ci, releaseBranches) + ") or pass "
                + Setting.SINCE.set("<ref>");
        if (found.isEmpty()) {
            String why = "no release branch to compare with (looked for " + String.join(", ", looked) + ")";
            return ChangeSet.unknown(why, why, fetch);
        }
        if (repo.isShallow()) {
            String why = "this shallow clone does not reach the merge-base with " + found;
            return ChangeSet.unknown(why, why, fetch);
        }
        // all history is here: an orphan branch, or one of another repository's history
        String why = "HEAD has no common ancestor with " + found + " in this full clone";
        return ChangeSet.unknown(why, why, "pass " + Setting.SINCE.set("<ref>") + " with a commit this branch"
                + " shares history with (no fetch joins unrelated histories)");
    }

    private List<String> candidateRefs() {
        return releaseRefs(releaseBranches);
    }

    /** The refs a release branch may be known by here: the fetched ones first, then local branches. */
    public static List<String> releaseRefs(List<String> releaseBranches) {
        List<String> refs = new ArrayList<>();
        releaseBranches.forEach(b -> refs.add("origin/" + b));
        refs.addAll(releaseBranches);
        return refs;
    }

    private ChangeSet diff(String base, String head, String reason) {
        baseFound.accept(base);
        return new ChangeSet(Optional.of(base), reason, true, repo.changedFiles(base, head), Optional.empty());
    }
}
