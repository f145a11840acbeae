package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * Two release jobs of the same tag at the same time, from different commits, against the real registry. The
 * registry has no create-if-absent, so both may get far; what must hold in every round: never two successes with
 * different digests, the tag serves the winner, and every loser names the winner's digest and pins nothing.
 */
class ConcurrentReleaseTest {

    static final int ROUNDS = 5;

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static String dockerHost;

    @BeforeAll
    static void infrastructure() {
        dockerHost = LocalDocker.host();
        registry = LocalRegistry.start(dir.resolve("registry"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** What one job did: the digest it reports, or its error. */
    record Outcome(Path root, String digest, String error) {
    }

    @Test
    void twoReleaseJobsOfOneTagNeverBothSucceedAndLosersNameTheWinner() throws Exception {
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String repo = "race/op" + round;
                List<Path> roots = List.of(job(round, "a", repo), job(round, "b", repo));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Outcome>> running = new ArrayList<>();
                for (Path root : roots) {
                    running.add(jobs.submit(() -> {
                        go.await();
                        try {
                            BuildReport report = BuildCommand.build(request(root), CredentialSource.none(),
                                    DaemonFactory.fabric8(), true, new RecordingLog());
                            return new Outcome(root, report.images().get(0).digest(), null);
                        } catch (RuntimeException e) {
                            return new Outcome(root, null, e.getMessage());
                        }
                    }));
                }
                go.countDown();
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> f : running) {
                    outcomes.add(f.get());
                }
                String served = client().digest(new ImageName(registry.host() + "/" + repo), "1.0.0").orElseThrow();
                List<Outcome> won = outcomes.stream().filter(o -> o.error() == null).toList();
                assertThat(won).as("round " + round + ": " + outcomes).hasSizeLessThanOrEqualTo(1);
                for (Outcome o : won) {
                    assertThat(o.digest()).as("round " + round + ": the winner's digest is served").isEqualTo(served);
                }
                for (Outcome o : outcomes.stream().filter(o -> o.error() != null).toList()) {
                    assertThat(o.error()).as("round " + round + ": a loser names the winner").contains(served);
                    assertThat(o.root().resolve("target/oda/values-digests.yaml")).doesNotExist();
                }
            }
        } finally {
            jobs.shutdownNow();
        }
    }

    /** A clone of the project on master whose release 1.0.0 holds {@code content}. */
    static Path job(int round, String name, String repo) {
        Path root = dir.resolve("round" + round + "/" + name);
        try (TestGit git = TestGit.init(root)) {
            git.write("dockerbuild-config.yaml", OperatorRepo.config(""))
                    .write("src/op/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\n")
                    .write("src/op/app.txt", "job " + name + " of round " + round + "\n")
                    .write("charts/values.yaml", "op:\n  image: " + registry.host() + "/" + repo
                            + "\n  version: 1.0.0\n  prereleaseSuffix:\n");
            git.commit("release 1.0.0 by job " + name);
        }
        return root;
    }

    static BuildRequest request(Path root) {
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"), List.of(), Optional.empty()), Optional.empty(), BranchPolicy.defaults(),
                Optional.empty(), Optional.of(false), List.of(), false, Map.of());
        return new BuildRequest(new ReleaseCheckRequest(plan, settings(), false), Optional.of(true),
                LatestTag.NEVER, Map.of(), dockerHost, null, Duration.ofSeconds(60), IndexMode.AUTO);
    }

    static RegistrySettings settings() {
        return new RegistrySettings(Set.of(registry.host()), Duration.ofSeconds(10), 2, Duration.ofMillis(20));
    }

    static RegistryClient client() {
        return new RegistryClient(settings(), CredentialSource.none(), new RecordingLog());
    }
}
