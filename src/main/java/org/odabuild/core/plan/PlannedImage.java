package org.odabuild.core.plan;

import java.util.List;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.policy.Decision;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * One image of the plan: whether it changed, which files, what will be done, and whether its version was bumped
 * since the base.
 *
 * @param entryAtBase its config entry as the base had it, where its values were read there (today's when the config
 *                    did not change, the base is unknown, or the base's config does not hold or read it)
 */
public record PlannedImage(ResolvedImage image, boolean changed, List<String> changedFiles, Decision decision,
        VersionBump versionBump, ImageConfig entryAtBase) {

    public PlannedImage {
        changedFiles = List.copyOf(changedFiles);
    }

    public PlannedImage withDecision(Decision other) {
        return new PlannedImage(image, changed, changedFiles, other, versionBump, entryAtBase);
    }

    public String key() {
        return image.key();
    }
}
