package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingDaemon;
import org.odabuild.testing.RecordingLog;

/**
 * The main job's orchestration (plan → registry check → up to date? → build → test → push → reports) with a daemon
 * in memory and the real registry, so it runs wherever the registry binary is, with or without a Docker daemon.
 * BuildCommandTest covers the same job against the real daemon.
 */
class BuildOrchestrationTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static int counter;

    @TempDir
    Path dir;
    OperatorRepo op;
    final RecordingDaemon daemon = new RecordingDaemon();
    final AtomicInteger connects = new AtomicInteger();
    final RecordingLog log = new RecordingLog();
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void repo() {
        op = new OperatorRepo(dir.resolve("repo"), registry.host(), "orchestration/op" + (++counter));
    }

    @AfterEach
    void close() {
        op.git.close();
    }

    BuildReport build(boolean allowPush) {
        return BuildCommand.build(op.request(env, Optional.of(true), LatestTag.RELEASE, Optional.empty(),
                IndexMode.AUTO, 1, "unix:///nowhere.sock"), CredentialSource.none(), daemon.factory(connects),
                allowPush, log);
    }

    RegistryClient client() {
        return new RegistryClient(op.settings(), CredentialSource.none(), new RecordingLog());
    }

    ImageName image() {
        return new ImageName(registry.host() + "/" + op.repository);
    }

    Path out(String file) {
        return op.git.root().resolve("target/oda/" + file);
    }

    void featureChange(String suffix) {
        op.git.branch("feature/" + suffix);
        op.values("1.0.1", suffix);
        op.git.write("src/op/app.txt", "v2 " + suffix + "\n");
    }

    void testImage(String report) {
        op.git.write("src/op/report.xml", report);
        op.git.write("src/op/DockerfileTest", "ARG FROM_IMAGE\nFROM ${FROM_IMAGE}\nCOPY report.xml /report.xml\n");
        op.git.write("dockerbuild-config.yaml", op.git.read("dockerbuild-config.yaml")
                + "  testDockerfile: src/op/DockerfileTest\n");
    }

    @Test
    void aChangedImageIsBuiltWithItsArgsTestedPushedAndReported() throws Exception {
        featureChange("o1");
        testImage("<testsuite name=\"unit\" tests=\"2\" failures=\"0\" errors=\"0\"/>\n");
        String head = op.git.commit("change with a test image");

        BuiltImage built = build(true).images().get(0);

        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        RecordingDaemon.BuildCall image = daemon.builds.get(0);
        assertThat(image.reference()).isEqualTo(registry.host() + "/" + op.repository + ":1.0.1-o1");
        assertThat(image.files()).contains("Dockerfile", "app.txt").doesNotContain("secret.txt");
        assertThat(image.buildArgs()).containsEntry("GIT_COMMIT_SHA", head.substring(0, 7))
                .hasEntrySatisfying("SOURCE_DATE_EPOCH", v -> assertThat(v).matches("\\d+"))
                .hasEntrySatisfying("CICD_BUILD_TIME", v -> assertThat(v)
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"));
        assertThat(daemon.builds.get(1).buildArgs()).containsEntry("FROM_IMAGE", image.reference());
        assertThat(daemon.calls).containsSubsequence("build " + image.reference(), "run oda-test/op:1.0.1-o1",
                "save " + built.platforms().get(0).imageId());
        assertThat(connects.get()).isEqualTo(1);

        assertThat(client().manifest(image(), "1.0.1-o1")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo(built.digest());
        assertThat(client().labels(image(), "1.0.1-o1")).containsEntry("org.odabuild.branch", "feature/o1")
                .containsEntry("org.opencontainers.image.revision", head)
                .containsEntry("org.odabuild.source-hash", built.sourceHash());
        assertThat(client().manifest(image(), "latest")).as("a prerelease never moves latest").isEmpty();
        assertThat(out("build.json")).content().contains("\"pushed\"").contains(built.digest());
        assertThat(out("plan.json")).content().contains("build-prerelease")
                .as("the coverage lint runs on CI only: not run is null, not an empty list").contains("\"lint\": null");
        for (String report : new String[] {"build.json", "plan.json", "verify-release-immutable.json"}) {
            assertThat(out(report)).content().startsWith("{\n  \"schemaVersion\": 1,");
        }
        assertThat(out("values-digests.yaml")).content().contains("1.0.1-o1@" + built.digest());
        assertThat(out("test-reports/TEST-op.xml")).content().contains("tests=\"2\"");
    }

    /**
     * The docker client's proxies ({@code proxies} of {@code $DOCKER_CONFIG/config.json}) reach the build as docker
     * build passes them, the user's own args first; they are not sources (the hash is the same without them), and no
     * value of theirs is logged (a proxy URL can hold a password).
     */
    @Test
    void theDockerClientsProxiesArePassedAsDockerBuildPassesThem() throws Exception {
        featureChange("px");
        op.git.commit("change");
        java.nio.file.Path config = java.nio.file.Files.createDirectories(dir.resolve("docker-config"));
        java.nio.file.Files.writeString(config.resolve("config.json"), """
                {"proxies": {"default": {"httpProxy": "http://user:s3cr3t@proxy.example:3128",
                 "noProxy": "localhost,.internal", "ftpProxy": ""},
                 "tcp://elsewhere:2376": {"httpProxy": "http://other:3128"}}}
                """);
        env.put("DOCKER_CONFIG", config.toString());
        assertThat(build(true).images().get(0).status()).isEqualTo(BuildStatus.PUSHED);

        assertThat(daemon.builds.get(0).buildArgs())
                .containsEntry("HTTP_PROXY", "http://user:s3cr3t@proxy.example:3128")
                .containsEntry("http_proxy", "http://user:s3cr3t@proxy.example:3128")
                .containsEntry("NO_PROXY", "localhost,.internal").containsEntry("no_proxy", "localhost,.internal")
                .doesNotContainKeys("FTP_PROXY", "ftp_proxy", "HTTPS_PROXY");
        assertThat(log.infos).anyMatch(i -> i.contains("proxies") && i.contains("HTTP_PROXY"))
                .noneMatch(i -> i.contains("s3cr3t"));
        env.remove("DOCKER_CONFIG");
        assertThat(build(true).images().get(0).status()).as("the proxies are not sources")
                .isEqualTo(BuildStatus.UP_TO_DATE);
    }

    @Test
    void theSameSourcesAgainAreUpToDateWithoutTheDaemon() {
        featureChange("o2");
        op.git.commit("change");
        BuiltImage first = build(true).images().get(0);
        op.git.write("README.md", "only the docs\n");
        op.git.commit("docs");

        BuiltImage again = build(true).images().get(0);

        assertThat(again.status()).isEqualTo(BuildStatus.UP_TO_DATE);
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(connects.get()).as("only the first run needed the daemon").isEqualTo(1);
        assertThat(daemon.builds).hasSize(1);
    }

    @Test
    void refusalsStopTheBuildBeforeTheRegistryAndTheDaemon() {
        op.git.branch("feature/r");
        op.git.write("src/op/app.txt", "changed, still a release version\n");
        op.git.commit("no suffix");
        assertThatThrownBy(() -> build(true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("release versions can only be built from master");
        assertThat(connects.get()).isZero();
        assertThat(out("plan.json")).content().contains("refuse");
        assertThat(out("build.json")).doesNotExist();
    }

    @Test
    void aFailingTestStopsThePushAndBuildJsonSaysWhich() throws Exception {
        featureChange("o3");
        testImage("<testsuite name=\"unit\" tests=\"2\" failures=\"1\" errors=\"0\"><testcase name=\"a\">"
                + "<failure message=\"boom\"/></testcase></testsuite>\n");
        op.git.commit("failing test");
        assertThatThrownBy(() -> build(true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("tests of op failed").hasMessageContaining("nothing was pushed");
        assertThat(client().manifest(image(), "1.0.1-o3")).isEmpty();
        assertThat(out("build.json")).content().contains("\"failed\"");
        assertThat(daemon.calls).noneMatch(c -> c.startsWith("save"));
    }

    @Test
    void aDaemonErrorLeavesBuildJsonNamingTheImageAndPushesNothing() {
        featureChange("o4");
        op.git.commit("change");
        daemon.failBuildsWith = "COPY failed: file not found";
        assertThatThrownBy(() -> build(true)).isInstanceOf(DockerException.class)
                .hasMessageContaining("COPY failed");
        assertThat(out("build.json")).content().contains("\"op\"").contains("\"failed\"")
                .contains("COPY failed");
        assertThat(client().tags(image())).isEmpty();
    }

    @Test
    void buildImageNeverPushesAndPushImagePublishesWhatItBuilt() {
        featureChange("o5");
        op.git.commit("change");
        BuildReport built = build(false);
        assertThat(built.pushed()).isFalse();
        assertThat(built.images().get(0).status()).isEqualTo(BuildStatus.BUILT);
        assertThat(client().manifest(image(), "1.0.1-o5")).isEmpty();

        BuildReport pushed = BuildCommand.push(op.request(env, Optional.of(true), LatestTag.RELEASE, Optional.empty(),
                IndexMode.AUTO, 1, "unix:///nowhere.sock").pushRequest(), CredentialSource.none(), daemon.factory(connects), log);

        assertThat(pushed.images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(client().manifest(image(), "1.0.1-o5")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo(pushed.images().get(0).digest());
    }

    @Test
    void aReleaseOnMasterIsPushedWithLatestAndThenNeverRebuilt() {
        op.values("1.1.0", "");
        op.git.write("src/op/app.txt", "v3\n");
        op.git.commit("release 1.1.0");
        BuiltImage released = build(true).images().get(0);
        assertThat(released.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(client().manifest(image(), "latest")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo(released.digest());

        op.git.write("src/op/app.txt", "v4, same version\n");
        op.git.commit("change without a bump");
        assertThatThrownBy(() -> build(true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("1.1.0");
        assertThat(daemon.builds).as("the second run stopped at the registry check").hasSize(1);
    }
}
