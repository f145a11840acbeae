package org.odabuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties a letter away from the plugin's, against the descriptor Maven reads the goals from. */
class PropertyTyposTest {

    static Set<String> known;

    @BeforeAll
    static void read() throws Exception {
        Path file = Path.of("target/classes/META-INF/maven/plugin.xml");
        try (Reader reader = Files.newBufferedReader(file)) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(reader);
            known = PropertyTypos.known(plugin);
        }
    }

    @Test
    void everyGoalsPropertiesAreKnown() {
        assertThat(known).contains("oda.images", "oda.push", "oda.bump", "oda.skip", "oda.plan.skip",
                "oda.build.skip", "oda.imageRepository", "oda.insecureRegistries")
                .allMatch(p -> p.startsWith("oda."));
    }

    @Test
    void aPropertyALetterAwayFromOneOfThePluginsIsSaid() {
        // -Doda.image=op built every image; -Doda.skp=true ran the goal
        assertThat(PropertyTypos.warnings(Set.of("oda.image", "oda.skp", "oda.Push", "oda.relaseBranches"), known))
                .containsExactly(
                        "-Doda.Push is no property of oda-maven-plugin, so Maven ignores it: did you mean -Doda.push?",
                        "-Doda.image is no property of oda-maven-plugin, so Maven ignores it: did you mean -Doda.images?",
                        "-Doda.relaseBranches is no property of oda-maven-plugin, so Maven ignores it: did you mean"
                                + " -Doda.releaseBranches?",
                        "-Doda.skp is no property of oda-maven-plugin, so Maven ignores it: did you mean -Doda.skip?");
    }

    @Test
    void thePluginsOwnAndTheUsersOwnPropertiesAreLeftAlone() {
        assertThat(PropertyTypos.warnings(Set.of("oda.images", "oda.buildArgs.HTTP_PROXY", "oda.skipTests",
                "oda.image.compcrdwebhook.tag", "oda.version", "oda.canvas.namespace", "skip", "maven.repo.local"),
                known)).isEmpty();
    }
}
