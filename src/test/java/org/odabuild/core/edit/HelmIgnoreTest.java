package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A chart's {@code .helmignore} read as Helm's pkg/ignore reads it, not as Docker reads a {@code .dockerignore}. */
class HelmIgnoreTest {

    /** The file {@code helm create} writes, plus a rooted rule, a path rule and a rule Helm refuses. */
    private static final HelmIgnore DEFAULT = HelmIgnore.parse(List.of(
            "# Patterns to ignore when building packages.", ".DS_Store", "# Common VCS dirs", ".git/", ".gitignore",
            "*.swp", "*.bak", "*.tmp", "*.orig", "*~", ".project", ".idea/", "*.tmproj", ".vscode/",
            "/values.schema.json", "ci/*.yaml", "**/secret.txt"));

    @ParameterizedTest(name = "{0} left out: {1}")
    @CsvSource({
        // a rule without '/' is a file's or folder's own name at any depth (Docker's would be the chart's root only)
        "templates/deployment.yaml.bak, true",
        "templates/deployment.yaml, false",
        "a/b/notes.txt~, true",
        // a folder rule takes the folder anywhere, and its files with it; not a file of that name
        "sub/.git/config, true",
        ".idea/workspace.xml, true",
        ".idea, false",
        // a leading '/' ties the rule to the chart's root
        "values.schema.json, true",
        "charts/sub/values.schema.json, false",
        // a rule with '/' is matched against the whole path, '*' within one folder
        "ci/test-values.yaml, true",
        "ci/deep/test-values.yaml, false",
        // Helm refuses '**': the rule leaves out nothing
        "secret.txt, false"})
    void rulesAreReadAsHelmReadsThem(String file, boolean excluded) {
        assertThat(DEFAULT.excludes(file)).isEqualTo(excluded);
    }

    /** Helm's '!' rule leaves out every path it does not match, whatever came before. */
    @ParameterizedTest(name = "{0} left out: {1}")
    @CsvSource({"keep.txt, false", "other.txt, true", "templates/keep.txt, true"})
    void aNegatedRuleIsReadAsHelmReadsIt(String file, boolean excluded) {
        assertThat(HelmIgnore.parse(List.of("!keep.txt")).excludes(file)).isEqualTo(excluded);
    }
}
