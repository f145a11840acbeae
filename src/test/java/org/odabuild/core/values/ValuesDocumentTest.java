package org.odabuild.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void aMissingValueNamesTheLineWhereThePathStopsAndWhy() throws IOException {
        ValuesDocument doc = values("# canvas\noda-webhook:\n  image: x/y\n  version: 0.6.3\n  prereleaseSuffix:\n"
                + "list:\n  - a\n  - b\nflat: 1\nempty:\n");
        // a typo names the key that is there; the location is the mapping the key is missing from
        assertThat(missing(doc, ".oda-webhook.verison"))
                .startsWith("charts/x/values.yaml:3:3: has no value at '.oda-webhook.verison' (valuesPathVersion of"
                        + " image 'x'): '.oda-webhook' has no key 'verison' but has 'version'; add it to the file or"
                        + " fix the path in dockerbuild-config.yaml");
        assertThat(missing(doc, ".oda-webhook.PrereleaseSuffix"))
                .contains("has no key 'PrereleaseSuffix' but has 'prereleaseSuffix';");
        assertThat(missing(doc, ".oda-webhok.version"))
                .startsWith("charts/x/values.yaml:2:1: ")
                .contains("the top level has no key 'oda-webhok' but has 'oda-webhook';");
        // nothing close: no guess
        assertThat(missing(doc, ".oda-webhook.tag")).contains("'.oda-webhook' has no key 'tag';")
                .doesNotContain("but has");
        assertThat(missing(doc, ".list[2]")).startsWith("charts/x/values.yaml:7:3: ")
                .contains("'.list' has 2 entries, so [2] is past its end");
        assertThat(missing(doc, ".oda-webhook[0]")).contains("'.oda-webhook' is a mapping, not a list, so [0] finds"
                + " nothing");
        assertThat(missing(doc, ".flat.version")).startsWith("charts/x/values.yaml:9:7: ")
                .contains("'.flat' is a single value, so it has no key 'version'");
        assertThat(missing(doc, ".empty.version")).contains("'.empty' is empty, so it has no key 'version'");
        assertThat(missing(values("# only a comment\n"), ".a.version"))
                .startsWith("charts/x/values.yaml: has no value at '.a.version'").contains("the file is empty");
    }

    @Test
    void aValueKeptUnderAnotherParentIsPointedAt() throws IOException {
        // oda-canvas at 7dede50: the config asked for .api-operator-kong.kongoperatorimage.kongopImage, the chart
        // kept the operator's image under kong-gateway
        ValuesDocument doc = values("api-operator-istio:\n  deployment:\n    apiopImage: a/b\n"
                + "kong-gateway:\n    kongoperatorimage:\n      repository: x/kong:1.0.0\n"
                + "      kongopImage: tmforumodacanvas/api-operator-kong\n      kongopVersion: 1.0.0\n");
        assertThat(missing(doc, ".api-operator-kong.kongoperatorimage.kongopImage"))
                .startsWith("charts/x/values.yaml:1:1: ")
                .endsWith("the top level has no key 'api-operator-kong'; the file has"
                        + " '.kong-gateway.kongoperatorimage.kongopImage' at line 7: point the path there in"
                        + " dockerbuild-config.yaml, or add the value to the file");
        // the deeper the match, the better: '.kongoperatorimage.kongopVersion' alone is under one parent only
        assertThat(missing(doc, ".kong.kongoperatorimage.kongopVersion"))
                .contains("the file has '.kong-gateway.kongoperatorimage.kongopVersion' at line 8");
        // oda-canvas at 62a4756: valuesPathVersion lost the '-keycloak' its valuesPathImage has, too far for a typo
        ValuesDocument keycloak = values("identityconfig-operator-keycloak:\n  deployment:\n"
                + "    idkopImage: tmforumodacanvas/identityconfig-operator-keycloak\n    idkopVersion: 0.7.2\n"
                + "    idlistkeyVersion: 0.7.2\n");
        assertThat(missing(keycloak, ".identityconfig-operator.deployment.idkopVersion"))
                .contains("the top level has no key 'identityconfig-operator'; the file has"
                        + " '.identityconfig-operator-keycloak.deployment.idkopVersion' at line 4");
    }

    @Test
    void aliasesStandingForMillionsOfPathsAreRefusedAndThoseHelmReadsEndTheSearch() throws IOException {
        // 48 aliases stand for 2^24 paths to 'v': Helm refuses such a document, and so does the reader
        assertThatThrownBy(() -> values(doublingAliases(24))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"document contains excessive aliasing\"");
        // the most doubling Helm reads: the search for a near path still ends
        ValuesDocument doc = values(doublingAliases(8));
        assertThatThrownBy(() -> values(doublingAliases(9))).hasMessageContaining("excessive aliasing");
        String message = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> missing(doc, ".x.a.v"), "a hang guard, not a speed target");
        assertThat(message).contains("the top level has no key 'x'").doesNotContain("the file has");
    }

    /** {@code l0: {v: 1}}, then each level two aliases to the one before: 2^levels paths to 'v'. */
    private static String doublingAliases(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 {v: 1}\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" {a: *l").append(i - 1).append(", b: *l")
                    .append(i - 1).append("}\n");
        }
        return yaml.toString();
    }

    @Test
    void noPlaceIsPointedAtWhenItIsNotClearlyTheOneMeant() throws IOException {
        ValuesDocument doc = values("a:\n  deployment:\n    image: x/a\n    version: 1.0.0\n"
                + "b:\n  deployment:\n    image: x/b\n");
        // two places end with .deployment.image
        assertThat(missing(doc, ".c.deployment.image")).doesNotContain("the file has")
                .endsWith("; add it to the file or fix the path in dockerbuild-config.yaml");
        // one shared key is another image's value, not this one's
        assertThat(missing(doc, ".c.version")).doesNotContain("the file has");
        // the keys after the missing one must all be there: .a.deployment has no 'tag'
        assertThat(missing(doc, ".x.deployment.tag")).doesNotContain("the file has");
        // a list index is left to the key-by-key message
        assertThat(missing(values("a:\n  l:\n    - v: 1\n"), ".b.l[0].v")).doesNotContain("the file has");
    }

    @Test
    void aKeyMergedInIsNamedToo() throws IOException {
        ValuesDocument doc = values("base: &b\n  version: 1.0.0\nop:\n  <<: *b\n  image: x/y\n");
        assertThat(missing(doc, ".op.versoin")).contains("'.op' has no key 'versoin' but has 'version';");
    }

    private static String missing(ValuesDocument doc, String path) {
        assertThat(doc.find(YqPath.parse(path))).isEmpty();
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> doc.require(YqPath.parse(path), "valuesPathVersion of image 'x'"), InvalidInputException.class)
                .getMessage();
    }

    @Test
    void nonScalarTargetIsAnError() throws IOException {
        ValuesDocument doc = values("a:\n  version:\n    - 1\n");
        assertThatThrownBy(() -> doc.find(YqPath.parse(".a.version")))
                .hasMessageContaining("charts/x/values.yaml:3:5")
                .hasMessageContaining("is a list, not a single value: give it a single value, or point the path at"
                        + " an entry such as '.a.version[0]'");
        ValuesDocument webhook = values("oda-webhook:\n  image: x/y\n  version: 0.6.3\n");
        assertThatThrownBy(() -> webhook.find(YqPath.parse(".oda-webhook")))
                .hasMessageContaining("'.oda-webhook' is a mapping, not a single value: point the path at one of its"
                        + " values, e.g. '.oda-webhook.image'");
        assertThatThrownBy(() -> values("\"a.b\":\n  \"x y\": 1\n").find(YqPath.parse(".\"a.b\"")))
                .hasMessageContaining("e.g. '.\"a.b\".\"x y\"'");
    }

    @Test
    void aTagThatMakesHelmReadAnotherValueIsRefusedAtItsLine() throws IOException {
        ValuesDocument doc = values("a:\n  image: !!binary eC9h\n  version: !!float 1.0.0\n  n: !!int \"12\"\n");
        assertThatThrownBy(() -> doc.find(YqPath.parse(".a.image")))
                .hasMessage("charts/x/values.yaml:2:10: '.a.image' has the YAML tag '!!binary': Helm decodes it from"
                        + " base64, so the chart would not use 'eC9h' as the plugin does: remove the tag and write the"
                        + " value as text");
        assertThatThrownBy(() -> doc.find(YqPath.parse(".a.version")))
                .hasMessageStartingWith("charts/x/values.yaml:3:12: '.a.version' has the YAML tag '!!float': Helm"
                        + " reads '1.0.0' as that type");
        assertThatThrownBy(() -> doc.find(YqPath.parse(".a.n"))).hasMessageContaining("'!!int'");
        // go-yaml v2 resolves !!null and fails on a text that is no null; on one that is, it is null
        ValuesDocument nulls = values("a:\n  s: !!null issue9\n  t: !!null ~\n  u: !!null\n");
        assertThatThrownBy(() -> nulls.find(YqPath.parse(".a.s"))).hasMessage("charts/x/values.yaml:2:6: '.a.s' has"
                + " the YAML tag '!!null': Helm refuses the file, as 'issue9' is no null (\"cannot decode ... as a"
                + " !!null\"): remove the tag and write the value as text (or nothing, for no value)");
        assertThat(at(nulls, ".a.t").isNull()).isTrue();
        assertThat(at(nulls, ".a.u").isNull()).isTrue();
    }

    @Test
    void aTagThatKeepsTheTextIsReadAsText() throws IOException {
        ValuesDocument doc = values("a:\n  s: !!str no\n  l: !local yes\n  q: !!str \"x\"\n  n: !!null\n  p: no\n");
        assertThat(at(doc, ".a.s")).extracting(ScalarValue::text, ScalarValue::plain).containsExactly("no", false);
        assertThat(at(doc, ".a.l")).extracting(ScalarValue::text, ScalarValue::plain).containsExactly("yes", false);
        assertThat(at(doc, ".a.q").text()).isEqualTo("x");
        assertThat(at(doc, ".a.n").isNull()).isTrue();
        assertThat(at(doc, ".a.p").plain()).isTrue();
        assertThat(HelmReading.differs(at(doc, ".a.s"))).isEmpty();
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
                .hasMessageContaining("charts/x/values.yaml: its aliases expand to more than Helm reads")
                .hasMessageContaining("\"document contains excessive aliasing\"");
    }

    /**
     * Any number of aliases is read, as Helm reads it (it refused more than 50 shared blocks, which a values file of
     * many services, each with its resources written once as an anchor, can hold).
     */
    @Test
    void manyAliasesAreReadAsHelmReadsThem() throws IOException {
        StringBuilder yaml = new StringBuilder("defaults:\n  resources: &res\n    limits:\n      cpu: 100m\n");
        for (int i = 0; i < 300; i++) {
            yaml.append("svc").append(i).append(":\n  image: x/svc").append(i).append("\n  resources: *res\n");
        }
        ValuesDocument doc = values(yaml.toString());
        assertThat(doc.find(YqPath.parse(".svc299.resources.limits.cpu"))).get().extracting(ScalarValue::text)
                .isEqualTo("100m");
    }

    /**
     * An anchor whose value holds an alias to itself (in a list, a mapping, through a merge key) is refused at the
     * anchor's line, as Helm refuses it ("anchor 'a' value contains itself"); comparing two such files looped until
     * the stack overflowed and took Maven down.
     */
    @Test
    void anAnchorHoldingItselfIsRefusedAsHelmRefusesIt() throws IOException {
        for (String[] file : List.of(new String[] {"a: 1\nloop: &l [*l]\n", "2:7"},
                new String[] {"loop: &l {x: *l}\n", "1:7"},
                new String[] {"top:\n  loop: &l\n    a: 1\n    b:\n      - *l\n", "2:9"},
                new String[] {"loop: &l\n  a: 1\n  <<: *l\n", "1:7"})) {
            assertThatThrownBy(() -> values(file[0])).as(file[0])
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("charts/x/values.yaml:" + file[1] + ": the anchor 'l' holds an alias to itself, which"
                            + " Helm refuses (\"anchor value contains itself\"): write the value out without the"
                            + " alias");
        }
        // an alias to an anchor written before it, also inside a later anchor, is no loop
        assertThat(values("a: &a {x: 1}\nb: &b {y: *a, z: [*a]}\nc: *b\n")
                .find(YqPath.parse(".c.z[0].x"))).get().extracting(ScalarValue::text).isEqualTo("1");
    }

    @Test
    void multiDocumentFileIsRefused() throws IOException {
        assertThatThrownBy(() -> values("a: 1\n---\nb: 2\n")).hasMessageContaining("charts/x/values.yaml:2:1:")
                .hasMessageContaining("keep one YAML document");
        assertThatThrownBy(() -> values("a: 1\n---\n---\n~\n")).hasMessageContaining("keep one YAML document");
        assertThatThrownBy(() -> values("a: 1\n--- ''\n")).hasMessageContaining("keep one YAML document");
    }

    /** Helm reads a values file's first document: a '---' after it with nothing but comments is harmless. */
    @Test
    void aSeparatorAfterTheDocumentWithNothingButCommentsIsReadPast() throws IOException {
        for (String tail : List.of("---\n", "---", "---\n# the end\n", "...\n---\n", "---\n...\n---\n")) {
            assertThat(values("a:\n  version: 1.0.0\n" + tail).find(YqPath.parse(".a.version"))).as(tail)
                    .get().extracting(ScalarValue::text).isEqualTo("1.0.0");
        }
        assertThat(values("---\n---\n").find(YqPath.parse(".a"))).isEmpty();
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
    void aMergeKeyCycleIsRefusedAtItsAnchorNotAStackOverflow() {
        assertThatThrownBy(() -> ValuesDocument.parse("loop: &l\n  a: 1\n  <<: *l\nop:\n  <<: *l\n", "v.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("v.yaml:1:7: the anchor 'l' holds an alias to itself");
    }
}
