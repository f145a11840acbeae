package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseImagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FROM scratch\\nCOPY app /app                                    | true  | false",
        "FROM scratch\\nARG TARGETARCH\\nCOPY app-${TARGETARCH} /app       | true  | true",
        "FROM scratch\\nCOPY app-$TARGETOS /app                          | true  | true",
        "FROM scratch AS a\\nCOPY x /x\\nFROM a\\nLABEL b=$BUILDPLATFORM    | true  | true",
        "FROM alpine\\nARG TARGETPLATFORM=linux/amd64\\nCOPY x /x           | false | true",
        "FROM scratch\\nRUN [\"/x\"]                                       | false | false",
        "FROM scratch\\nARG MYTARGETARCH\\nCOPY app-${MYTARGETARCH} /app   | true  | false"})
    void whatRunsAndWhatDependsOnThePlatform(String dockerfile, boolean runsNothing, boolean namesPlatformArgs) {
        String text = dockerfile.replace("\\n", "\n");
        assertThat(BaseImages.runsNothing(text)).isEqualTo(runsNothing);
        assertThat(BaseImages.namesPlatformArgs(text)).isEqualTo(namesPlatformArgs);
    }
}
