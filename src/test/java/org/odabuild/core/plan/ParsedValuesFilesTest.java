package org.odabuild.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;

/** A values file already parsed from the same text is reused; any other text is parsed as it is at the revision. */
class ParsedValuesFilesTest {

    static final String FILE = "charts/values.yaml";
    static final String PARSED_TEXT = "op:\n  version: 1.0.0\n";
    final ValuesDocument parsed = ValuesDocument.parse(PARSED_TEXT, FILE);
    final BiFunction<String, String, Optional<ValuesDocument>> parsedAlready = (file, text) ->
            file.equals(FILE) && text.equals(PARSED_TEXT) ? Optional.of(parsed) : Optional.empty();

    static String version(Optional<ValuesDocument> doc) {
        return doc.orElseThrow().find(YqPath.parse(".op.version")).map(ScalarValue::textOrNull).orElseThrow();
    }

    @Test
    void theSameTextGivesTheDocumentAlreadyParsed() {
        ParsedValuesFiles files = new ParsedValuesFiles(f -> Optional.of(PARSED_TEXT), parsedAlready);
        assertThat(files.get(FILE)).containsSame(parsed);
    }

    @Test
    void anotherTextIsParsedAsItIsAtTheRevision() {
        ParsedValuesFiles files = new ParsedValuesFiles(f -> Optional.of("op:\n  version: 1.0.1\n"), parsedAlready);
        assertThat(files.get(FILE)).isPresent().get().isNotSameAs(parsed);
        assertThat(version(files.get(FILE))).isEqualTo("1.0.1");
    }

    @Test
    void aFileAbsentAtTheRevisionOrNotYamlThereIsEmpty() {
        Map<String, String> texts = Map.of("broken.yaml", "op: [\n");
        ParsedValuesFiles files = new ParsedValuesFiles(f -> Optional.ofNullable(texts.get(f)), parsedAlready);
        assertThat(files.get(FILE)).isEmpty();
        assertThat(files.get("broken.yaml")).isEmpty();
    }
}
