package org.odabuild.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchAdviceTest {

    private static String advice(Map<String, String> env, List<String> releaseBranches) {
        return FetchAdvice.of(CiEnvironment.of(env), releaseBranches);
    }

    @Test
    void eachCiSystemIsToldItsOwnSetting() {
        List<String> defaults = List.of("master", "main");
        assertThat(advice(Map.of("GITHUB_ACTIONS", "true"), defaults)).isEqualTo("actions/checkout with fetch-depth: 0");
        assertThat(advice(Map.of("GITLAB_CI", "true"), defaults)).startsWith("variables: GIT_DEPTH: \"0\"")
                .contains("'git fetch origin main'");
        assertThat(advice(Map.of("TF_BUILD", "True"), defaults)).isEqualTo("checkout: self with fetchDepth: 0");
        assertThat(advice(Map.of("BITBUCKET_BUILD_NUMBER", "7"), defaults)).startsWith("clone: depth: full");
        assertThat(advice(Map.of("JENKINS_URL", "http://ci/"), defaults))
                .contains("refspec +refs/heads/main:refs/remotes/origin/main");
        assertThat(advice(Map.of(), defaults)).startsWith("git fetch --unshallow origin main");
    }

    @Test
    void theReleaseBranchFetchedIsOneOfTheConfiguredOnes() {
        assertThat(advice(Map.of("GITLAB_CI", "true"), List.of("trunk"))).contains("'git fetch origin trunk'");
        assertThat(advice(Map.of("GITLAB_CI", "true"), List.of("master"))).contains("'git fetch origin master'");
    }
}
