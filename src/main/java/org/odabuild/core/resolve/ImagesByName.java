package org.odabuild.core.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageRepository;

/**
 * The images of the config by the names a text may give them ({@code tmforumodacanvas/x}, {@code docker.io/...}, or
 * the fork's name under {@code -Doda.imageRepository}): a values text or a Dockerfile's FROM that names one.
 */
public final class ImagesByName {

    private final Map<String, ResolvedImage> byName;
    private final Optional<ImageRepository> fork;

    private ImagesByName(Map<String, ResolvedImage> byName, Optional<ImageRepository> fork) {
        this.byName = byName;
        this.fork = fork;
    }

    /** The resolved images, selected or not (a CI job that builds one still sees what the others publish). */
    public static ImagesByName of(Resolution resolution, Optional<ImageRepository> fork) {
        Map<String, ResolvedImage> byName = new LinkedHashMap<>();
        List<ResolvedImage> images = new ArrayList<>(resolution.images());
        images.addAll(resolution.unselected());
        images.forEach(i -> byName.putIfAbsent(i.image().canonical(), i));
        return new ImagesByName(byName, fork);
    }

    /** The image a repository name (no tag) names; none for a text that is no image name or names another image. */
    public Optional<ResolvedImage> named(String text) {
        ImageName name;
        try {
            name = new ImageName(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an arg none could fill, a stage, any other text
        }
        return Optional.ofNullable(byName.get(name.canonical()))
                .or(() -> fork.map(f -> byName.get(f.rename(name).canonical())));
    }
}
