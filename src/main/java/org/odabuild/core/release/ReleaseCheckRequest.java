package org.odabuild.core.release;

import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.registry.RegistrySettings;

/**
 * @param allowSuffixTakeover let this branch overwrite a prerelease tag another branch pushed
 */
public record ReleaseCheckRequest(PlanRequest plan, RegistrySettings registry, boolean allowSuffixTakeover) {
}
