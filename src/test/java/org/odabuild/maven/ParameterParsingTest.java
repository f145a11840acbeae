package org.odabuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.odabuild.core.InvalidInputException;

/** Yes/no parameters: Maven's own conversion reads "maybe" as false; the plugin says it is wrong. */
class ParameterParsingTest {

    @Test
    void onlyTrueOrFalse() {
        assertThat(AbstractPlanMojo.flag("TRUE", "oda.push")).contains(true);
        assertThat(AbstractPlanMojo.flag(" false ", "oda.push")).contains(false);
        assertThat(AbstractPlanMojo.flag(null, "oda.push")).isEmpty();
        assertThatThrownBy(() -> AbstractPlanMojo.flag("maybe", "oda.includeUncommitted"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("oda.includeUncommitted 'maybe' is not true or false");
    }

    @Test
    void buildArgsAreNamedOneByOneAndAPropertyThatNamesNoneIsRefusedWithoutItsValue() {
        java.util.Properties user = new java.util.Properties();
        user.setProperty("oda.buildArgs.HTTP_PROXY", "http://proxy:3128");
        user.setProperty("oda.push", "true");
        assertThat(BuildArgProperties.of(java.util.Map.of("A", "pom", "HTTP_PROXY", "pom"), user))
                .containsOnly(java.util.Map.entry("A", "pom"), java.util.Map.entry("HTTP_PROXY", "http://proxy:3128"));
        // docker's --build-arg NPM_TOKEN=s3cret, written as one property: Maven set nothing and said nothing
        for (String key : java.util.List.of("oda.buildArgs", "oda.buildArgs.", "oda.buildArg.NPM_TOKEN")) {
            java.util.Properties typo = new java.util.Properties();
            typo.setProperty(key, "NPM_TOKEN=s3cret");
            assertThatThrownBy(() -> BuildArgProperties.of(null, typo)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("-D" + key + " sets no build arg: give each as -Doda.buildArgs.NAME=value, e.g."
                            + " -Doda.buildArgs.HTTP_PROXY=http://proxy:3128")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void aCommaListOfNothingIsEmptyNotANullPointer() {
        assertThat(AbstractOdaMojo.trimmed(java.util.Arrays.asList(null, " a ", "", null))).containsExactly("a");
        assertThat(AbstractOdaMojo.trimmed(null)).isEmpty();
    }
}
