package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** A local oda:build without daemon or registry says what it would build; a pushing one fails. */
class BuildPreviewTest {

    @TempDir
    Path dir;

    BuildRequest request(Path root, Optional<Boolean> push) {
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(false), List.of(), false, Map.of());
        return new BuildRequest(new ReleaseCheckRequest(plan, new RegistrySettings(Set.of("127.0.0.1:9"),
                Duration.ofSeconds(1), 1, Duration.ofMillis(1)), false), push, LatestTag.RELEASE, Map.of(),
                "unix://" + dir.resolve("none.sock"), null, Duration.ofSeconds(5), IndexMode.AUTO);
    }

    @Test
    void previewWithoutDaemonOrRegistry() {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            git.write("dockerbuild-config.yaml", "op:\n  valuesYamlFile: v.yaml\n  valuesPathImage: .image\n"
                    + "  valuesPathVersion: .version\n  paths: [src/**]\n  buildContext: src\n")
                    .write("v.yaml", "image: 127.0.0.1:9/it/op\nversion: 1.0.0\n")
                    .write("src/Dockerfile", "FROM scratch\n");
            git.commit("initial");
            RecordingLog log = new RecordingLog();
            BuildReport report = BuildCommand.build(request(git.root(), Optional.empty()), CredentialSource.none(),
                    DaemonFactory.fabric8(), true, log);
            assertThat(report.images()).singleElement().satisfies(b -> {
                assertThat(b.status()).isEqualTo(BuildStatus.NOT_BUILT);
                assertThat(b.error()).isEqualTo("no Docker daemon");
                assertThat(b.reference()).isEqualTo("127.0.0.1:9/it/op:1.0.0");
            });
            assertThat(log.warnings).anyMatch(w -> w.startsWith("Not pushing, so going on without the registry"));
            assertThat(log.warnings).noneMatch(w -> w.contains("so it fails"));
            assertThat(log.warnings).anyMatch(w -> w.contains("this build would build: [127.0.0.1:9/it/op:1.0.0]"));

            assertThatThrownBy(() -> BuildCommand.build(request(git.root(), Optional.of(true)),
                    CredentialSource.none(), DaemonFactory.fabric8(), true, new RecordingLog()))
                    .isInstanceOf(RegistryException.class);
            assertThatThrownBy(() -> BuildCommand.build(request(git.root(), Optional.empty()),
                    CredentialSource.none(), DaemonFactory.fabric8(), false, new RecordingLog()))
                    .as("build-image never pushes, but its registry check still fails closed")
                    .isInstanceOf(RegistryException.class);
        }
    }
}
