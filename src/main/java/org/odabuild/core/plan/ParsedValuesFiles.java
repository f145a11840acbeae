package org.odabuild.core.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.values.ValuesDocument;

/**
 * The values files at one revision, each parsed once however many images it holds (oda-canvas keeps most of its
 * images in one values file: parsed per image, a plan of n images read it n times over).
 */
final class ParsedValuesFiles {

    private final Function<String, Optional<String>> text;
    private final BiFunction<String, String, Optional<ValuesDocument>> parsedAlready;
    private final Map<String, Optional<ValuesDocument>> documents = new HashMap<>();

    /**
     * @param text          a file's text at the revision, empty when it does not exist there
     * @param parsedAlready a document already parsed from exactly this text of the file, if there is one: the file
     *                      is then not parsed again (SnakeYAML on oda-canvas' 20 KB values file: 15-40 ms cold)
     */
    ParsedValuesFiles(Function<String, Optional<String>> text,
            BiFunction<String, String, Optional<ValuesDocument>> parsedAlready) {
        this.text = text;
        this.parsedAlready = parsedAlready;
    }

    /** The parsed file; empty when it does not exist at the revision or cannot be read as YAML there. */
    Optional<ValuesDocument> get(String file) {
        return documents.computeIfAbsent(file, f -> text.apply(f).flatMap(content -> parsedAlready.apply(f, content)
                .or(() -> {
                    try {
                        return Optional.of(ValuesDocument.parse(content, f));
                    } catch (InvalidInputException e) {
                        return Optional.empty();
                    }
                })));
    }
}
