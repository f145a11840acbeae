package org.odabuild.core.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.HelmReading;
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
    private final Map<String, ValuesDocument> documents;

    public ImageResolver(RepoLayout layout, BuildLog log) {
        this(layout, log, new HashMap<>());
    }

    private ImageResolver(RepoLayout layout, BuildLog log, Map<String, ValuesDocument> documents) {
        this.layout = layout;
        this.log = log;
        this.documents = documents;
    }

    /** A resolver that reads the same files once with this one and says nothing: for images the run does not build. */
    ImageResolver quiet() {
        return new ImageResolver(layout, BuildLog.silent(), documents);
    }

    public ResolvedImage resolve(ImageConfig image) {
        ValuesDocument values = documents.computeIfAbsent(image.valuesYamlFile(), file -> {
            Path path;
            try {
                path = layout.file(file, "valuesYamlFile of image " + image.key());
            } catch (InvalidInputException e) { // a folder, a device, a link out of the repository: say where
                throw InvalidInputException.at(image.at("valuesYamlFile"), e.getMessage());
            }
            if (!Files.exists(path)) {
                throw InvalidInputException.at(image.at("valuesYamlFile"), "valuesYamlFile '" + file + "' of image '"
                        + image.key() + "' does not exist: fix the path in " + image.location().file()
                        + " or restore the file");
            }
            return ValuesDocument.load(path, file);
        });
        ScalarValue name = read(values, image, image.valuesPathImage(), "valuesPathImage");
        ScalarValue version = read(values, image, image.valuesPathVersion(), "valuesPathVersion");
        Optional<ScalarValue> suffix = image.valuesPathPrereleaseSuffix().flatMap(p -> suffix(values, image, p));

        ImageName imageName = parse(name, "image", () -> new ImageName(text(name, "image")));
        SemVer semver = parse(version, "version", () -> SemVer.parseRelease(text(version, "version")));
        Optional<PrereleaseSuffix> pre = suffix.flatMap(s -> parse(s, "prereleaseSuffix",
                () -> PrereleaseSuffix.parse(exact(s, "prereleaseSuffix"))));
        ImageTag tag = parse(suffix.orElse(version), "tag", () -> new ImageTag(semver, pre));
        suffix.ifPresent(s -> HelmReading.differs(s).ifPresent(how -> {
            throw InvalidInputException.at(s.location(), "prereleaseSuffix: '" + Excerpt.of(s.text()) + "' is not"
                    + " quoted, and Helm reads it as " + how + ", so the chart would not deploy " + imageName + ":"
                    + tag + ": quote it (prereleaseSuffix: \"" + Excerpt.of(s.text()) + "\") or choose another suffix");
        }));
        return new ResolvedImage(image, imageName, tag, version.location(), suffix.map(ScalarValue::location));
    }

    /** Each values file read so far, by its repository-relative path. */
    Map<String, ValuesDocument> valuesFiles() {
        return Map.copyOf(documents);
    }

    /**
     * The suffix; none when its key is simply absent beside the others, as yq and Helm read it (oda-canvas' workflows
     * and charts take a missing suffix for none), with a warning. A mistyped key or a missing parent is an error.
     */
    private Optional<ScalarValue> suffix(ValuesDocument values, ImageConfig image, YqPath path) {
        Optional<SourceLocation> absent = values.mappingWithoutLastKey(path);
        if (absent.isPresent()) {
            YqPath parent = path.parent();
            log.warn(absent.get() + ": " + (parent.segments().isEmpty() ? "the top level" : "'" + parent + "'")
                    + " has no key '" + path.segments().get(parent.segments().size()) + "' (valuesPathPrereleaseSuffix"
                    + " of image '" + image.key() + "'): read as no suffix,"
                    + " as yq and Helm read a missing key; write it (empty for a release) to make that explicit");
            return Optional.empty();
        }
        return Optional.of(read(values, image, path, "valuesPathPrereleaseSuffix"));
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
        return exact(value, what);
    }

    /**
     * The value as written: spaces around it (possible only when quoted) or a quoted blank are errors, not
     * trimmed away, since Helm would render them into the image reference.
     */
    private static String exact(ScalarValue value, String what) {
        String text = value.textOrNull();
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank (only spaces): leave it empty or set a value");
        }
        if (!text.equals(text.strip())) {
            throw new IllegalArgumentException(what + " '" + Excerpt.of(text) + "' has spaces around it: remove"
                    + " them");
        }
        return text;
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
