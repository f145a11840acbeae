package org.odabuild.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

class YamlDocumentTest {

    @TempDir
    Path dir;

    @Test
    void eachMappingEntryIsToldAsItIsReadAndTheTreeIsTheSame() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                a:
                  valuesYamlFile: one.yaml
                  paths: [x, y]
                b: &b
                  valuesYamlFile: 'two.yaml'
                  nested: {k: v}
                c: *b
                ? [complex, key]
                : ignored
                """);
        List<String> told = new ArrayList<>();
        YamlDocument telling = YamlDocument.load(file, "c.yaml", (key, value) -> told.add(key
                + (value instanceof ScalarNode s ? "=" + s.getValue() : "")));
        // inner entries are told before the entry that holds them; an alias is not read again
        assertThat(told).containsExactly("valuesYamlFile=one.yaml", "paths", "a", "valuesYamlFile=two.yaml",
                "k=v", "nested", "b", "c");

        MappingNode plain = (MappingNode) YamlDocument.load(file, "c.yaml").root().orElseThrow();
        MappingNode root = (MappingNode) telling.root().orElseThrow();
        assertThat(root.getValue()).hasSameSizeAs(plain.getValue());
        for (int i = 0; i < root.getValue().size(); i++) {
            assertThat(root.getValue().get(i).getKeyNode().getStartMark().getLine())
                    .isEqualTo(plain.getValue().get(i).getKeyNode().getStartMark().getLine());
            assertThat(root.getValue().get(i).getValueNode().getNodeId())
                    .isEqualTo(plain.getValue().get(i).getValueNode().getNodeId());
        }
    }
}
