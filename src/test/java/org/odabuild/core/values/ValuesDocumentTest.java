package org.odabuild.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;

class ValuesDocumentTest {

    @TempDir
    Path dir;

    private ValuesDocument values(String yaml) throws IOException {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, yaml);
        return ValuesDocument.load(file, "charts/x/values.yaml");
    }

    private static ScalarValue at(ValuesDocument doc, String path) {
        return doc.find(YqPath.parse(path)).orElseThrow();
    }

    @Test
    void keepsTheScalarsSourceText() throws IOException {
        ValuesDocument doc = values("a:\n  version: 0.10\n  quoted: \"0.10\"\n  int: 007\n");
        assertThat(at(doc, ".a.version").text()).isEqualTo("0.10");
        assertThat(at(doc, ".a.quoted").text()).isEqualTo("0.10");
        assertThat(at(doc, ".a.int").text()).isEqualTo("007");
    }

    @Test
    void reportsLineAndColumn() throws IOException {
        ValuesDocument doc = values("# comment\noda-webhook:\n  image: x/y\n  version: 0.6.3\n");
        assertThat(at(doc, ".oda-webhook.version").location())
                .isEqualTo(new SourceLocation("charts/x/values.yaml", 4, 12));
    }

    @Test
    void emptyTildeAndNullAreNull() throws IOException {
        ValuesDocument doc = values("a:\n  s1:\n  s2: ~\n  s3: null\n  s4: \"\"\n  s5:   \n");
        assertThat(at(doc, ".a.s1").isNull()).isTrue();
        assertThat(at(doc, ".a.s2").isNull()).isTrue();
        assertThat(at(doc, ".a.s3").isNull()).isTrue();
        assertThat(at(doc, ".a.s4").isNull()).isFalse();
        assertThat(at(doc, ".a.s4").text()).isEmpty();
        assertThat(at(doc, ".a.s5").textOrNull()).isNull();
    }

    @Test
    void followsAliasesAndMergeKeys() throws IOException {
        ValuesDocument doc = values("""
                base: &base
                  image: org/base
                  version: 1.0.0
                copy: *base
                merged:
                  <<: *base
                  version: 2.0.0
                """);
        assertThat(at(doc, ".copy.image").text()).isEqualTo("org/base");
        assertThat(at(doc, ".merged.image").text()).isEqualTo("org/base");
        assertThat(at(doc, ".merged.version").text()).isEqualTo("2.0.0");
    }

    @Test
    void lastDuplicateKeyWinsAndIsFlagged() throws IOException {
        ValuesDocument doc = values("a:\n  version: 1.0.0\n  version: 2.0.0\n  other: x\n");
        ScalarValue v = at(doc, ".a.version");
        assertThat(v.text()).isEqualTo("2.0.0");
        assertThat(v.duplicateKey()).isTrue();
        assertThat(v.location().line()).isEqualTo(3);
        assertThat(at(doc, ".a.other").duplicateKey()).isFalse();
    }

    @Test
    void indexesIntoLists() throws IOException {
        ValuesDocument doc = values("list:\n  - name: a\n  - name: b\n");
        assertThat(at(doc, ".list[1].name").text()).isEqualTo("b");
        assertThat(doc.find(YqPath.parse(".list[2].name"))).isEmpty();
    }

    @Test
    void missingKeyIsEmptyAndRequireNamesPathAndFile() throws IOException {
        ValuesDocument doc = values("a:\n  b: 1\n");
        assertThat(doc.find(YqPath.parse(".a.c"))).isEmpty();
        assertThat(doc.find(YqPath.parse(".a.b.c"))).isEmpty();
        assertThatThrownBy(() -> doc.require(YqPath.parse(".a.version"), "valuesPathVersion of image 'x'"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charts/x/values.yaml")
                .hasMessageContaining("'.a.version'")
                .hasMessageContaining("valuesPathVersion of image 'x'");
    }

    @Test
    void nonScalarTargetIsAnError() throws IOException {
        ValuesDocument doc = values("a:\n  version:\n    - 1\n");
        assertThatThrownBy(() -> doc.find(YqPath.parse(".a.version")))
                .hasMessageContaining("charts/x/values.yaml:3:5")
                .hasMessageContaining("is a list, not a single value");
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        assertThatThrownBy(() -> values("a:\n  b: 1\n c: [\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageMatching("(?s)charts/x/values\\.yaml:\\d+:\\d+: invalid YAML: .*");
    }

    @Test
    void aliasBombIsRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> values(bomb.toString()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charts/x/values.yaml")
                .hasMessageContaining("too many aliases");
    }

    @Test
    void multiDocumentFileIsRefused() throws IOException {
        assertThatThrownBy(() -> values("a: 1\n---\nb: 2\n")).hasMessageContaining("keep one YAML document");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> ValuesDocument.load(dir.resolve("nope.yaml"), "charts/nope/values.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charts/nope/values.yaml: file not found");
    }

    @Test
    void emptyFileFindsNothing() throws IOException {
        assertThat(values("# only a comment\n").find(YqPath.parse(".a"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMergeKeyCycleIsAMissingValueNotAStackOverflow() {
        ValuesDocument doc = ValuesDocument.parse("loop: &l\n  a: 1\n  <<: *l\nop:\n  <<: *l\n", "v.yaml");
        org.assertj.core.api.Assertions.assertThat(doc.find(YqPath.parse(".loop.missing"))).isEmpty();
        org.assertj.core.api.Assertions.assertThat(doc.find(YqPath.parse(".op.missing"))).isEmpty();
        org.assertj.core.api.Assertions.assertThat(doc.find(YqPath.parse(".op.a"))).get()
                .extracting(ScalarValue::text).isEqualTo("1");
    }
}
