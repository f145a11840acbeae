package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.release.LocalSources;

/**
 * {@code oda:verify-release-immutable}'s view of this checkout's sources: an image's source hash, worked out when the
 * check asks for it (a release whose tag exists), as {@code oda:build} works it out, so both pass the same releases.
 */
public final class CheckoutHashes implements LocalSources.Of {

    private final Path reports;
    private final Map<String, String> buildArgs;

    /**
     * @param reports   the plugin's report folder, never part of a context
     * @param buildArgs the build args {@code oda:build} is given: they are part of the hash
     */
    public CheckoutHashes(Path reports, Map<String, String> buildArgs) {
        this.reports = reports;
        this.buildArgs = Map.copyOf(buildArgs);
    }

    @Override
    public LocalSources of(Plan plan) {
        var layout = plan.resolution().layout();
        return image -> {
            try {
                return Optional.of(SourceHashes.hash(layout, reports, image.image(), buildArgs,
                        () -> IndexedBlobs.read(layout.root())).hash());
            } catch (RuntimeException e) {
                return Optional.empty(); // sources that cannot be read are not the same: the rule refuses as before
            }
        };
    }
}
