package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.testing.Skip;
import org.odabuild.testing.TestGit;

/**
 * A clone without its submodules (actions/checkout's default) leaves each an empty folder, which the build sends:
 * made here with git's own submodule commands, as a developer makes them.
 */
class UncheckedOutSubmodulesTest {

    @TempDir
    Path dir;

    private Path clone;

    @BeforeEach
    void repositoryWithASubmoduleInAContext() {
        if (!TestGit.gitInstalled()) {
            Skip.because("no git executable on the PATH to add a submodule", ".ci/run installs git");
        }
        TestGit lib = TestGit.init(dir.resolve("lib"));
        lib.write("lib.js", "module.exports = 1\n");
        lib.commit("lib");
        lib.close();
        TestGit app = TestGit.init(dir.resolve("app"));
        app.write("src/op/Dockerfile", "FROM scratch\nCOPY . /app/\n").write("src/op/app.js", "1\n")
                .write("docs/readme.md", "x\n");
        app.commit("app");
        Path repo = dir.resolve("app");
        String url = dir.resolve("lib").toUri().toString();
        TestGit.installed(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", url, "src/op/vendor/lib");
        TestGit.installed(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", url, "docs/lib");
        TestGit.installed(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "submodules");
        app.close();
        clone = dir.resolve("clone");
        TestGit.installed(dir, "clone", "-q", dir.resolve("app").toUri().toString(), clone.toString());
    }

    @Test
    void aSubmoduleOfTheContextLeftEmptyIsNamedAndOneCheckedOutIsNot() {
        RepoLayout layout = new RepoLayout(clone);
        assertThat(UncheckedOutSubmodules.of(layout, context())).as("docs/lib lies outside the context")
                .containsExactly("src/op/vendor/lib");
        assertThat(UncheckedOutSubmodules.warning("op:1.0.1", List.of("src/op/vendor/lib"))).isEqualTo("image"
                + " op:1.0.1: its build context holds the git submodule src/op/vendor/lib, not checked out here (an"
                + " empty folder): the image gets it empty; check out the submodules first (git submodule update"
                + " --init; actions/checkout: with submodules: true)");

        TestGit.installed(clone, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init");
        assertThat(UncheckedOutSubmodules.of(layout, context())).isEmpty();
    }

    private BuildContext context() {
        return BuildContext.of(clone.resolve("src/op"), clone.resolve("src/op/Dockerfile"));
    }
}
