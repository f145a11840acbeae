package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerOutputTest {

    @Test
    void theReportIsKeptWholeUpToItsLimitThenMarkedAsCut() {
        ContainerOutput output = new ContainerOutput(20, 8);
        output.stdout("<testsuite/>");
        assertThat(output.stdoutText()).isEqualTo("<testsuite/>\n");
        output.stdout("more than fits");
        output.stdout("x");
        assertThat(output.stdoutText()).startsWith("<testsuite/>\n")
                .contains("(cut: the container printed more than 20 characters").doesNotContain("more than fits\n")
                .doesNotContain("\nx\n");
    }

    @Test
    void stderrKeepsItsLastCharactersOnly() {
        ContainerOutput output = new ContainerOutput(20, 8);
        for (int i = 0; i < 1000; i++) {
            output.stderr("line " + i);
        }
        assertThat(output.stderrText()).hasSize(8).endsWith("ne 999\n");
    }
}
