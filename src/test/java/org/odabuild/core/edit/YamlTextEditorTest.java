package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.values.YqPath;
import org.odabuild.testing.Fixtures;

class YamlTextEditorTest {

    static YqPath p(String path) {
        return YqPath.parse(path);
    }

    /** Lines that differ between two texts of the same length in lines. */
    static List<String> changedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        assertThat(b).hasSameSizeAs(a);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                out.add((i + 1) + ": " + a[i] + " => " + b[i]);
            }
        }
        return out;
    }

    @Test
    void realOdaCanvasValuesChangeOnlyTheEditedLines() throws Exception {
        Path file = Fixtures.odaCanvasSource().resolve("charts/canvas-oda/values.yaml");
        String original = Files.readString(file);
        YamlTextEditor editor = new YamlTextEditor("charts/canvas-oda/values.yaml", original);
        editor.set(p(".component-operator.deployment.compopVersion"), "1.1.3", Optional.empty());
        editor.set(p(".component-operator.deployment.compopPrereleaseSuffix"), "issue3456", Optional.empty());
        assertThat(changedLines(original, editor.text())).containsExactly(
                "168:     compopVersion: 1.1.2 =>     compopVersion: 1.1.3",
                "169:     compopPrereleaseSuffix:  =>     compopPrereleaseSuffix: issue3456");
        assertThat(editor.edits()).extracting(ScalarEdit::toString).containsExactly(
                "charts/canvas-oda/values.yaml:168 .component-operator.deployment.compopVersion: 1.1.2 -> 1.1.3",
                "charts/canvas-oda/values.yaml:169 .component-operator.deployment.compopPrereleaseSuffix: (empty)"
                        + " -> issue3456");
        // and back: clearing the suffix leaves "key:" (the fixture had a trailing space there)
        editor.set(p(".component-operator.deployment.compopPrereleaseSuffix"), "", Optional.empty());
        assertThat(changedLines(original, editor.text())).containsExactly(
                "168:     compopVersion: 1.1.2 =>     compopVersion: 1.1.3",
                "169:     compopPrereleaseSuffix:  =>     compopPrereleaseSuffix:");
    }

    @Test
    void everyOdaCanvasImageCanBeBumpedAlone() throws Exception {
        Path file = Fixtures.odaCanvasSource().resolve("charts/canvas-oda/values.yaml");
        String original = Files.readString(file);
        for (String path : List.of(".oda-webhook.version", ".api-operator-kong.kongoperatorimage.kongopVersion",
                ".api-operator-apisix.apisixoperatorimage.apisixopPrereleaseSuffix", ".secretsmanagement-operator.sidecarPrereleaseSuffix")) {
            YamlTextEditor editor = new YamlTextEditor("values.yaml", original);
            editor.set(p(path), "9.9.9", Optional.empty());
            assertThat(changedLines(original, editor.text())).hasSize(1);
            assertThat(editor.get(p(path))).contains("9.9.9");
        }
    }

    @Test
    void keepsQuotingCrlfAndComments() {
        String text = "a:\r\n  v: \"1.0.0\"   # the version\r\n  s: 'x'\r\n";
        YamlTextEditor editor = new YamlTextEditor("f.yaml", text);
        editor.set(p(".a.v"), "1.0.1", Optional.empty());
        editor.set(p(".a.s"), "y", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\r\n  v: \"1.0.1\"   # the version\r\n  s: 'y'\r\n");
    }

    @Test
    void fillsEmptyValues() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  s:\n  t: ~\n  u:   # none\n");
        editor.set(p(".a.s"), "rc1", Optional.empty());
        editor.set(p(".a.t"), "rc2", Optional.empty());
        editor.set(p(".a.u"), "rc3", Optional.empty());
        assertThat(editor.get(p(".a.s"))).contains("rc1");
        assertThat(editor.get(p(".a.t"))).contains("rc2");
        assertThat(editor.get(p(".a.u"))).contains("rc3");
        assertThat(editor.text()).contains("# none");
    }

    @Test
    void anExplicitTagStaysBeforeTheNewValue() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml",
                "a:\n  version: !!str 1.0.0\n  prereleaseSuffix: !!str \"rc1\"\n");
        editor.set(p(".a.version"), "1.0.1", Optional.empty());
        editor.set(p(".a.prereleaseSuffix"), "rc2", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  version: !!str 1.0.1\n  prereleaseSuffix: !!str \"rc2\"\n");
        YamlTextEditor empty = new YamlTextEditor("f.yaml", "a:\n  prereleaseSuffix: !!str\n  b: 1\n");
        empty.set(p(".a.prereleaseSuffix"), "rc3", Optional.empty());
        assertThat(empty.text()).isEqualTo("a:\n  prereleaseSuffix: !!str rc3\n  b: 1\n");
    }

    @Test
    void fillsAnEmptyValueWithOneSpaceBeforeItsComment() {
        // '#' right after the value would be part of it: "x# none" is text, not a value and a comment
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  version: 1.0.0\n  prereleaseSuffix: # none\n");
        editor.set(p(".a.prereleaseSuffix"), "issue7", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  version: 1.0.0\n  prereleaseSuffix: issue7 # none\n");
        editor.set(p(".a.prereleaseSuffix"), "", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  version: 1.0.0\n  prereleaseSuffix: # none\n");
    }

    @Test
    void fillsAnEmptyValueFollowedBySpacesWithoutLeavingThemTrailing() {
        // an editor's trailing whitespace after "key:" is not kept after the value it is filled with
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  prereleaseSuffix:  \n  b: 1\n  c:   \r\n");
        editor.set(p(".a.prereleaseSuffix"), "issue777", Optional.empty());
        editor.set(p(".a.c"), "x", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  prereleaseSuffix: issue777\n  b: 1\n  c: x\r\n");
        // before a comment, the spaces stay where they were
        YamlTextEditor commented = new YamlTextEditor("f.yaml", "a:\n  prereleaseSuffix:    # none\n");
        commented.set(p(".a.prereleaseSuffix"), "issue7", Optional.empty());
        assertThat(commented.text()).isEqualTo("a:\n  prereleaseSuffix: issue7   # none\n");
    }

    @Test
    void aValueHelmWouldReadAsABooleanNumberOrNullIsQuoted() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  s:\n  t: x\n  u:\n  v:\n  w:\n");
        editor.set(p(".a.s"), "no", Optional.empty());
        editor.set(p(".a.t"), "0x1F", Optional.empty());
        editor.set(p(".a.u"), "null", Optional.empty());
        editor.set(p(".a.v"), "issue123", Optional.empty());
        editor.set(p(".a.w"), "123", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  s: \"no\"\n  t: \"0x1F\"\n  u: \"null\"\n  v: issue123\n  w: 123\n");
    }

    @Test
    void clearingKeepsACommentAfterTheValue() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  s: rc1  # why\n  t: rc2\n");
        editor.set(p(".a.s"), "", Optional.empty());
        editor.set(p(".a.t"), "", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  s:   # why\n  t:\n");
        assertThat(editor.get(p(".a.s"))).contains("");
    }

    @Test
    void addsAMissingKeyBesideAnother() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "op:\n  image: x\n  version: 1.0.0\n  other: 1\n");
        editor.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version")));
        assertThat(editor.text()).isEqualTo("op:\n  image: x\n  version: 1.0.0\n  prereleaseSuffix: rc1\n  other: 1\n");
        assertThat(editor.edits()).singleElement().hasToString("f.yaml:4 .op.prereleaseSuffix: (no key) -> rc1");
    }

    @Test
    void addsAMissingKeyToAMappingInBracesRightAfterTheOtherValue() {
        YamlTextEditor flow = new YamlTextEditor("f.yaml", "op: {image: x, version: 1.0.0}  # the operator\n");
        flow.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version")));
        assertThat(flow.text()).isEqualTo("op: {image: x, version: 1.0.0, prereleaseSuffix: rc1}  # the operator\n");
        assertThat(flow.edits()).singleElement().hasToString("f.yaml:1 .op.prereleaseSuffix: (no key) -> rc1");
        // over several lines, after a quoted version; a ',' that would end the value in braces is quoted
        YamlTextEditor lines = new YamlTextEditor("f.yaml", "op: {\n  version: \"1.0.0\",\n  image: x\n}\n");
        lines.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version")));
        lines.set(p(".op.note"), "a,b", Optional.of(p(".op.image")));
        assertThat(lines.text()).isEqualTo("op: {\n  version: \"1.0.0\", prereleaseSuffix: rc1,\n  image: x, note:"
                + " \"a,b\"\n}\n");
        // after an alias, whose marks are its anchor's, it is not guessed
        YamlTextEditor alias = new YamlTextEditor("f.yaml", "v: &v 1.0.0\nop: {image: x, version: *v}\n");
        assertThatThrownBy(() -> alias.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version"))))
                .hasMessageContaining("cannot add 'prereleaseSuffix' to '.op' ({...}) after '.op.version', which is"
                        + " not a plain value; add 'prereleaseSuffix: rc1' to it by hand");
        assertThat(alias.text()).isEqualTo("v: &v 1.0.0\nop: {image: x, version: *v}\n");
    }

    @Test
    void anEmojiOrOtherCharacterBeyondTheBasicPlaneBeforeTheValueMovesNothing() {
        // YAML counts such a character as one, Java's strings as two: the edit lands on the value all the same
        String text = "# \uD83D\uDE80 images\nop:\n  note: \"\uD800\uDC00 \uD83D\uDE00\"\n  version: 1.0.0 # \uD83D\uDC4D\n"
                + "  prereleaseSuffix:\n";
        YamlTextEditor editor = new YamlTextEditor("f.yaml", text);
        editor.set(p(".op.version"), "1.0.1", Optional.empty());
        editor.set(p(".op.prereleaseSuffix"), "issue7", Optional.empty());
        assertThat(editor.text()).isEqualTo(text.replace("1.0.0", "1.0.1").replace("prereleaseSuffix:",
                "prereleaseSuffix: issue7"));
        editor.set(p(".op.prereleaseSuffix"), "", Optional.empty());
        assertThat(editor.text()).isEqualTo(text.replace("1.0.0", "1.0.1"));
        YamlTextEditor adding = new YamlTextEditor("f.yaml", "# \uD83D\uDE80\nop:\n  version: 1.0.0 # \uD83D\uDC4D\n  x: 1\n");
        adding.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version")));
        assertThat(adding.text()).isEqualTo("# \uD83D\uDE80\nop:\n  version: 1.0.0 # \uD83D\uDC4D\n  prereleaseSuffix: rc1\n"
                + "  x: 1\n");
    }

    @Test
    void refusesAliasedValuesAndBlockScalars() {
        YamlTextEditor aliased = new YamlTextEditor("f.yaml", "a:\n  v: &v 1.0.0\nb:\n  v: *v\n");
        assertThatThrownBy(() -> aliased.set(p(".a.v"), "2.0.0", Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("f.yaml:2:")
                .hasMessageContaining("edit it by hand");
        assertThat(aliased.text()).isEqualTo("a:\n  v: &v 1.0.0\nb:\n  v: *v\n");
        YamlTextEditor block = new YamlTextEditor("f.yaml", "a: |\n  text\n");
        assertThatThrownBy(() -> block.set(p(".a"), "x", Optional.empty())).hasMessageContaining("block scalar");
        assertThatThrownBy(() -> new YamlTextEditor("f.yaml", "a: 1\n---\nb: 2\n"))
                .hasMessageContaining("keep one YAML document");
    }

    @Test
    void lastDuplicateKeyIsTheOneEdited() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  v: 1\n  v: 2\n");
        editor.set(p(".a.v"), "3", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  v: 1\n  v: 3\n");
    }

    @Test
    void aPlainValueHelmReadsAsOtherThanTextIsQuotedWhenSetToTheSameText() {
        // "no" unquoted is the boolean false to Helm, "~" no value: setting the text "no" must change the file
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  s: no\n  t: ~\n  u: !!str no\n  v: 'no'\n  w: &w !!str no\n");
        editor.set(p(".a.s"), "no", Optional.empty());
        editor.set(p(".a.t"), "~", Optional.empty());
        editor.set(p(".a.u"), "no", Optional.empty());
        editor.set(p(".a.v"), "no", Optional.empty());
        editor.set(p(".a.w"), "no", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  s: \"no\"\n  t: \"~\"\n  u: !!str no\n  v: 'no'\n  w: &w !!str no\n");
        YamlTextEditor aliased = new YamlTextEditor("f.yaml", "a: &s no\nb: *s\n");
        assertThatThrownBy(() -> aliased.set(p(".a"), "no", Optional.empty()))
                .as("quoting it would turn b's false into text as well").hasMessageContaining("cannot be changed on its own");
    }

    @Test
    void aBackslashIsWrittenAsABackslash() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  s: x\n  t: 1\n");
        editor.set(p(".a.s"), "a\\b", Optional.empty());
        editor.set(p(".a.u"), "c\\d", Optional.of(p(".a.s")));
        assertThat(editor.text()).isEqualTo("a:\n  s: \"a\\\\b\"\n  u: \"c\\\\d\"\n  t: 1\n");
        assertThat(editor.get(p(".a.s"))).contains("a\\b");
    }

    @Test
    void anAnchorOnTheValueStays() {
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "a:\n  v: &v 1.0.0 # kept\n  s: &s !!str rc1\n");
        editor.set(p(".a.v"), "1.0.1", Optional.empty());
        editor.set(p(".a.s"), "rc2", Optional.empty());
        assertThat(editor.text()).isEqualTo("a:\n  v: &v 1.0.1 # kept\n  s: &s !!str rc2\n");
    }

    @Test
    void aKeyIsAddedAfterAnAliasOnTheAliasesLine() {
        // the alias node carries the marks of the value it names, two lines up
        YamlTextEditor editor = new YamlTextEditor("f.yaml", "base: &ver 1.0.0\nop:\n  version: *ver\n  x: 1\n");
        editor.set(p(".op.prereleaseSuffix"), "rc1", Optional.of(p(".op.version")));
        assertThat(editor.text()).isEqualTo("base: &ver 1.0.0\nop:\n  version: *ver\n  prereleaseSuffix: rc1\n  x: 1\n");
    }
}
