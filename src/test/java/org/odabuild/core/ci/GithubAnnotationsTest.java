package org.odabuild.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

    @Test
    void everyLineWithAFileAndLineBecomesAWorkflowCommand() {
        String message = "check \"no prerelease suffixes\" failed:\n"
                + "  charts/canvas-oda/values.yaml:169 component-operator=issue3456 (x:1.1.3-issue3456)\n"
                + "  Remove these prereleaseSuffix values";
        assertThat(GithubAnnotations.commands("error", message)).containsExactly(
                "::error file=charts/canvas-oda/values.yaml,line=169::charts/canvas-oda/values.yaml:169"
                        + " component-operator=issue3456 (x:1.1.3-issue3456)");
    }

    @Test
    void columnsDockerfilesAndEscaping() {
        assertThat(GithubAnnotations.commands("warning", "dockerbuild-config.yaml:4:12: 100% wrong, really"))
                .containsExactly("::warning file=dockerbuild-config.yaml,line=4,col=12::dockerbuild-config.yaml:4:12:"
                        + " 100%25 wrong, really");
        assertThat(GithubAnnotations.commands("error", "image op: the base image 'x:1' (FROM at"
                + " src/op/Dockerfile:3) could not be pulled")).singleElement().asString()
                .startsWith("::error file=src/op/Dockerfile,line=3::");
        assertThat(GithubAnnotations.commands("error", "a,b:c/v.yaml:2: x")).singleElement().asString()
                .startsWith("::error file=c/v.yaml,line=2::");
        assertThat(GithubAnnotations.commands("error", "no place named here")).isEmpty();
    }

    @Test
    void onlyOnGithubActions() {
        assertThat(GithubAnnotations.enabled(CiEnvironment.of(Map.of("GITHUB_ACTIONS", "true")))).isTrue();
        assertThat(GithubAnnotations.enabled(CiEnvironment.of(Map.of("CI", "true")))).isFalse();
    }

    /** Java's regex recursed once per folder: a path deep enough for Linux overflowed the stack. */
    @Test
    void aPathOfThousandsOfFoldersIsAnnotatedNotAStackOverflow() {
        String path = "a/".repeat(2_000) + "values.yaml";
        assertThat(GithubAnnotations.commands("error", path + ":3:5: bad")).containsExactly("::error file=" + path
                + ",line=3,col=5::" + path + ":3:5: bad");
    }
}
