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

    @Test
    void aSingleBrokenImageIsItsReason() {
        assertThat(BrokenImages.error(List.of(new BrokenImage("kong", SYNTAX))).getMessage()).isEqualTo(SYNTAX);
    }
}
