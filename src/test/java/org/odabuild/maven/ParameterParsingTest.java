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
    void aCommaListOfNothingIsEmptyNotANullPointer() {
        assertThat(AbstractOdaMojo.trimmed(java.util.Arrays.asList(null, " a ", "", null))).containsExactly("a");
        assertThat(AbstractOdaMojo.trimmed(null)).isEmpty();
    }
}
