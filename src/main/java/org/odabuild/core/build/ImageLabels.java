package org.odabuild.core.build;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.odabuild.core.docker.OdaLabels;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.resolve.ResolvedImage;

/** OCI annotations plus the two labels the plugin reads back: the owning branch and the source hash. */
final class ImageLabels {

    private ImageLabels() {
    }

    static Map<String, String> of(ResolvedImage image, HeadCommit head, String branch, Instant buildTime,
            String sourceHash, String source) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(OdaLabels.REVISION, head.id());
        labels.put("org.opencontainers.image.version", image.tag().toString());
        labels.put("org.opencontainers.image.created", buildTime.truncatedTo(ChronoUnit.SECONDS).toString());
        labels.put("org.opencontainers.image.source", source);
        labels.put("org.opencontainers.image.title", image.config().displayName());
        labels.put(OdaLabels.BRANCH, branch);
        labels.put(OdaLabels.SOURCE_HASH, sourceHash);
        return labels;
    }
}
