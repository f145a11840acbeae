package org.odabuild.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a goal lists the broken images it stops for. */
class BrokenImagesTest {

    private static final String SYNTAX = "charts/canvas-oda/values.yaml:402:19: invalid YAML: expected ',' or ']'";

    @Test
    void oneFaultOfAFileThatHoldsManyEntriesIsSaidOnceWithTheImagesItBreaks() {
        String message = BrokenImages.error(List.of(new BrokenImage("compcrdwebhook", SYNTAX),
                new BrokenImage("component-operator", SYNTAX),
                new BrokenImage("kong", "charts/kong/values.yaml:3:12: version 'v1.0.0': drop the leading 'v'"),
                new BrokenImage("apisix", SYNTAX))).getMessage();
        assertThat(message.lines()).containsExactly("4 image entries are broken:",
                "  " + SYNTAX + " (images compcrdwebhook, component-operator, apisix)",
                "  charts/kong/values.yaml:3:12: version 'v1.0.0': drop the leading 'v' (image kong)");
    }

    /** The plan's warnings too: 13 lines of one fault (and 13 annotations on one line of a pull request) were noise. */
    @Test
    void thePlansWarningsSayEachFaultOnce() {
        assertThat(BrokenImages.warnings(List.of(new BrokenImage("compcrdwebhook", SYNTAX),
                new BrokenImage("kong", "charts/kong/values.yaml:3:12: drop the leading 'v'"),
                new BrokenImage("apisix", SYNTAX)))).containsExactly(
                        "images compcrdwebhook, apisix are refused, their entries are broken: " + SYNTAX,
                        "image kong is refused, its entry is broken: charts/kong/values.yaml:3:12: drop the leading 'v'");
    }

    @Test
    void aSingleBrokenImageIsItsReason() {
        assertThat(BrokenImages.error(List.of(new BrokenImage("kong", SYNTAX))).getMessage()).isEqualTo(SYNTAX);
    }
}
