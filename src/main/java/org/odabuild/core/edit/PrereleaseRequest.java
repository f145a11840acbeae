package org.odabuild.core.edit;

import java.util.Optional;
import org.odabuild.core.plan.PlanRequest;

/**
 * @param suffix {@code -Doda.suffix}, else derived from the branch
 * @param bump   how to bump a version that is not yet ahead of the release branch
 */
public record PrereleaseRequest(PlanRequest plan, Optional<String> suffix, Bump bump, boolean dryRun) {
}
