package org.odabuild.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parsed dockerbuild-config.yaml: its usable images in file order and the entries that are wrong.
 *
 * @param broken entries that cannot be used, each with the reason; the file itself parsed
 */
public record DockerBuildConfig(Path file, String displayName, List<ImageConfig> images, List<BrokenImage> broken) {

    public DockerBuildConfig {
        images = List.copyOf(images);
        broken = List.copyOf(broken);
    }

    public Optional<ImageConfig> image(String key) {
        return images.stream().filter(i -> i.key().equals(key)).findFirst();
    }
}
