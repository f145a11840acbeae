package org.odabuild.core.plan;

import java.util.List;
import org.odabuild.core.policy.Decision;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * One image of the plan: whether it changed, which files, what will be done, and whether its version was bumped
 * since the base.
 */
public record PlannedImage(ResolvedImage image, boolean changed, List<String> changedFiles, Decision decision,
        VersionBump versionBump) {

    public PlannedImage {
        changedFiles = List.copyOf(changedFiles);
    }

    public String key() {
        return image.key();
    }
}
