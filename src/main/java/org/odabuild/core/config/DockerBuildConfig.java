package org.odabuild.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The parsed dockerbuild-config.yaml: its images in file order. */
public record DockerBuildConfig(Path file, String displayName, List<ImageConfig> images) {

    public DockerBuildConfig {
        images = List.copyOf(images);
    }

    public Optional<ImageConfig> image(String key) {
        return images.stream().filter(i -> i.key().equals(key)).findFirst();
    }
}
