package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlannedImage;
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
        return new Hasher(plan.resolution().layout());
    }

    /** One plan's hashes; git's index is read once, for the first large context, however many images are asked. */
    private final class Hasher implements LocalSources {
        private final RepoLayout layout;
        private IndexedBlobs indexed;

        Hasher(RepoLayout layout) {
            this.layout = layout;
        }

        @Override
        public Optional<String> hashOf(PlannedImage image) {
            try {
                return Optional.of(SourceHashes.hash(layout, reports, image.image(), buildArgs, this::indexed).hash());
            } catch (RuntimeException e) {
                return Optional.empty(); // sources that cannot be read are not the same: the rule refuses as before
            }
        }

        private synchronized IndexedBlobs indexed() {
            if (indexed == null) {
                indexed = IndexedBlobs.read(layout.root());
            }
            return indexed;
        }
    }
}
