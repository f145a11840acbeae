package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odabuild.core.image.Platform;

class BuildArgsTest {

    @Test
    void eachBuildGetsBuildkitsPlatformArgsAndTheUsersOwnStayTheirs() {
        Map<String, String> args = BuildArgs.forPlatform(Map.of("GIT_COMMIT_SHA", "abc1234", "TARGETOS", "mine"),
                Platform.parse("linux/arm/v7"), Platform.parse("linux/amd64"));
        assertThat(args).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GIT_COMMIT_SHA", "abc1234",
                "TARGETPLATFORM", "linux/arm/v7", "TARGETOS", "mine", "TARGETARCH", "arm", "TARGETVARIANT", "v7",
                "BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux", "BUILDARCH", "amd64", "BUILDVARIANT", ""));
    }
}
