package org.odabuild.core.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.values.ValuesDocument;

/**
 * The values files at one revision, each parsed once however many images it holds (oda-canvas keeps most of its
 * images in one values file: parsed per image, a plan of n images read it n times over).
 */
final class ParsedValuesFiles {

    private final Function<String, Optional<String>> text;
    private final Map<String, ValuesDocument> same;
    private final Map<String, Optional<ValuesDocument>> documents = new HashMap<>();

    /**
     * @param text a file's text at the revision, empty when it does not exist there
     * @param same files already parsed whose text at the revision is known to be the same: not read again
     */
    ParsedValuesFiles(Function<String, Optional<String>> text, Map<String, ValuesDocument> same) {
        this.text = text;
        this.same = same;
    }

    /** The parsed file; empty when it does not exist at the revision or cannot be read as YAML there. */
    Optional<ValuesDocument> get(String file) {
        ValuesDocument known = same.get(file);
        if (known != null) {
            return Optional.of(known);
        }
        return documents.computeIfAbsent(file, f -> text.apply(f).flatMap(content -> {
            try {
                return Optional.of(ValuesDocument.parse(content, f));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        }));
    }
}
