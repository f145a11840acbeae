package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odabuild.core.InvalidInputException;
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

    @Test
    void theUsersBuildArgsNameNoneOfThePluginsOwnAndHaveNames() {
        BuildArgs.requireUsersOwn(Map.of("PIP_INDEX_URL", "https://pypi.example.org/simple"));
        // given there, the value was dropped for the plugin's without a word
        assertThatThrownBy(() -> BuildArgs.requireUsersOwn(Map.of("SOURCE_DATE_EPOCH", "1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("build arg SOURCE_DATE_EPOCH in {oda-setting:buildArgs} is one the plugin sets"
                        + " for every build (HEAD's commit time");
        assertThatThrownBy(() -> BuildArgs.requireUsersOwn(Map.of("GIT_COMMIT_SHA", "x")))
                .hasMessageContaining("GIT_COMMIT_SHA").hasMessageContaining("remove it");
        assertThatThrownBy(() -> BuildArgs.requireUsersOwn(Map.of("", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no name");
    }
}
