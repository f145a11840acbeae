package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.FailedStep;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseImmutabilityCheck;
import org.odabuild.core.version.ImageName;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** The main job against the real Docker daemon and a real registry. */
class BuildCommandTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static String dockerHost;
    static Path cat;
    static int counter;

    @TempDir
    Path dir;
    OperatorRepo op;
    TestGit git;
    String repo;
    final AtomicInteger connects = new AtomicInteger();
    final RecordingLog log = new RecordingLog();
    final Map<String, String> env = new HashMap<>();
    Optional<Boolean> push = Optional.of(true);
    LatestTag latest = LatestTag.RELEASE;
    Optional<String> fork = Optional.empty();
    IndexMode index = IndexMode.AUTO;
    int threads = 1;

    @BeforeAll
    static void infrastructure() {
        dockerHost = LocalDocker.host();
        registry = LocalRegistry.start(shared.resolve("registry"));
        cat = LocalDocker.staticCat(shared.resolve("bin"));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void repo() {
        repo = "build/op" + (++counter);
        op = new OperatorRepo(dir.resolve("repo"), registry.host(), repo);
        git = op.git;
    }

    @AfterEach
    void close() {
        git.close();
    }

    void values(String version, String suffix) {
        op.values(version, suffix);
    }

    BuildRequest request() {
        return op.request(env, push, latest, fork, index, threads, dockerHost);
    }

    DaemonFactory counting() {
        return (host, certs, l) -> {
            connects.incrementAndGet();
            return DaemonFactory.fabric8().connect(host, certs, l);
        };
    }

    BuildReport build() {
        return BuildCommand.build(request(), CredentialSource.none(), counting(), true, log);
    }

    RegistryClient client() {
        return new RegistryClient(new RegistrySettings(Set.of(registry.host()), Duration.ofSeconds(5), 2,
                Duration.ofMillis(20)), CredentialSource.none(), new RecordingLog());
    }

    ImageName image() {
        return new ImageName(registry.host() + "/" + repo);
    }

    @Test
    void featureBranchBuildsAndPushesThePrereleaseWithLabels() throws Exception {
        git.branch("feature/b1");
        values("1.0.1", "b1");
        git.write("src/op/app.txt", "v2\n");
        String head = git.commit("change");

        BuiltImage built = build().images().get(0);
        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(built.tags()).containsExactly(registry.host() + "/" + repo + ":1.0.1-b1"); // no latest
        String served = client().manifest(image(), "1.0.1-b1").orElseThrow().digest();
        assertThat(built.digest()).isEqualTo(served);
        Map<String, String> labels = client().labels(image(), "1.0.1-b1");
        assertThat(labels).containsEntry("org.opencontainers.image.revision", head)
                .containsEntry("org.opencontainers.image.version", "1.0.1-b1")
                .containsEntry("org.opencontainers.image.title", "The Operator")
                .containsEntry("org.odabuild.branch", "feature/b1")
                .containsEntry("org.odabuild.source-hash", built.sourceHash())
                .containsEntry("test.commit", head.substring(0, 7))
                .containsKey("org.opencontainers.image.created");
        assertThat(labels.get("test.time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(labels.get("test.epoch")).matches("\\d+");
        assertThat(built.labels()).containsEntry("org.odabuild.branch", "feature/b1")
                .containsEntry("org.opencontainers.image.revision", head);
        // the labels are written into the published config, not built as steps: the classic builder makes a step
        // (and, without copy-on-write storage, a copy of the whole image) per label
        assertThat(history(built.platforms().get(0).imageId())).noneMatch(step -> step.contains("org.odabuild"))
                .anyMatch(step -> step.contains("COPY"));
        assertThat(client().manifest(image(), "latest")).isEmpty();
        // the context went to the daemon as it was archived: no copy of it on disk
        assertThat(git.root().resolve("target/oda/contexts")).doesNotExist();
        String pins = Files.readString(git.root().resolve("target/oda/values-digests.yaml"));
        assertThat(pins).contains("\"version\": \"1.0.1-b1@" + served + "\"").contains("\"prereleaseSuffix\": \"\"");
    }

    /** Three more images beside op, each its own context; {@code broken} gets a Dockerfile that cannot build. */
    void moreImages(String version, String suffix, String broken) {
        StringBuilder config = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String key : List.of("a", "b", "c")) {
            config.append(key).append(":\n  valuesYamlFile: charts/more.yaml\n  valuesPathImage: .").append(key)
                    .append(".image\n  valuesPathVersion: .").append(key).append(".version\n")
                    .append("  valuesPathPrereleaseSuffix: .").append(key).append(".prereleaseSuffix\n")
                    .append("  paths: [src/").append(key).append("/**]\n  buildContext: src/").append(key)
                    .append("\n  platforms: linux/amd64\n");
            values.append(key).append(":\n  image: ").append(registry.host()).append("/").append(repo).append("-")
                    .append(key).append("\n  version: ").append(version).append("\n  prereleaseSuffix: ")
                    .append(suffix).append("\n");
            git.write("src/" + key + "/Dockerfile", key.equals(broken) ? "FROM scratch\nCOPY missing.txt /\n"
                    : "FROM scratch\nCOPY app.txt /app.txt\n");
            git.write("src/" + key + "/app.txt", key + " " + version + "\n");
        }
        try {
            String op = Files.readString(git.root().resolve("dockerbuild-config.yaml"));
            git.write("dockerbuild-config.yaml", op.contains("\na:\n") ? op : op + config);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        git.write("charts/more.yaml", values.toString());
    }

    @Test
    void imagesBuildAndPushSideBySideEachLineNamingItsImage() throws Exception {
        git.branch("feature/many");
        values("1.0.1", "many");
        moreImages("1.0.1", "many", null);
        git.write("src/op/app.txt", "v2\n");
        git.commit("four images change");
        threads = 4;

        BuildReport report = build();

        assertThat(report.images()).extracting(BuiltImage::key).containsExactly("op", "a", "b", "c");
        assertThat(report.images()).allMatch(b -> b.status() == BuildStatus.PUSHED);
        for (String key : List.of("a", "b", "c")) {
            assertThat(client().manifest(new ImageName(registry.host() + "/" + repo + "-" + key), "1.0.1-many"))
                    .isPresent();
            assertThat(log.infos).anyMatch(l -> l.startsWith("[" + key + "] Building "))
                    .anyMatch(l -> l.startsWith("[" + key + "] Pushed "));
        }
        assertThat(connects).hasValue(1); // one daemon connection for all of them
    }

    @Test
    void oneImageThatFailsStopsThePushOfAll() throws Exception {
        git.branch("feature/broken");
        values("1.0.1", "broken");
        moreImages("1.0.1", "broken", "b");
        git.write("src/op/app.txt", "v3\n");
        git.commit("one image cannot build");
        threads = 2;

        assertThatThrownBy(this::build).hasMessageContaining("missing.txt");

        BuildReport report = BuildReport.read(git.root().resolve("target/oda"));
        assertThat(report.pushed()).isFalse();
        assertThat(report.images()).extracting(BuiltImage::key).containsExactly("op", "a", "b", "c");
        assertThat(report.images()).filteredOn(b -> b.key().equals("b")).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BuildStatus.FAILED));
        // the others either finished building (not pushed) or never started
        assertThat(report.images()).filteredOn(b -> !b.key().equals("b"))
                .allMatch(b -> b.status() == BuildStatus.BUILT || (b.status() == BuildStatus.NOT_BUILT
                        && b.error().equals("another image failed")));
        for (String key : List.of("op", "a", "b", "c")) {
            String name = registry.host() + "/" + repo + (key.equals("op") ? "" : "-" + key);
            assertThat(client().manifest(new ImageName(name), "1.0.1-broken")).as(key + " was not pushed").isEmpty();
        }
    }

    @Test
    void anImageWhoseSourcesMovedAwayIsRefusedOnItsOwnNamingItsConfigLine() throws Exception {
        git.branch("feature/moved");
        values("1.0.1", "moved");
        moreImages("1.0.1", "moved", null);
        git.commit("more images");
        // a pull request moves b's sources and a's test Dockerfile, but not their config entries
        git.delete("src/b/Dockerfile");
        git.delete("src/b/app.txt");
        Files.delete(git.root().resolve("src/b")); // as a fresh clone has it
        String config = Files.readString(git.root().resolve("dockerbuild-config.yaml"));
        git.write("dockerbuild-config.yaml", config.replace("buildContext: src/a\n",
                "buildContext: src/a\n  testDockerfile: src/a/Test.Dockerfile\n"));
        git.write("src/op/app.txt", "v4\n");
        git.write("src/a/app.txt", "a moved\n");
        git.commit("b and a's test moved away");
        threads = 2;

        assertThatThrownBy(this::build).hasMessageContaining("2 image entries are broken:")
                .hasMessageContaining("buildContext of image 'b' 'src/b' does not exist")
                .hasMessageContaining("testDockerfile of image 'a' 'src/a/Test.Dockerfile' does not exist: fix the"
                        + " path in dockerbuild-config.yaml or restore the file");

        // the others were built and pushed, as with any other broken entry
        BuildReport report = BuildReport.read(git.root().resolve("target/oda"));
        assertThat(report.images()).extracting(BuiltImage::key).containsExactly("op", "c");
        assertThat(report.images()).allMatch(b -> b.status() == BuildStatus.PUSHED);
        assertThat(client().manifest(new ImageName(registry.host() + "/" + repo + "-b"), "1.0.1-moved")).isEmpty();
        String plan = Files.readString(git.root().resolve("target/oda/plan.json"));
        assertThat(plan).contains("\"broken\": true");
        // the line is the setting's own: testDockerfile is written on the line after a's buildContext
        int testLine = Files.readAllLines(git.root().resolve("dockerbuild-config.yaml"))
                .indexOf("  testDockerfile: src/a/Test.Dockerfile") + 1;
        assertThat(log.warnings).anyMatch(w -> w.startsWith("image a is refused, its entry is broken:"
                + " dockerbuild-config.yaml:" + testLine + ":"));
    }

    /** The steps of a local image, newest first, as {@code docker history} shows them. */
    static List<String> history(String imageId) throws Exception {
        Process p = new ProcessBuilder("docker", "-H", dockerHost, "image", "history", "--no-trunc", "--format",
                "{{.CreatedBy}}", imageId).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void secondChangeOverwritesThePrereleaseWithANewDigest() throws Exception {
        git.branch("feature/b2");
        values("1.0.1", "b2");
        git.commit("suffix");
        String first = build().images().get(0).digest();
        String firstPins = Files.readString(git.root().resolve("target/oda/values-digests.yaml"));
        git.write("src/op/app.txt", "v3\n");
        git.commit("change again");
        BuiltImage second = build().images().get(0);
        assertThat(second.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(second.digest()).isNotEqualTo(first);
        assertThat(client().manifest(image(), "1.0.1-b2").orElseThrow().digest()).isEqualTo(second.digest());
        assertThat(Files.readString(git.root().resolve("target/oda/values-digests.yaml"))).isNotEqualTo(firstPins)
                .contains(second.digest());
    }

    @Test
    void commitThatTouchesNoFileOfTheImageIsUpToDate() {
        git.branch("feature/b3");
        values("1.0.1", "b3");
        git.commit("suffix");
        String digest = build().images().get(0).digest();
        connects.set(0);
        git.write("README.md", "docs only\n");
        git.commit("docs");
        BuiltImage again = build().images().get(0);
        assertThat(again.status()).isEqualTo(BuildStatus.UP_TO_DATE);
        assertThat(again.digest()).isEqualTo(digest);
        assertThat(connects.get()).isZero();
    }

    @Test
    void releaseOnMasterIsPushedOnceThenRefusedBeforeBuilding() {
        BuildReport first = build();
        assertThat(first.images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(first.images().get(0).tags()).hasSize(2); // and latest
        assertThat(client().manifest(image(), "latest")).isPresent();
        connects.set(0);
        git.write("src/op/app.txt", "changed without a version bump\n");
        git.commit("change");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("before any build")
                .hasMessageContaining(":1.0.0 already exists");
        assertThat(connects.get()).isZero();
    }

    @Test
    void aReleasePlannedAgainFromTheSameSourcesIsAlreadyPublishedAndFromOtherSourcesRefused() throws Exception {
        String released = git.git().getRepository().resolve("HEAD").name();
        BuiltImage first = build().images().get(0);
        assertThat(first.status()).isEqualTo(BuildStatus.PUSHED);
        connects.set(0);

        // op's folder moves, the config with it: its build reads the same files, so nothing is planned
        for (String file : List.of("Dockerfile", "app.txt", ".dockerignore", "secret.txt")) {
            git.write("src/operator/" + file, git.read("src/op/" + file)).delete("src/op/" + file);
        }
        git.write("dockerbuild-config.yaml", OperatorRepo.config("  platforms: linux/amd64\n")
                .replace("src/op", "src/operator"));
        git.commit("move op into src/operator");
        assertThat(build().images()).as("the move changes no image").isEmpty();
        assertThat(log.infos).anyMatch(l -> l.contains("its build context moved from src/op"));

        // a clone too shallow to know what the push changed plans every image: the release is there, from these
        // sources, and nothing is built
        try (TestGit shallow = git.shallowClone(dir.resolve("shallow"), "main", 1)) {
            BuildReport again = BuildCommand.build(op.request(shallow.root(), env, push, latest, fork, index, threads,
                    dockerHost), CredentialSource.none(), counting(), true, log);
            assertThat(again.images()).singleElement().satisfies(b -> {
                assertThat(b.status()).isEqualTo(BuildStatus.ALREADY_PUBLISHED);
                assertThat(b.digest()).isEqualTo(first.digest());
            });
            assertThat(connects.get()).as("nothing is built").isZero();
            assertThat(log.infos).anyMatch(l -> l.contains(":1.0.0 is already published from the same sources"
                    + " (built from commit " + released.substring(0, 7) + ")"));
            assertThat(Files.readString(shallow.root().resolve("target/oda/verify-release-immutable.json")))
                    .contains("\"publishedFromTheseSources\": true");
            // oda:verify-release-immutable hashes the checkout as the build does, and passes it too
            BuildRequest request = op.request(shallow.root(), env, push, latest, fork, index, threads, dockerHost);
            assertThat(ReleaseImmutabilityCheck.run(request.release(), CredentialSource.none(), new CheckoutHashes(
                    shallow.root().resolve("target/oda"), Map.of()), log)).singleElement()
                    .satisfies(f -> assertThat(f.publishedFromTheseSources()).isTrue());
            assertThatThrownBy(() -> ReleaseImmutabilityCheck.run(request.release(), CredentialSource.none(), log))
                    .as("without the hashes: judged by its commit alone").isInstanceOf(RuleViolationException.class);
        }

        // another text of its sources without a bump: refused there as ever
        git.write("src/operator/app.txt", "v2\n").commit("change without a bump");
        try (TestGit shallow = git.shallowClone(dir.resolve("shallow2"), "main", 1)) {
            assertThatThrownBy(() -> BuildCommand.build(op.request(shallow.root(), env, push, latest, fork, index,
                    threads, dockerHost), CredentialSource.none(), counting(), true, log))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining(":1.0.0 already exists (" + first.digest() + ")");
        }
        assertThat(connects.get()).isZero();
    }

    @Test
    void aReRunReleaseJobSucceedsWithoutBuildingAndAnotherCommitIsRefused() throws Exception {
        git.write("src/op/app.txt", "v2\n");
        String released = git.commit("release change");
        BuiltImage first = build().images().get(0);
        assertThat(first.status()).isEqualTo(BuildStatus.PUSHED);
        connects.set(0);

        // the release job runs again on the same commit (a re-run after a later step failed)
        BuildReport again = build();
        assertThat(again.images()).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(BuildStatus.ALREADY_PUBLISHED);
            assertThat(b.digest()).isEqualTo(first.digest());
        });
        assertThat(connects.get()).as("nothing is built").isZero();
        assertThat(log.infos).anyMatch(l -> l.contains(":1.0.0 is already published from this commit ("
                + released.substring(0, 7) + ")"));
        assertThat(Files.readString(git.root().resolve("target/oda/values-digests.yaml"))).contains(first.digest());

        // a docs-only commit later: the last commit under the image's paths is still the released one
        git.write("README.md", "docs\n");
        git.commit("docs");
        assertThat(build().images()).as("unchanged on this push").isEmpty();

        // a commit that changes the image's sources without a bump is another build: refused as ever
        git.write("src/op/app.txt", "v3\n");
        git.commit("change without a bump");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(":1.0.0 already exists (" + first.digest() + ")")
                .hasMessageContaining("(the tag was built from commit " + released.substring(0, 7));
    }

    @Test
    void pushImageAfterAPartialFailureReportsTheReleaseAsPublished() throws Exception {
        BuildCommand.build(request(), CredentialSource.none(), counting(), false, log);
        Path report = git.root().resolve("target/oda/build.json");
        String builtOnly = Files.readString(report);
        BuiltImage pushed = BuildCommand.push(request().pushRequest(), CredentialSource.none(), counting(), log).images().get(0);
        assertThat(pushed.status()).isEqualTo(BuildStatus.PUSHED);
        // the job failed after the push, before build.json was written again: the re-run finds the tag published
        Files.writeString(report, builtOnly);
        BuiltImage rerun = BuildCommand.push(request().pushRequest(), CredentialSource.none(), counting(), log).images().get(0);
        assertThat(rerun.status()).isEqualTo(BuildStatus.ALREADY_PUBLISHED);
        assertThat(rerun.digest()).isEqualTo(pushed.digest());
    }

    @Test
    void anotherBuildsReleaseLandingWhileThisOneUploadsStopsItBeforeTheTag() throws Exception {
        git.write("src/op/app.txt", "v2\n");
        git.commit("release change");
        org.odabuild.testing.RegistrySeeder other = new org.odabuild.testing.RegistrySeeder(registry.host());
        java.util.concurrent.atomic.AtomicReference<String> theirs = new java.util.concurrent.atomic.AtomicReference<>();
        // a second release job of the same tag puts its manifest while this build saves and uploads its layers
        DaemonFactory racing = (host, certs, l) -> new DelegatingDaemon(DaemonFactory.fabric8().connect(host, certs,
                l)) {
            @Override
            public <T> T save(String imageId, ArchiveReader<T> reader) {
                theirs.set(other.push(repo, "1.0.0", Map.of("built.by", "the other job")));
                return super.save(imageId, reader);
            }
        };
        assertThatThrownBy(() -> BuildCommand.build(request(), CredentialSource.none(), racing, true, log))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("another build published " + registry.host() + "/" + repo + ":1.0.0 before"
                        + " this one could: its digest is " + theirs.get())
                .hasMessageContaining("put no tag");
        assertThat(client().manifest(image(), "1.0.0").orElseThrow().digest()).isEqualTo(theirs.get());
        assertThat(git.root().resolve("target/oda/values-digests.yaml")).doesNotExist();
    }

    @Test
    void unchangedImageMakesNoDaemonCall() {
        git.write("README.md", "second\n");
        git.commit("docs");
        assertThat(build().images()).isEmpty();
        assertThat(connects.get()).isZero();
    }

    @Test
    void buildImageNeverPushes() {
        BuildReport report = BuildCommand.build(request(), CredentialSource.none(), counting(), false, log);
        assertThat(report.pushed()).isFalse();
        assertThat(report.images().get(0).status()).isEqualTo(BuildStatus.BUILT);
        assertThat(client().manifest(image(), "1.0.0")).isEmpty();
        BuildReport pushed = BuildCommand.push(request().pushRequest(), CredentialSource.none(), counting(), log);
        assertThat(pushed.images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(client().manifest(image(), "1.0.0")).get().extracting(RegistryClient.Manifest::digest)
                .isEqualTo(pushed.images().get(0).digest());
    }

    @Test
    void localDefaultIsNotToPush() {
        push = Optional.empty();
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.BUILT);
        env.put("CI", "true");
        git.write("src/op/app.txt", "x\n");
        values("1.0.1", "");
        git.commit("bump");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
    }

    @Test
    void aTagPushedToCiNamedLikeTheReleaseBranchBuildsNothing() {
        // a workflow on every push runs for a tag too: tag main holds op's change, but it is no branch
        env.put("CI", "true");
        env.put("GITHUB_REF_NAME", "main");
        env.put("GITHUB_REF_TYPE", "tag");
        assertThat(build().images()).isEmpty();
        assertThat(connects.get()).isZero();
        assertThat(log.infos).contains("Nothing to build: main is a tag, not a branch.");
    }

    @Test
    void dirtyTreeNeverBuildsARelease() {
        git.write("src/op/app.txt", "uncommitted\n");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("a release is never built from a dirty working tree");
        assertThat(connects.get()).isZero();
    }

    @Test
    void refusalsStopTheBuildBeforeTheDaemon() {
        git.branch("feature/r");
        git.write("src/op/app.txt", "changed, still a release version\n");
        git.commit("no suffix");
        assertThatThrownBy(this::build).hasMessageContaining("release versions can only be built from master");
        assertThat(connects.get()).isZero();
    }

    @Test
    void stoppedDaemonIsAClearError() {
        BuildRequest r = request();
        BuildRequest broken = new BuildRequest(r.release(), r.push(), r.latestTag(), r.buildArgs(),
                "unix://" + dir.resolve("no-daemon.sock"), null, r.testTimeout(), r.index());
        assertThatThrownBy(() -> BuildCommand.build(broken, CredentialSource.none(), DaemonFactory.fabric8(), true,
                log)).isInstanceOf(DockerException.class)
                .hasMessageContaining("cannot reach the Docker daemon at unix://" + dir.resolve("no-daemon.sock"))
                .hasMessageContaining("DOCKER_HOST");
    }

    private void withTestImage(String report) throws Exception {
        Files.copy(cat, git.root().resolve("src/op/cat"));
        git.root().resolve("src/op/cat").toFile().setExecutable(true);
        git.write("src/op/report.xml", report);
        git.write("src/op/DockerfileTest", """
                ARG FROM_IMAGE
                FROM ${FROM_IMAGE}
                COPY cat /cat
                COPY report.xml /report.xml
                ENTRYPOINT ["/cat", "/report.xml"]
                """);
        Path config = git.root().resolve("dockerbuild-config.yaml");
        Files.writeString(config, Files.readString(config) + "  testDockerfile: src/op/DockerfileTest\n");
        git.commit("test image");
    }

    @Test
    void passingTestImageWritesItsReportAndPushes() throws Exception {
        withTestImage("<testsuite name=\"unit\" tests=\"3\" failures=\"0\" errors=\"0\"><testcase name=\"a\"/>"
                + "</testsuite>\n");
        BuiltImage built = build().images().get(0);
        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(built.testReport()).isEqualTo("target/oda/test-reports/TEST-op.xml");
        assertThat(Files.readString(git.root().resolve("target/oda/test-reports/TEST-op.xml")))
                .contains("tests=\"3\"");
    }

    @Test
    void failingTestImageStopsThePush() throws Exception {
        withTestImage("<testsuite name=\"unit\" tests=\"2\" failures=\"1\" errors=\"0\"><testcase name=\"a\">"
                + "<failure message=\"boom\"/></testcase></testsuite>\n");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("tests of op failed")
                .hasMessageContaining("1 failure(s)")
                .hasMessageContaining("nothing was pushed");
        assertThat(client().manifest(image(), "1.0.0")).isEmpty();
    }

    @Test
    void aTestImageWithNothingToRunSaysSo() throws Exception {
        git.write("src/op/DockerfileTest", "ARG FROM_IMAGE\nFROM ${FROM_IMAGE}\n");
        Path config = git.root().resolve("dockerbuild-config.yaml");
        Files.writeString(config, Files.readString(config) + "  testDockerfile: src/op/DockerfileTest\n");
        git.commit("a test image without a command");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: the test image built from src/op/DockerfileTest has no CMD or"
                        + " ENTRYPOINT, so nothing runs the tests");
        assertThat(client().manifest(image(), "1.0.0")).as("nothing pushed").isEmpty();
    }

    /**
     * A stage the last one does not need is not built, as BuildKit leaves it out (the classic builder builds every
     * stage): a failing RUN there (a test stage, say) does not fail the image. A stage the last one needs through
     * {@code COPY --from} is built, and fails it.
     */
    @Test
    void aStageTheLastOneDoesNotNeedIsNotBuiltAsWithBuildkit() throws Exception {
        git.branch("feature/b21");
        values("1.0.1", "b21");
        Files.copy(cat, git.root().resolve("src/op/cat"));
        git.root().resolve("src/op/cat").toFile().setExecutable(true);
        String stages = """
                FROM scratch AS build
                COPY cat app.txt /
                RUN ["/cat", "/app.txt"]

                # a stage of tests
                FROM scratch AS test
                COPY cat /
                RUN ["/cat", "/missing", "1"]
                FROM scratch
                """;
        git.write("src/op/Dockerfile", stages + "COPY --from=build /app.txt /app.txt\n");
        git.commit("a test stage that the image does not need");

        BuiltImage built = build().images().get(0);
        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(log.infos).anyMatch(i -> i.contains("Stages [test (line 6)] of src/op/Dockerfile are not needed"
                + " by its last stage: op is built without them"));
        assertThat(history(built.platforms().get(0).imageId())).noneMatch(step -> step.contains("/missing"));

        git.write("src/op/Dockerfile", stages + "COPY --from=build /app.txt /app.txt\nCOPY --from=test /cat /cat\n");
        git.commit("the image needs the test stage");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessage("image op: its build for linux/amd64 stopped at src/op/Dockerfile:8 (RUN [\"/cat\","
                        + " \"/missing\", \"1\"]) with exit code 2 (it printed nothing): fix that step or what it runs")
                .hasRootCauseMessage("The command '/cat /missing 1' returned a non-zero code: 2");
        assertThat(log.errors).as("the step the build failed at").containsExactly("The build of " + registry.host()
                + "/" + repo + ":1.0.1-b21 for linux/amd64 failed at Step 6/9 : RUN [\"/cat\", \"/missing\", \"1\"]"
                + " (it printed nothing)");
        assertThat(BuildReport.read(git.root().resolve("target/oda")).images().get(0).failedStep())
                .isEqualTo(new FailedStep(registry.host() + "/" + repo + ":1.0.1-b21 for linux/amd64",
                        "Step 6/9 : RUN [\"/cat\", \"/missing\", \"1\"]", List.of()));
    }

    /**
     * oda-canvas' test images run pytest in a {@code RUN} step: a failing test fails the test image's build, and the
     * step's last lines say which test it was.
     */
    @Test
    void aTestImageWhoseBuildFailsShowsTheStepAndPushesNothing() throws Exception {
        withTestImage("<testsuite name=\"unit\" tests=\"1\" failures=\"0\" errors=\"0\"/>\n");
        git.write("src/op/pytest.out", "tests/test_op.py .F\nFAILED tests/test_op.py::test_bump - assert 2 == 3\n");
        git.write("src/op/DockerfileTest", """
                ARG FROM_IMAGE
                FROM ${FROM_IMAGE}
                COPY cat pytest.out /
                RUN ["/cat", "/pytest.out", "1"]
                ENTRYPOINT ["/cat", "/report.xml"]
                """);
        git.commit("a test that fails in the test image's build");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class)
                .hasMessage("tests of op failed:" + System.lineSeparator() + "  the test image's build stopped at"
                        + " src/op/DockerfileTest:4 (RUN [\"/cat\", \"/pytest.out\", \"1\"]) with exit code 1 (its last"
                        + " output lines are above); nothing was pushed")
                .as("Maven prints a cause's message after it: the daemon's words would follow the tests'").hasNoCause();
        assertThat(log.errors).containsExactly("The build of oda-test/op:1.0.0 failed at Step 4/5 : RUN [\"/cat\","
                + " \"/pytest.out\", \"1\"]; its last output lines:", "  tests/test_op.py .F",
                "  FAILED tests/test_op.py::test_bump - assert 2 == 3");
        assertThat(client().manifest(image(), "1.0.0")).as("nothing pushed").isEmpty();
        // build.json says it to CI without the log
        BuiltImage failed = BuildReport.read(git.root().resolve("target/oda")).images().get(0);
        assertThat(failed.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(failed.error()).contains("src/op/DockerfileTest:4");
        assertThat(failed.failedStep()).isEqualTo(new FailedStep("oda-test/op:1.0.0",
                "Step 4/5 : RUN [\"/cat\", \"/pytest.out\", \"1\"]", List.of("tests/test_op.py .F",
                "FAILED tests/test_op.py::test_bump - assert 2 == 3")));

        // a test image that cannot be built for another reason than a failing step says what the daemon said
        git.write("src/op/DockerfileTest", "ARG FROM_IMAGE\nFROM ${FROM_IMAGE}\nCOPY missing.txt /\n");
        git.commit("a test image that copies a file the context does not have");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class).hasMessageContaining("missing.txt");
    }

    @Test
    void baseImageThatCannotBePulledIsNamedAndBuildJsonStillWritten() throws Exception {
        git.branch("feature/b9");
        values("1.0.1", "b9");
        git.write("src/op/Dockerfile", "FROM scratch AS files\nCOPY app.txt /app.txt\n"
                + "FROM pull.invalid/base/image:1.0\nCOPY --from=files /app.txt /app.txt\n");
        git.commit("a base image that cannot be pulled here");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: the base image 'pull.invalid/base/image:1.0' (FROM at"
                        + " src/op/Dockerfile:3) could not be pulled for linux/amd64: ")
                .hasMessageContaining("Check its name and tag");
        BuildReport report = BuildReport.read(git.root().resolve("target/oda"));
        assertThat(report.images()).singleElement().satisfies(b -> {
            assertThat(b.status()).isEqualTo(BuildStatus.FAILED);
            assertThat(b.error()).contains("pull.invalid/base/image:1.0");
        });
        assertThat(git.root().resolve("target/oda/values-digests.yaml")).doesNotExist();
    }

    @Test
    void aRefusedRunLeavesNoReportOfThePreviousRun() throws Exception {
        git.branch("feature/b10");
        values("1.0.1", "b10");
        git.write("src/op/app.txt", "v2\n");
        git.commit("change");
        build();
        Path out = git.root().resolve("target/oda");
        assertThat(out.resolve("values-digests.yaml")).exists();
        assertThat(out.resolve("values-digests/charts/values.yaml")).as("the override of the image's values file")
                .hasContent(Files.readString(out.resolve("values-digests.yaml")).replace("pins the pushed images",
                        "pins the images of charts/values.yaml"));
        assertThat(out.resolve("verify-release-immutable.json")).as("oda:build writes its registry check").exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                out.resolve("build.json")))).isEqualTo("rw-r--r--");

        values("1.0.1", "");
        git.write("src/op/app.txt", "v3\n");
        git.commit("change without a suffix");
        assertThatThrownBy(this::build).isInstanceOf(RuleViolationException.class);
        assertThat(out.resolve("build.json")).doesNotExist();
        assertThat(out.resolve("values-digests.yaml")).doesNotExist();
        assertThat(out.resolve("values-digests")).doesNotExist();
        assertThat(out.resolve("verify-release-immutable.json")).doesNotExist();
    }

    @Test
    void forkRepositoryGetsThePushAndValuesDigestsNamesIt() throws Exception {
        fork = Optional.of(registry.host() + "/fork" + counter);
        git.branch("feature/b11");
        values("1.0.1", "b11");
        git.write("src/op/app.txt", "v2\n");
        git.commit("change");
        BuiltImage built = build().images().get(0);
        String forkImage = registry.host() + "/fork" + counter + "/" + repo.substring(repo.lastIndexOf('/') + 1);
        assertThat(built.reference()).isEqualTo(forkImage + ":1.0.1-b11");
        assertThat(client().manifest(new ImageName(forkImage), "1.0.1-b11").orElseThrow().digest())
                .isEqualTo(built.digest());
        assertThat(client().manifest(image(), "1.0.1-b11")).as("the upstream repository is untouched").isEmpty();
        String pins = Files.readString(git.root().resolve("target/oda/values-digests.yaml"));
        assertThat(pins).contains("\"image\": \"" + forkImage + "\"")
                .contains("\"version\": \"1.0.1-b11@" + built.digest() + "\"");
        assertThat(Files.readString(git.root().resolve("charts/values.yaml"))).contains(registry.host() + "/" + repo);

        // the laptop half of a redeploy: no build, the registry's digest of the tag values.yaml names now
        Files.delete(git.root().resolve("target/oda/values-digests.yaml"));
        PinDigests.Result pinned = PinDigests.run(request().release().plan().resolve(), new RegistrySettings(
                Set.of(registry.host()), Duration.ofSeconds(5), 2, Duration.ofMillis(20)), CredentialSource.none(),
                log);
        assertThat(pinned.pinned()).singleElement().satisfies(p -> assertThat(p.digest()).isEqualTo(built.digest()));
        assertThat(Files.readString(git.root().resolve("target/oda/values-digests.yaml"))).isEqualTo(pins);

        values("1.0.2", "b11");
        PinDigests.Result missing = PinDigests.run(request().release().plan().resolve(), new RegistrySettings(
                Set.of(registry.host()), Duration.ofSeconds(5), 2, Duration.ofMillis(20)), CredentialSource.none(),
                log);
        assertThat(missing.pinned()).isEmpty();
        assertThat(missing.missing()).singleElement().satisfies(m -> {
            assertThat(m.reference()).isEqualTo(forkImage + ":1.0.2-b11");
            assertThat(m.valuesFile()).isEqualTo("charts/values.yaml");
        });
        assertThat(log.warnings).anyMatch(w -> w.startsWith("not pinned: " + forkImage + ":1.0.2-b11"));
        assertThat(git.root().resolve("target/oda/values-digests.yaml")).as("no stale pins").doesNotExist();
    }
}
