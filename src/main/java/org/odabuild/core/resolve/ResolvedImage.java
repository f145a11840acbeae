package org.odabuild.core.resolve;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageTag;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

/**
 * An image of the config with its name and tag read from its values file.
 *
 * @param versionAt where {@code version} stands in the values file
 * @param suffixAt  where {@code prereleaseSuffix} stands, when the config names it
 */
public record ResolvedImage(
        ImageConfig config,
        ImageName image,
        ImageTag tag,
        SourceLocation versionAt,
        Optional<SourceLocation> suffixAt) {

    public String key() {
        return config.key();
    }

    public SemVer version() {
        return tag.version();
    }

    public Optional<PrereleaseSuffix> prereleaseSuffix() {
        return tag.suffix();
    }

    public boolean isRelease() {
        return tag.isRelease();
    }

    /** {@code image:tag}. */
    public String reference() {
        return image.withTag(tag);
    }

    /** The same image under another name (a fork's repository); values.yaml keeps its own. */
    public ResolvedImage withImage(ImageName name) {
        return new ResolvedImage(config, name, tag, versionAt, suffixAt);
    }

    public List<String> paths() {
        return config.paths();
    }
}
