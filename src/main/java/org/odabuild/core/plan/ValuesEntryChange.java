package org.odabuild.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;

/**
 * Whether an image's values entry (image, version, prereleaseSuffix) differs between two texts of its values file:
 * bumping a version or setting a suffix is a change of that image even when no source file changed.
 */
final class ValuesEntryChange {

    private ValuesEntryChange() {
    }

    /** Absent files, and texts that cannot be read (empty), count as different. */
    static boolean differs(ImageConfig image, Optional<ValuesDocument> before, Optional<ValuesDocument> after) {
        return differs(image, before, image, after);
    }

    /** @param then the image's config entry at the base: its values may have stood at other paths there */
    static boolean differs(ImageConfig then, Optional<ValuesDocument> before, ImageConfig image,
            Optional<ValuesDocument> after) {
        Optional<List<String>> old = before.flatMap(doc -> entry(then, doc));
        Optional<List<String>> now = after.flatMap(doc -> entry(image, doc));
        return old.isEmpty() || now.isEmpty() || !old.get().equals(now.get());
    }

    /** Empty when a path names a mapping or a list instead of a value. */
    private static Optional<List<String>> entry(ImageConfig image, ValuesDocument doc) {
        try {
            return Optional.of(Stream.concat(Stream.of(image.valuesPathImage(), image.valuesPathVersion()),
                            image.valuesPathPrereleaseSuffix().stream())
                    .map(p -> text(doc, p))
                    .toList());
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static String text(ValuesDocument doc, YqPath path) {
        return doc.find(path).map(ScalarValue::textOrNull).filter(Objects::nonNull).map(String::strip)
                .orElse("");
    }
}
