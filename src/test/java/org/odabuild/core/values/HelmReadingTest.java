package org.odabuild.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Helm reads values files as YAML 1.1 (go-yaml v2): what it takes for other than text. */
class HelmReadingTest {

    @ParameterizedTest
    @ValueSource(strings = {"no", "NO", "off", "n", "false"})
    void falseWords(String text) {
        assertThat(HelmReading.differs(text)).contains("the boolean false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Y", "on", "True"})
    void trueWords(String text) {
        assertThat(HelmReading.differs(text)).contains("the boolean true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1F", "0b101", "1e3", "1.50", "2.", ".5", "-1.5", "1234567890123456789012"})
    void numbersPrintedInAnotherForm(String text) {
        assertThat(HelmReading.differs(text)).get().asString().startsWith("a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue123", "rc1", "123", "-1", "1.0.2", "rc.1", "x-1", "nope", "yesterday", "0xyz",
            "1e", "issue-3456", "2-rc"})
    void textStaysText(String text) {
        assertThat(HelmReading.differs(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "~", "NULL"})
    void nullWords(String text) {
        assertThat(HelmReading.differs(text)).contains("no value (null)");
    }
}
