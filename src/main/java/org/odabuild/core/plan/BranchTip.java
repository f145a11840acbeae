package org.odabuild.core.plan;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.HeadCommit;

/**
 * The last commit of the branch being built. CI builds a pull request as the merge of its branch into the target
 * (GitHub's {@code refs/pull/N/merge}, GitLab's merged results, Azure's pull request merge): HEAD is a commit the CI
 * system made ("Merge 3f85665... into b3cea93..."; GitHub's merge queue, "Merge pull request #12 from ..."), whose
 * first-parent line is the target's. What the developer wrote
 * last ({@code [skip tests]} in a subject, a commit that only clears suffixes) and the branch's own history of
 * suffixes are on the merge's other parent, the pull request's head.
 *
 * @param commit the branch's last commit: HEAD, or the pull request's head that HEAD merges
 * @param merged true when it is the pull request's head and not HEAD
 */
record BranchTip(HeadCommit commit, boolean merged) {

    static BranchTip of(GitRepository repo, HeadCommit head, CiEnvironment ci) {
        Optional<String> pullRequestHead = ci.changeRequestHead().filter(sha -> !sha.equals(head.id()));
        if (pullRequestHead.isEmpty()) {
            pullRequestHead = mergeQueueHead(repo, head, ci);
        }
        if (pullRequestHead.isEmpty() || !repo.parents(head.id()).contains(pullRequestHead.get())) {
            return new BranchTip(head, false);
        }
        String id = pullRequestHead.get();
        return new BranchTip(new HeadCommit(id, repo.commitTime(id), repo.message(id), Optional.empty()), true);
    }

    /**
     * GitHub's merge queue names no pull request head: with the merge method its commit merges the head into the
     * queue's base, so the other parent is the head (squash and rebase leave no merge: HEAD is the tip there).
     */
    private static Optional<String> mergeQueueHead(GitRepository repo, HeadCommit head, CiEnvironment ci) {
        Optional<String> base = ci.mergeQueueBase();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        List<String> parents = repo.parents(head.id());
        return parents.size() == 2 && parents.get(0).equals(base.get()) ? Optional.of(parents.get(1))
                : Optional.empty();
    }

    String id() {
        return commit.id();
    }
}
