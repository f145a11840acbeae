package org.odabuild.core.edit;

import org.odabuild.core.plan.PlanRequest;

/**
 * @param chartBump how a changed chart's version goes up
 */
public record ReleasePrepRequest(PlanRequest plan, Bump chartBump, boolean dryRun) {
}
