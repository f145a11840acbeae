package org.odabuild.core.resolve;

import java.util.List;

/** One image as every report shows it (the shape of {@code images.json} entries). */
public record ImageEntry(
        String key,
        String displayName,
        String image,
        String version,
        String prereleaseSuffix,
        String tag,
        String reference,
        boolean release,
        String valuesFile,
        int valuesLine,
        String buildContext,
        String dockerfile,
        String testDockerfile,
        List<String> paths,
        List<String> platforms) {

    public static ImageEntry of(ResolvedImage image) {
        var c = image.config();
        return new ImageEntry(
                c.key(),
                c.displayName(),
                image.image().name(),
                image.version().toString(),
                image.prereleaseSuffix().map(Object::toString).orElse(null),
                image.tag().toString(),
                image.reference(),
                image.isRelease(),
                c.valuesYamlFile(),
                image.versionAt().line(),
                c.buildContext(),
                c.buildDockerfile(),
                c.testDockerfile().orElse(null),
                c.paths(),
                c.platforms());
    }
}
