package org.odabuild.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;

/**
 * Everything the plan depends on.
 *
 * @param branch             {@code -Doda.branch}, else CI variables, else the checked-out branch
 * @param since              {@code -Doda.since}: compare with this ref instead of the default base
 * @param includeUncommitted count work-tree changes; empty = yes outside CI, no on CI
 * @param images             {@code -Doda.images}: only these keys (empty = all)
 * @param force              treat every image as changed
 * @param env                the process environment (CI variables, GitHub files)
 * @param lint               {@code -Doda.lint}: whether the coverage lint runs and lists every finding
 */
public record PlanRequest(
        ResolveRequest resolve,
        Optional<String> branch,
        BranchPolicy branches,
        Optional<String> since,
        Optional<Boolean> includeUncommitted,
        List<String> images,
        boolean force,
        Map<String, String> env,
        LintMode lint) {

    public PlanRequest {
        images = List.copyOf(images);
        env = Map.copyOf(env);
    }

    public PlanRequest(ResolveRequest resolve, Optional<String> branch, BranchPolicy branches, Optional<String> since,
            Optional<Boolean> includeUncommitted, List<String> images, boolean force, Map<String, String> env) {
        this(resolve, branch, branches, since, includeUncommitted, images, force, env, LintMode.SUMMARY);
    }
}
