package org.odabuild.core.ci;

import java.util.List;

/**
 * How to give the plan the history it compares with, in the words of the CI system that runs it: each clones
 * shallow, or only the branch it builds, by default in its own way (GitHub depth 1, GitLab depth 20 and the
 * pipeline's branch alone, Azure depth 1, Bitbucket depth 50).
 */
public final class FetchAdvice {

    private FetchAdvice() {
    }

    /**
     * @param releaseBranches the release branches, of which the one to fetch is named ({@code main} when listed)
     * @return what to change, e.g. {@code actions/checkout with fetch-depth: 0}
     */
    public static String of(CiEnvironment ci, List<String> releaseBranches) {
        String branch = releaseBranches.contains("main") || releaseBranches.isEmpty() ? "main"
                : releaseBranches.get(0);
        if (ci.get("GITHUB_ACTIONS").isPresent()) {
            return "actions/checkout with fetch-depth: 0";
        }
        if (ci.get("GITLAB_CI").isPresent()) {
            return "variables: GIT_DEPTH: \"0\", and 'git fetch origin " + branch + "' before the goal (GitLab"
                    + " fetches only the pipeline's branch)";
        }
        if (ci.get("TF_BUILD").isPresent()) {
            return "checkout: self with fetchDepth: 0";
        }
        if (ci.get("BITBUCKET_BUILD_NUMBER").isPresent()) {
            return "clone: depth: full, and 'git fetch origin " + branch + "' before the goal";
        }
        if (ci.get("JENKINS_URL").isPresent()) {
            return "a checkout without a shallow clone that also fetches " + branch
                    + " (refspec +refs/heads/" + branch + ":refs/remotes/origin/" + branch + ")";
        }
        return "git fetch --unshallow origin " + branch + ", or on GitHub actions/checkout with fetch-depth: 0";
    }
}
