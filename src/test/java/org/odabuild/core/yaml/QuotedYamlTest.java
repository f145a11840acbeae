package org.odabuild.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class QuotedYamlTest {

    private static Object load(String text) {
        return new Yaml(new LoaderOptions()).load(text);
    }

    @Test
    void nestedMappingsReadBackAsTheSameStrings() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("version", "1.0.4-issue7@sha256:" + "a".repeat(64));
        inner.put("prereleaseSuffix", "");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("oda-webhook", inner);
        root.put("image", "tmforumodacanvas/compcrdwebhook");

        String text = QuotedYaml.blockMapping(root);

        assertThat(text).isEqualTo("""
                "oda-webhook":
                  "version": "1.0.4-issue7@sha256:%s"
                  "prereleaseSuffix": ""
                "image": "tmforumodacanvas/compcrdwebhook"
                """.formatted("a".repeat(64)));
        assertThat(load(text)).isEqualTo(root);
    }

    @Test
    void textThatWouldReadAsAnotherTypeACommentOrStructureStaysAString() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String s : List.of("null", "~", "true", "no", "1.0", "0x1F", "- a", "a: b", "# c", "{x}", "[y]", "*ref",
                "&anchor", "!!int 3", "'", "\"", "\\", "a\\\"b", "line\nbreak", "tab\there", "\r\n", "é ü 日本",
                "\u0085\u2028\u2029", "\ufeffbom", "\u0000\u0007\u001b\u007f", "emoji 😀", " lead", "trail ", "")) {
            root.put(s, s);
        }
        Map<String, Object> nested = Map.of("k\nk", Map.of("\"deep\"", "v\\"), "long".repeat(300), Map.of("x", "y"));
        root.put("é".repeat(400), "a key longer than YAML's implicit 1024 characters once escaped");
        root.put("nested", nested);

        String text = QuotedYaml.blockMapping(root);

        assertThat(load(text)).isEqualTo(root);
        assertThat(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f))).as("ASCII lines only").isTrue();
    }

    @Property(tries = 300)
    void anyStringReadsBack(@ForAll String key, @ForAll String value) {
        Map<String, Object> root = Map.of(key, Map.of("v", value));
        assertThat(load(QuotedYaml.blockMapping(root))).isEqualTo(root);
    }

    @Test
    void onlyStringsAndMappings() {
        assertThatThrownBy(() -> QuotedYaml.blockMapping(Map.of("n", 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
