package org.odabuild.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.values.YqPath;

/**
 * One image entry of dockerbuild-config.yaml. Every path is repository-relative, normalised, with '/'.
 *
 * @param platformsExplicit false when {@code platforms} was not written and the default applies
 * @param location          where the entry's key stands in the config file
 * @param settingsAt        where each setting written in the entry has its value
 */
public record ImageConfig(
        String key,
        String displayName,
        String fileName,
        String valuesYamlFile,
        YqPath valuesPathImage,
        YqPath valuesPathVersion,
        Optional<YqPath> valuesPathPrereleaseSuffix,
        List<String> paths,
        String buildContext,
        String buildDockerfile,
        Optional<String> testDockerfile,
        List<String> platforms,
        boolean platformsExplicit,
        SourceLocation location,
        Map<String, SourceLocation> settingsAt) {

    /** oda-canvas' generator default. */
    public static final List<String> DEFAULT_PLATFORMS = List.of("linux/amd64", "linux/arm64");

    public ImageConfig {
        paths = List.copyOf(paths);
        platforms = List.copyOf(platforms);
        settingsAt = Map.copyOf(settingsAt);
    }

    /** Where a setting's value stands; the entry's key for a setting not written (its default applies). */
    public SourceLocation at(String setting) {
        return settingsAt.getOrDefault(setting, location);
    }
}
