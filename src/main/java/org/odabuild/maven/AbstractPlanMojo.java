package org.odabuild.maven;

import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.plan.LintMode;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;

/** Parameters of every goal that needs the plan: branch policy and change detection. */
abstract class AbstractPlanMojo extends AbstractOdaMojo {

    /** The branch being built; by default from CI variables, else the checked-out branch. */
    @Parameter(property = "oda.branch")
    protected String branch;

    /** Branches that build release tags. */
    @Parameter(property = "oda.releaseBranches", defaultValue = "master,main")
    protected List<String> releaseBranches;

    /** Branch patterns that build prerelease tags ({@code *} matches any characters). */
    @Parameter(property = "oda.prereleaseBranches", defaultValue = "feature/*,odaa-*")
    protected List<String> prereleaseBranches;

    /** Compare with this ref instead of the merge-base / the push's before commit. */
    @Parameter(property = "oda.since")
    protected String since;

    /** Count uncommitted changes; by default yes outside CI and no on CI. */
    @Parameter(property = "oda.includeUncommitted")
    protected String includeUncommitted;

    /** Treat every image as changed. */
    @Parameter(property = "oda.force", defaultValue = "false")
    protected boolean force;

    /**
     * The coverage lint (tracked files no image's {@code paths} cover): {@code auto} (on CI only), {@code off},
     * {@code summary} (a count) or {@code verbose} (every finding).
     */
    @Parameter(property = "oda.lint", defaultValue = "auto")
    protected String lint;

    protected PlanRequest planRequest() {
        return new PlanRequest(
                resolveRequest(),
                Optional.ofNullable(branch),
                new BranchPolicy(trimmed(releaseBranches), trimmed(prereleaseBranches)),
                Optional.ofNullable(since).filter(s -> !s.isBlank()),
                flag(includeUncommitted, "oda.includeUncommitted"),
                trimmed(images),
                force,
                System.getenv(),
                LintMode.parse(lint, "oda.lint"));
    }

    /** A yes/no parameter: "maybe" is an error, not silently false as Maven's own conversion makes it. */
    static Optional<Boolean> flag(String value, String property) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidInputException(property + " '" + Excerpt.of(value) + "' is not true or false");
        };
    }

}
