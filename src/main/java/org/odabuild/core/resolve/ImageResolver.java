package org.odabuild.core.resolve;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageTag;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

/**
 * Reads an image's name, version and suffix from its values file and validates them; each values file is read once
 * per run.
 */
public final class ImageResolver {

    private final RepoLayout layout;
    private final BuildLog log;
    private final Map<String, ValuesDocument> documents = new HashMap<>();

    public ImageResolver(RepoLayout layout, BuildLog log) {
        this.layout = layout;
        this.log = log;
    }

    public ResolvedImage resolve(ImageConfig image) {
        ValuesDocument values = documents.computeIfAbsent(image.valuesYamlFile(),
                file -> ValuesDocument.load(layout.file(file, "valuesYamlFile of image " + image.key()), file));
        ScalarValue name = read(values, image, image.valuesPathImage(), "valuesPathImage");
        ScalarValue version = read(values, image, image.valuesPathVersion(), "valuesPathVersion");
        Optional<ScalarValue> suffix = image.valuesPathPrereleaseSuffix()
                .map(p -> read(values, image, p, "valuesPathPrereleaseSuffix"));

        ImageName imageName = parse(name, "image", () -> new ImageName(text(name, "image")));
        SemVer semver = parse(version, "version", () -> SemVer.parseRelease(text(version, "version")));
        Optional<PrereleaseSuffix> pre = suffix.flatMap(s -> parse(s, "prereleaseSuffix",
                () -> PrereleaseSuffix.parse(s.textOrNull())));
        ImageTag tag = parse(suffix.orElse(version), "tag", () -> new ImageTag(semver, pre));
        return new ResolvedImage(image, imageName, tag, version.location(), suffix.map(ScalarValue::location));
    }

    private ScalarValue read(ValuesDocument values, ImageConfig image, YqPath path, String configKey) {
        ScalarValue value = values.require(path, configKey + " of image '" + image.key() + "'");
        if (value.duplicateKey()) {
            log.warn(value.location() + ": a key on the path '" + path + "' is written more than once; the last one"
                    + " is used, as Helm does: remove the other");
        }
        return value;
    }

    private static String text(ScalarValue value, String what) {
        if (value.isNull() || value.text().isBlank()) {
            throw new IllegalArgumentException(what + " is empty: set it");
        }
        return value.text().strip();
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(ScalarValue at, String what, Parse<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            SourceLocation where = at.location();
            throw InvalidInputException.at(where, what + ": " + e.getMessage());
        }
    }
}
