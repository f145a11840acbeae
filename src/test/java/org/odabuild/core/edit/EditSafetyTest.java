package org.odabuild.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** An edit never loses what someone else wrote, keeps the file's permissions, and writes through links. */
class EditSafetyTest {

    static final String CONFIG = "op:\n  valuesYamlFile: charts/values.yaml\n  valuesPathImage: .op.image\n"
            + "  valuesPathVersion: .op.version\n  valuesPathPrereleaseSuffix: .op.prereleaseSuffix\n"
            + "  paths: [src/**]\n  buildContext: src\n";
    static final String VALUES = "# values\nop:\n  image: org/op\n  version: 1.0.0\n  prereleaseSuffix:\n";

    @TempDir
    Path dir;
    TestGit git;

    @BeforeEach
    void repo() {
        git = TestGit.init(dir.resolve("repo")).write("dockerbuild-config.yaml", CONFIG)
                .write("charts/values.yaml", VALUES).write("src/Dockerfile", "FROM scratch\n")
                .write(".gitignore", "target/\n");
        git.commit("initial");
        git.branch("feature/x1");
    }

    @AfterEach
    void close() {
        git.close();
    }

    EditReport prerelease(AtomicFileSet.Mover mover) {
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(true), List.of("op"), false, Map.of());
        return PrereleaseCommand.run(new PrereleaseRequest(plan, Optional.empty(), Bump.PATCH, false),
                new RecordingLog(), mover);
    }

    @Test
    void linesAppendedWhileTheGoalRanAreNotLost() {
        Path values = git.root().resolve("charts/values.yaml");
        String appended = VALUES + "other:\n  added: while the goal ran\n";
        // another writer appends after the goal read values.yaml and before it writes: when it logs its edit
        RecordingLog racing = new RecordingLog() {
            @Override
            public void info(String message) {
                super.info(message);
                if (message.startsWith("op: 1.0.0 -> ")) {
                    Fixtures.write(git.root(), "charts/values.yaml", appended);
                }
            }
        };
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(true), List.of("op"), false, Map.of());
        assertThatThrownBy(() -> PrereleaseCommand.run(new PrereleaseRequest(plan, Optional.empty(), Bump.PATCH,
                false), racing)).isInstanceOf(AtomicFileSet.ConcurrentEditException.class)
                .hasMessageContaining("values.yaml changed while this goal ran: run it again; no file was changed");
        assertThat(Fixtures.read(values)).isEqualTo(appended);
        try (var files = Files.list(values.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".oda-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void permissionsAreKeptAndAReadOnlyFileIsNotRewritten() throws Exception {
        Path values = git.root().resolve("charts/values.yaml");
        Files.setPosixFilePermissions(values, PosixFilePermissions.fromString("rw-r-----"));
        prerelease(AtomicFileSet.ATOMIC);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(values))).isEqualTo("rw-r-----");
        assertThat(Fixtures.read(values)).contains("version: 1.0.1").contains("prereleaseSuffix: x1");

        git.commit("prerelease");
        Fixtures.replace(values, "version: 1.0.1", "version: 1.0.0");
        Files.setPosixFilePermissions(values, PosixFilePermissions.fromString("r--r--r--"));
        String before = Fixtures.read(values);
        assertThatThrownBy(() -> prerelease(AtomicFileSet.ATOMIC)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("values.yaml is read-only: make it writable");
        assertThat(Fixtures.read(values)).isEqualTo(before);
    }

    @Test
    void aLinkedValuesFileIsEditedThroughTheLink() throws Exception {
        Path values = git.root().resolve("charts/values.yaml");
        Path real = git.root().resolve("charts/real-values.yaml");
        Files.move(values, real);
        Files.createSymbolicLink(values, Path.of("real-values.yaml"));
        prerelease(AtomicFileSet.ATOMIC);
        assertThat(Files.isSymbolicLink(values)).isTrue();
        assertThat(Fixtures.read(real)).contains("version: 1.0.1");
    }
}
