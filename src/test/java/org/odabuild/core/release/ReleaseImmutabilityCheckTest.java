package org.odabuild.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.RegistrySeeder;
import org.odabuild.testing.TestGit;

/** The registry rules on real git repositories against a real registry. */
class ReleaseImmutabilityCheckTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static int repoCounter;

    @TempDir
    Path dir;
    TestGit git;
    String repo;
    RegistrySeeder seeder;
    boolean takeover;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void repo() {
        repo = "it/op" + (++repoCounter); // a fresh repository per test
        seeder = new RegistrySeeder(registry.host());
        git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", """
                        op:
                          valuesYamlFile: values.yaml
                          valuesPathImage: .op.image
                          valuesPathVersion: .op.version
                          valuesPathPrereleaseSuffix: .op.prereleaseSuffix
                          paths: [src/**]
                          buildContext: src
                        """)
                .write("src/Dockerfile", "FROM scratch\n");
        values("1.0.0", "");
        git.commit("initial");
    }

    @AfterEach
    void close() {
        git.close();
    }

    void values(String version, String suffix) {
        git.write("values.yaml", "op:\n  image: " + registry.host() + "/" + repo + "\n  version: " + version
                + "\n  prereleaseSuffix: " + suffix + "\n");
    }

    List<ReleaseImmutabilityCheck.Finding> check() {
        return check(registry.host());
    }

    List<ReleaseImmutabilityCheck.Finding> check(String insecureHost) {
        return check(insecureHost, LocalSources.Of.UNKNOWN);
    }

    List<ReleaseImmutabilityCheck.Finding> check(String insecureHost, LocalSources.Of sources) {
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(false), List.of(), false, Map.of());
        return ReleaseImmutabilityCheck.run(new ReleaseCheckRequest(plan, new RegistrySettings(Set.of(insecureHost),
                Duration.ofSeconds(3), 2, Duration.ofMillis(10)), takeover), CredentialSource.none(), sources,
                new RecordingLog());
    }

    JsonObject report() throws Exception {
        return JsonParser.parseString(Files.readString(git.root().resolve("target/oda/"
                + ReleaseImmutabilityCheck.REPORT))).getAsJsonObject();
    }

    @Test
    void absentReleaseTagPasses() throws Exception {
        assertThat(check()).singleElement().satisfies(f -> {
            assertThat(f.reference()).isEqualTo(registry.host() + "/" + repo + ":1.0.0");
            assertThat(f.tagExists()).isFalse();
            assertThat(f.violations()).isEmpty();
        });
        assertThat(report().get("passed").getAsBoolean()).isTrue();
    }

    @Test
    void existingReleaseTagFailsNamingItWithDigest() throws Exception {
        String digest = seeder.push(repo, "1.0.0", Map.of());
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(registry.host() + "/" + repo + ":1.0.0 already exists (" + digest + ")")
                .hasMessageContaining("release tags are immutable");
        assertThat(report().get("passed").getAsBoolean()).isFalse();
    }

    @Test
    void aReleaseFromTheSameSourcesForTheSamePlatformsPassesEvenBelowANewerOneAndFromOtherSourcesIsRefused() {
        // each commit changes op's sources: the plan builds it, and the registry is asked (the hashes are given)
        git.write("dockerbuild-config.yaml", git.read("dockerbuild-config.yaml") + "  platforms: linux/amd64\n")
                .write("src/app.txt", "1\n").commit("amd64 only");
        String digest = seeder.push(repo, "1.0.0", Map.of("org.odabuild.source-hash", "sha256:same",
                "org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567"));
        seeder.push(repo, "1.1.0", Map.of());
        LocalSources.Of same = plan -> image -> Optional.of("sha256:same");
        assertThat(check(registry.host(), same)).singleElement().satisfies(f -> {
            assertThat(f.digest()).isEqualTo(digest);
            assertThat(f.publishedFromTheseSources()).isTrue();
            assertThat(f.publishedFromThisCommit()).isFalse();
            assertThat(f.violations()).as("not built: neither an overwrite nor a downgrade").isEmpty();
        });
        assertThatThrownBy(() -> check(registry.host(), plan -> image -> Optional.of("sha256:other")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(":1.0.0 already exists (" + digest + ")")
                .hasMessageContaining("version 1.0.0 is lower than 1.1.0");

        // asked for another platform too: the published one is not what a build would make
        git.write("dockerbuild-config.yaml", git.read("dockerbuild-config.yaml").replace("linux/amd64",
                "linux/amd64,linux/arm64")).write("src/app.txt", "2\n").commit("arm64 too");
        assertThatThrownBy(() -> check(registry.host(), same)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(":1.0.0 already exists (" + digest + ")");
    }

    @Test
    void downgradeIsRefusedWithBothNumbers() {
        seeder.push(repo, "1.1.0", Map.of());
        seeder.push(repo, "latest", Map.of());
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("version 1.0.0 is lower than 1.1.0, the newest release in the registry");
    }

    @Test
    void prereleaseNeedsAnUnreleasedVersion() {
        git.branch("feature/p");
        values("1.0.0", "p");
        git.commit("suffix");
        seeder.push(repo, "1.0.0", Map.of());
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(":1.0.0 is already released")
                .hasMessageContaining("prerelease 1.0.0-p would sort below it")
                .hasMessageContaining("(git fetch, then oda:prerelease {oda-setting:images=op} bumps it above the release"
                        + " branch's)");
    }

    @Test
    void prereleaseTagOfAnotherBranchIsRefusedUnlessTakenOver() {
        git.branch("feature/mine");
        values("1.0.1", "shared");
        git.commit("suffix");
        seeder.push(repo, "1.0.1-shared", Map.of("org.odabuild.branch", "feature/theirs"));
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("suffix shared is already used by branch feature/theirs")
                // the setting as the core names it; the mojo says -Doda.allowSuffixTakeover=true
                .hasMessageContaining("(oda:prerelease on this branch sets one from its name), or take it over with"
                        + " {oda-setting:allowSuffixTakeover=true}");
        takeover = true;
        assertThat(check()).singleElement().satisfies(f -> assertThat(f.violations()).isEmpty());
    }

    @Test
    void aBranchLabelWithALineBreakForgesNoLineOfTheLog() {
        git.branch("feature/mine");
        values("1.0.1", "shared");
        git.commit("suffix");
        seeder.push(repo, "1.0.1-shared", Map.of("org.odabuild.branch", "feature/theirs\n::error::forged"));
        assertThatThrownBy(this::check).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("suffix shared is already used by branch feature/theirs\\x0a::error::forged (")
                .hasMessageNotContaining("\n::error");
    }

    @Test
    void prereleaseTagOfThisBranchIsOverwritten() {
        git.branch("feature/mine");
        values("1.0.1", "mine");
        git.commit("suffix");
        seeder.push(repo, "1.0.1-mine", Map.of("org.odabuild.branch", "feature/mine"));
        assertThat(check()).singleElement().satisfies(f -> {
            assertThat(f.tagExists()).isTrue();
            assertThat(f.owner()).isEqualTo("feature/mine");
            assertThat(f.violations()).isEmpty();
        });
    }

    @Test
    void prereleaseTagWithoutOwnerLabelIsRefused() {
        git.branch("feature/mine");
        values("1.0.1", "old");
        git.commit("suffix");
        seeder.push(repo, "1.0.1-old", Map.of());
        assertThatThrownBy(this::check).hasMessageContaining("suffix old is already used by an image without an"
                + " org.odabuild.branch label");
    }

    @Test
    void unreachableRegistryFailsClosed() throws Exception {
        String host;
        try (LocalRegistry gone = LocalRegistry.start(dir.resolve("gone"))) {
            host = gone.host();
        }
        values("1.0.0", "");
        git.write("values.yaml", Files.readString(git.root().resolve("values.yaml")).replace(registry.host(), host));
        git.commit("point to a stopped registry");
        assertThatThrownBy(() -> check(host)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("the registry check could not be made, so it fails")
                .hasMessageContaining("could not reach registry " + host);
    }

    @Test
    void nothingPlannedNothingAsked() throws Exception {
        git.write("README.md", "docs\n");
        git.commit("docs only");
        assertThat(check()).isEmpty();
        assertThat(report().get("passed").getAsBoolean()).isTrue();
    }
}
