package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.config.BrokenImages;

/**
 * What stops a build of the push at its plan: images the rules refuse and entries that are broken. {@code oda:build}
 * stops on them itself; {@code oda:plan} fails on them too, after its reports and outputs, since in a CI matrix that
 * fans out {@code images-to-build} a refused or broken image has no job of its own to fail, and the push would pass.
 */
public final class PlanStops {

    private PlanStops() {
    }

    /** Each refused image as {@code key: reason}, in the plan's order. */
    public static List<String> refusals(Plan plan) {
        return plan.refused().stream().map(i -> i.key() + ": " + i.decision().reason()).toList();
    }

    /** Fails with every refusal and broken entry of the plan; broken entries alone fail as bad input, as in a build. */
    static void failIfAny(Plan plan) {
        List<String> refusals = refusals(plan);
        if (refusals.isEmpty()) {
            if (!plan.broken().isEmpty()) {
                throw BrokenImages.error(plan.broken());
            }
            return;
        }
        List<String> stops = new ArrayList<>(refusals);
        stops.addAll(BrokenImages.lines(plan.broken()));
        throw new RuleViolationException("oda plan (a build of this push would stop here; plan.json is written)",
                stops);
    }
}
