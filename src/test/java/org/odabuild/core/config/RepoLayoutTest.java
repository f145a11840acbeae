package org.odabuild.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/** Every path the config names is read only inside the repository, and only when it is a file. */
class RepoLayoutTest {

    @TempDir
    Path dir;

    // the image read from where a docker login file keeps its secret: a link to one must never echo it
    static final String CONFIG = "op:\n  valuesYamlFile: charts/values.yaml\n  valuesPathImage: .auths.x.auth\n"
            + "  valuesPathVersion: .auths.x.version\n  paths: [src/**]\n  buildContext: src\n";

    Path repo() {
        Path repo = dir.resolve("repo");
        Fixtures.write(repo, "dockerbuild-config.yaml", CONFIG);
        Fixtures.write(repo, "src/Dockerfile", "FROM scratch\n");
        return repo;
    }

    Resolution resolve(Path repo) {
        return Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo), repo.resolve("target"),
                List.of(), Optional.empty()), new RecordingLog());
    }

    @Test
    void aValuesFileLinkedOutsideIsRefusedWithoutEchoingIt() throws Exception {
        Path repo = repo();
        Path login = Fixtures.write(dir, "home/.docker/config.json",
                "{\"auths\":{\"x\":{\"auth\":\"c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3N3b3Jk\"}}}");
        Files.createDirectories(repo.resolve("charts"));
        Files.createSymbolicLink(repo.resolve("charts/values.yaml"), login);
        Resolution r = resolve(repo);
        assertThat(r.broken()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("valuesYamlFile of image op 'charts/values.yaml' leads outside the repository through a"
                        + " symbolic link")
                .doesNotContain("c2VjcmV0"));
    }

    @Test
    void aConfigFileLinkedOutsideIsRefusedWithoutEchoingIt() throws Exception {
        Path repo = repo();
        Path secret = Fixtures.write(dir, "home/creds.txt", "user: admin\npassword: \"s3cr3t-XYZ\n");
        Files.delete(repo.resolve("dockerbuild-config.yaml"));
        Files.createSymbolicLink(repo.resolve("dockerbuild-config.yaml"), secret);
        assertThatThrownBy(() -> resolve(repo)).isInstanceOf(InvalidInputException.class)
                .hasMessage("the config file 'dockerbuild-config.yaml' leads outside the repository through a symbolic"
                        + " link: the build reads only files of the repository; replace the link by the file itself");
        // oda-canvas' place, and a path given with oda.config that lies in the repository, are held to the same
        Files.delete(repo.resolve("dockerbuild-config.yaml"));
        Files.createDirectories(repo.resolve(ConfigLocator.ODA_CANVAS_LOCATION).getParent());
        Files.createSymbolicLink(repo.resolve(ConfigLocator.ODA_CANVAS_LOCATION), secret);
        assertThatThrownBy(() -> resolve(repo)).hasMessageContaining("leads outside the repository")
                .hasMessageNotContaining("s3cr3t");
        RepoLayout layout = new RepoLayout(repo);
        assertThatThrownBy(() -> ConfigLocator.locate(Optional.of(Path.of(ConfigLocator.ODA_CANVAS_LOCATION)), repo,
                layout)).hasMessageContaining("leads outside the repository");
        // a config file outside the repository, named by the user, is read as given
        Path own = Fixtures.write(dir, "own/dockerbuild-config.yaml", "x: 1\n");
        assertThat(ConfigLocator.locate(Optional.of(own), repo, layout)).isEqualTo(own);
    }

    @Test
    void aLinkInsideTheRepositoryIsFine() throws Exception {
        Path repo = repo();
        Fixtures.write(repo, "charts/real.yaml", "auths:\n  x:\n    auth: op\n    version: 1.0.0\n");
        Files.createSymbolicLink(repo.resolve("charts/values.yaml"), Path.of("real.yaml"));
        Resolution r = resolve(repo);
        assertThat(r.broken()).isEmpty();
        assertThat(r.images()).singleElement().satisfies(i -> assertThat(i.reference()).isEqualTo("op:1.0.0"));
    }

    @Test
    void foldersFifosAndDevicesAreRefusedBeforeTheyAreOpened() throws Exception {
        Path repo = repo();
        Files.createDirectories(repo.resolve("charts/values.yaml"));
        assertThat(resolve(repo).broken()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("'charts/values.yaml' is a folder: name a file"));

        Files.delete(repo.resolve("charts/values.yaml"));
        assertThat(new ProcessBuilder("mkfifo", repo.resolve("charts/values.yaml").toString()).start().waitFor())
                .isZero();
        assertThat(resolve(repo).broken()).singleElement().satisfies(b -> assertThat(b.reason())
                .contains("is not a regular file (a FIFO, socket or device)"));

        RepoLayout layout = new RepoLayout(repo);
        assertThatThrownBy(() -> layout.file("../../../../../../dev/null", "testDockerfile"))
                .isInstanceOf(InvalidInputException.class);
        Files.createSymbolicLink(repo.resolve("null"), Path.of("/dev/null"));
        assertThatThrownBy(() -> layout.file("null", "buildDockerfile of image op"))
                .hasMessageContaining("leads outside the repository");
    }

    @Test
    void aContextOrDockerfileLinkedOutsideIsRefused() throws Exception {
        Path repo = repo();
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("ctx"), dir.resolve("elsewhere"));
        RepoLayout layout = new RepoLayout(repo);
        assertThatThrownBy(() -> layout.folder("ctx", "buildContext of image op"))
                .hasMessageStartingWith("buildContext of image op 'ctx' leads outside the repository");
        assertThat(layout.folder("src", "buildContext of image op")).isEqualTo(repo.resolve("src"));
    }
}
