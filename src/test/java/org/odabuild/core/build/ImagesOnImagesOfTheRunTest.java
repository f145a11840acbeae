package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryCredentials;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.FaultProxy;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * A monorepo's base image and an image FROM it, changed together: one run builds the base first and the other on
 * it, for each platform, against the real daemon and registry. Neither the previous push of the base's tag nor the
 * one variant the daemon holds under it stands in for the base this run built.
 */
class ImagesOnImagesOfTheRunTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static String dockerHost;
    static int counter;

    @TempDir
    Path dir;
    TestGit git;
    String base;
    String app;
    final RecordingLog log = new RecordingLog();
    CredentialSource credentials = CredentialSource.none();
    Set<String> insecure;

    @BeforeAll
    static void infrastructure() {
        dockerHost = LocalDocker.host();
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
        String run = (++counter) + "-" + System.nanoTime() % 100000;
        insecure = Set.of(registry.host());
        base = registry.host() + "/onrun/base" + run;
        app = registry.host() + "/onrun/app" + run;
        git = TestGit.init(dir.resolve("repo"))
                .write("src/base/Dockerfile", "FROM scratch\nCOPY base.txt /base.txt\n")
                .write("src/base/base.txt", "base v1\n")
                .write("src/app/Dockerfile", "FROM " + base + ":1.0.1-x\nCOPY app.txt /app.txt\n")
                .write("src/app/app.txt", "app v1\n");
        config(true);
        git.write("charts/values.yaml", "base:\n  image: " + base + "\n  version: 1.0.1\n  prereleaseSuffix: x\n"
                + "app:\n  image: " + app + "\n  version: 1.0.1\n  prereleaseSuffix: x\n");
        git.commit("initial");
        git.branch("feature/x");
    }

    @AfterEach
    void close() {
        git.close();
    }

    /** The base, and the app after it in the config when {@code withApp}; both for linux/amd64 and linux/arm64. */
    void config(boolean withApp) {
        String entry = """
                %1$s:
                  valuesYamlFile: charts/values.yaml
                  valuesPathImage: .%1$s.image
                  valuesPathVersion: .%1$s.version
                  valuesPathPrereleaseSuffix: .%1$s.prereleaseSuffix
                  paths: [src/%1$s/**]
                  buildContext: src/%1$s
                  platforms: linux/amd64,linux/arm64
                """;
        git.write("dockerbuild-config.yaml", entry.formatted("base") + (withApp ? entry.formatted("app") : ""));
    }

    BuildReport build() {
        return build(Optional.empty());
    }

    /** @param fork {@code -Doda.imageRepository} */
    BuildReport build(Optional<String> fork) {
        return build(fork, List.of(), true);
    }

    /** @param images {@code -Doda.images}, as a CI matrix job of one image gives it */
    BuildReport build(List<String> images, boolean push) {
        return build(Optional.empty(), images, push);
    }

    BuildReport build(Optional<String> fork, List<String> images, boolean push) {
        return build(git.root(), fork, images, push);
    }

    BuildReport build(Path root, Optional<String> fork, List<String> images, boolean push) {
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"), List.of(), fork), Optional.empty(), BranchPolicy.defaults(),
                Optional.empty(), Optional.of(false), images, true, Map.of());
        RegistrySettings settings = new RegistrySettings(insecure, Duration.ofSeconds(5), 2, Duration.ofMillis(20));
        return BuildCommand.build(new BuildRequest(new ReleaseCheckRequest(plan, settings, false), Optional.of(push),
                LatestTag.RELEASE, Map.of(), dockerHost, null, Duration.ofSeconds(60), IndexMode.AUTO),
                credentials, DaemonFactory.fabric8(), true, log);
    }

    @Test
    void anImageOnABaseOfTheRunIsBuiltAfterItAndOnItForEachPlatform() throws Exception {
        // an earlier push of the base's prerelease tag, which the daemon also holds under that name
        config(false);
        git.commit("only the base");
        assertThat(build().images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED);

        config(true);
        git.write("src/base/base.txt", "base v2\n");
        git.commit("the base changed, and an image on it");
        BuildReport report = build();

        assertThat(report.images()).extracting(BuiltImage::key, BuiltImage::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base", BuildStatus.PUSHED),
                org.assertj.core.groups.Tuple.tuple("app", BuildStatus.PUSHED));
        Map<String, Map<String, String>> files = filesByPlatform(app, "1.0.1-x");
        assertThat(files).containsOnlyKeys("linux/amd64", "linux/arm64");
        for (Map.Entry<String, Map<String, String>> platform : files.entrySet()) {
            assertThat(platform.getValue()).as(platform.getKey()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "base.txt", "base v2\n", "app.txt", "app v1\n", "config", platform.getKey()));
        }
        assertThat(log.infos).anyMatch(i -> i.contains("app is built on base, which this run built"));

        BuildReport again = build();
        assertThat(again.images()).extracting(BuiltImage::status).containsExactly(BuildStatus.UP_TO_DATE,
                BuildStatus.UP_TO_DATE);

        // only the base changed: the app, planned (forced here; in a repository, by paths that name the base's
        // folder), is not up to date with its own files alone
        git.write("src/base/base.txt", "base v3\n");
        git.commit("the base alone");
        assertThat(build().images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED,
                BuildStatus.PUSHED);
        assertThat(filesByPlatform(app, "1.0.1-x").values()).allSatisfy(f -> assertThat(f).containsEntry("base.txt",
                "base v3\n"));
    }

    /**
     * On main: the base and an app FROM its latest release are both released, then the base changes and is bumped.
     *
     * @return the app's released digest
     */
    String bothReleasedThenTheBaseBumped() {
        git.checkout("main");
        git.write("src/app/Dockerfile", "FROM " + base + ":latest\nCOPY app.txt /app.txt\n")
                .write("charts/values.yaml", "base:\n  image: " + base + "\n  version: 1.0.0\n  prereleaseSuffix:\n"
                        + "app:\n  image: " + app + "\n  version: 1.0.0\n  prereleaseSuffix:\n");
        git.commit("release both");
        BuildReport released = build();
        assertThat(released.images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED,
                BuildStatus.PUSHED);
        git.write("src/base/base.txt", "base v2\n").write("charts/values.yaml", "base:\n  image: " + base
                + "\n  version: 1.0.1\n  prereleaseSuffix:\n" + "app:\n  image: " + app
                + "\n  version: 1.0.0\n  prereleaseSuffix:\n");
        git.commit("base 1.0.1");
        return released.images().get(1).digest();
    }

    @Test
    void aReleaseOnABaseOfTheRunPublishedFromTheSameSourcesStaysAsPublished() throws Exception {
        String appDigest = bothReleasedThenTheBaseBumped();
        // in a clone too shallow to tell what changed the app is planned again with its own sources as released:
        // its tag is immutable, so it stays as published, as it does where the plan sees that only the base
        // changed, and the run is green
        try (TestGit shallow = git.shallowClone(dir.resolve("shallow"), "main", 1)) {
            BuildReport report = build(shallow.root(), Optional.empty(), List.of(), true);
            assertThat(report.images()).extracting(BuiltImage::key, BuiltImage::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("base", BuildStatus.PUSHED),
                    org.assertj.core.groups.Tuple.tuple("app", BuildStatus.ALREADY_PUBLISHED));
            assertThat(report.images().get(1).digest()).isEqualTo(appDigest);
        }
        assertThat(log.infos).anyMatch(i -> i.contains(app + ":1.0.0 is already published from the same sources"))
                .contains("app's base base was built again in this run, but a release tag is immutable: bump app's"
                        + " version to publish it on the new one");
    }

    @Test
    void aMatrixJobOfAReleasePublishedFromTheSameSourcesWaitsForNoBase() throws Exception {
        String appDigest = bothReleasedThenTheBaseBumped();
        // one CI job per image, in clones too shallow to tell what changed: the app's job runs before the base's
        // has pushed, and its release, published from these sources, has nothing to wait for
        try (TestGit shallow = git.shallowClone(dir.resolve("shallow"), "main", 1)) {
            BuildReport report = build(shallow.root(), Optional.empty(), List.of("app"), true);
            assertThat(report.images()).extracting(BuiltImage::key, BuiltImage::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("app", BuildStatus.ALREADY_PUBLISHED));
            assertThat(report.images().get(0).digest()).isEqualTo(appDigest);
            assertThat(shallow.root().resolve("target/oda/bases-of-other-runs.json")).doesNotExist();
        }
        assertThat(log.infos).contains("app's base changes in this push, but a release tag is immutable: bump app's"
                + " version to publish it on the new one");
    }

    @Test
    void aMatrixJobOfTheAppGoesOnOnlyOnceTheBaseOfThisPushIsInTheRegistry() throws Exception {
        git.write("src/base/base.txt", "base v1.1\n");
        git.write("src/app/app.txt", "app v1.1\n");
        git.commit("both changed on the branch");
        // one CI job per image: the app's job, while the base's job of the same push has not pushed yet
        assertThatThrownBy(() -> build(List.of("app"), true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("src/app/Dockerfile:1: image 'app' is built on 'base' (" + base + ":1.0.1-x),"
                        + " which this push changes too but this run leaves out: the registry has no " + base
                        + ":1.0.1-x yet, so 'base' of this push is not there to be built on. Build them in one run ("
                        + Setting.IMAGES.set("base,app") + "; oda:plan's images-to-build joins them), or run this"
                        + " again once 'base' is pushed");
        assertThat(git.root().resolve("target/oda/build.json")).doesNotExist();
        JsonObject refused = JsonParser.parseString(Files.readString(git.root().resolve(
                "target/oda/bases-of-other-runs.json"))).getAsJsonObject();
        assertThat(refused.get("passed").getAsBoolean()).isFalse();
        JsonObject finding = refused.getAsJsonArray("bases").get(0).getAsJsonObject();
        assertThat(finding.get("image").getAsString()).isEqualTo("app");
        assertThat(finding.get("base").getAsString()).isEqualTo("base");
        assertThat(finding.get("at").getAsString()).isEqualTo("src/app/Dockerfile:1");
        assertThat(finding.get("published").isJsonNull()).isTrue();
        assertThat(finding.get("reason").getAsString()).startsWith("the registry has no " + base + ":1.0.1-x yet");

        assertThat(build(List.of("base"), true).images()).extracting(BuiltImage::status)
                .containsExactly(BuildStatus.PUSHED);
        String older;
        try (DockerDaemon daemon = DaemonFactory.fabric8().connect(dockerHost, null, log)) {
            older = daemon.inspect(base + ":1.0.1-x").id();
        }
        assertThat(build(List.of("app"), true).images()).extracting(BuiltImage::status)
                .containsExactly(BuildStatus.PUSHED);
        assertThat(log.infos).anyMatch(i -> i.startsWith("app is built on " + base + ":1.0.1-x (src/app/Dockerfile:1),"
                + " which this push changes and another run has pushed from the sources here: " + base + "@sha256:"));
        JsonObject passed = JsonParser.parseString(Files.readString(git.root().resolve(
                "target/oda/bases-of-other-runs.json"))).getAsJsonObject();
        assertThat(passed.get("passed").getAsBoolean()).isTrue();
        assertThat(passed.getAsJsonArray("bases").get(0).getAsJsonObject().get("published").getAsString())
                .startsWith(base + "@sha256:");

        // the next push changes both: the registry's base is the previous push's
        git.write("src/base/base.txt", "base v2\n");
        git.write("src/app/app.txt", "app v2\n");
        git.commit("both changed");
        assertThatThrownBy(() -> build(List.of("app"), true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("the registry's " + base + ":1.0.1-x (sha256:")
                .hasMessageContaining("was built from other sources, so the build would be on what the tag held"
                        + " before. Build them in one run");
        assertThat(filesByPlatform(app, "1.0.1-x").values()).allSatisfy(f -> assertThat(f)
                .containsEntry("app.txt", "app v1.1\n"));
        // a run that does not push builds, and says so
        assertThat(build(List.of("app"), false).images()).extracting(BuiltImage::status)
                .containsExactly(BuildStatus.BUILT);
        assertThat(log.warnings).anyMatch(w -> w.contains("image 'app' is built on 'base'")
                && w.endsWith("(a run that pushes stops here)"));

        build(List.of("base"), true);
        // the app's job runs where the daemon holds an older image under the base's tag (another push's job ran
        // there): it is built on the image the registry was checked for, not on that one
        try (DockerDaemon daemon = DaemonFactory.fabric8().connect(dockerHost, null, log)) {
            daemon.tag(older, base + ":1.0.1-x");
        }
        assertThat(build(List.of("app"), true).images()).extracting(BuiltImage::status)
                .containsExactly(BuildStatus.PUSHED);
        assertThat(filesByPlatform(app, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("base.txt", "base v2\n").containsEntry("app.txt", "app v2\n"));

        // only the base changes: the app's job (forced here, by paths naming the base's folder in a repository) is
        // not up to date by its own files, which the registry holds already
        git.write("src/base/base.txt", "base v3\n");
        git.commit("the base alone");
        build(List.of("base"), true);
        assertThat(build(List.of("app"), true).images()).extracting(BuiltImage::status)
                .containsExactly(BuildStatus.PUSHED);
        assertThat(filesByPlatform(app, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("base.txt", "base v3\n"));
    }

    @Test
    void aForkBuildsTheImageOnItsOwnBuildOfTheBaseThatTheFromNamesAsTheValuesDo() throws Exception {
        // the FROM names the base as upstream publishes it; upstream's registry has no such tag
        String fork = registry.host() + "/fork" + counter;
        BuildReport report = build(Optional.of(fork));

        assertThat(report.images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED,
                BuildStatus.PUSHED);
        String forkedApp = fork + app.substring(app.lastIndexOf('/'));
        assertThat(filesByPlatform(forkedApp, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("base.txt", "base v1\n").containsEntry("app.txt", "app v1\n"));
    }

    /**
     * Upstream published the base from its sources, the fork its own: an image this run builds on a base it does not
     * build (up to date, or published by an earlier push) is built on the fork's image of the tag the FROM names as
     * upstream does, by the digest asked; on upstream's only where the fork's registry answers that it has none, and
     * not at all where the fork's registry cannot say.
     */
    @Test
    void aForkBuildsAnImageOnTheForksImageOfABaseThisRunDoesNotBuild() throws Exception {
        assertThat(build().images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED,
                BuildStatus.PUSHED);
        String fork = registry.host() + "/fork" + counter;
        String forkedBase = fork + base.substring(base.lastIndexOf('/'));
        String forkedApp = fork + app.substring(app.lastIndexOf('/'));
        git.write("src/base/base.txt", "the fork's base\n").write("src/app/app.txt", "the fork's app\n");
        git.commit("the fork changes both");
        assertThat(build(Optional.of(fork)).images()).extracting(BuiltImage::status).containsExactly(
                BuildStatus.PUSHED, BuildStatus.PUSHED);

        // the base is up to date in the fork's registry, so this run does not build it; the daemon holds upstream's
        // image under the tag the FROM names
        git.write("src/app/app.txt", "the fork's app v2\n");
        String appAlone = git.commit("the fork changes the app alone");
        assertThat(build(Optional.of(fork)).images()).extracting(BuiltImage::key, BuiltImage::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("base", BuildStatus.UP_TO_DATE),
                        org.assertj.core.groups.Tuple.tuple("app", BuildStatus.PUSHED));
        assertThat(filesByPlatform(forkedApp, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("base.txt", "the fork's base\n").containsEntry("app.txt", "the fork's app v2\n"));
        String forkedBaseDigest = digestOf(forkedBase, "1.0.1-x");
        assertThat(log.infos).contains("app is built on the fork's " + forkedBase + ":1.0.1-x (src/app/Dockerfile:1"
                + " names " + base + ":1.0.1-x, which " + Setting.IMAGE_REPOSITORY + " renames): " + forkedBase + "@"
                + forkedBaseDigest);
        JsonObject finding = JsonParser.parseString(Files.readString(git.root().resolve("target/oda/"
                + ForkBases.FILE))).getAsJsonObject().getAsJsonArray("bases").get(0).getAsJsonObject();
        assertThat(finding.get("image").getAsString()).isEqualTo("app");
        assertThat(finding.get("at").getAsString()).isEqualTo("src/app/Dockerfile:1");
        assertThat(finding.get("from").getAsString()).isEqualTo(base + ":1.0.1-x");
        assertThat(finding.get("published").getAsString()).isEqualTo(forkedBase + "@" + forkedBaseDigest);

        // a new fork that never built the base: its registry has none, so upstream's is the one there is (pulled, as
        // on a fresh CI runner: Docker 26's containerd store fails to export an image on a base it built itself
        // and then pulls another platform of, "content digest ... not found")
        LocalDocker.remove(dockerHost, base + ":1.0.1-x");
        String other = registry.host() + "/other" + counter;
        git.write("src/app/app.txt", "the other fork's app\n");
        String since = appAlone;
        BuildReport fromUpstream = buildSince(other, since, true, registry.host());
        assertThat(fromUpstream.images()).extracting(BuiltImage::key, BuiltImage::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("app", BuildStatus.PUSHED));
        String otherApp = other + app.substring(app.lastIndexOf('/'));
        assertThat(filesByPlatform(otherApp, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("base.txt", "base v1\n"));
        assertThat(log.infos).contains("app is built on " + base + ":1.0.1-x (src/app/Dockerfile:1) as written: the"
                + " fork's registry has no " + other + base.substring(base.lastIndexOf('/')) + ":1.0.1-x");

        // the fork's registry cannot say whether it holds the base: a run that pushes stops, nothing pushed
        String before = digestOf(forkedApp, "1.0.1-x");
        try (FaultProxy proxy = FaultProxy.start(registry.host())) {
            String baseTag = "/v2/" + fork.substring(fork.indexOf('/') + 1) + base.substring(base.lastIndexOf('/'))
                    + "/manifests/1.0.1-x";
            proxy.rule(r -> r.method().equals("HEAD") && r.path().equals(baseTag)
                    ? Optional.of(new FaultProxy.Answer(500, "")) : Optional.empty());
            String proxied = proxy.host() + fork.substring(fork.indexOf('/'));
            git.write("src/app/app.txt", "the fork's app v3\n");
            assertThatThrownBy(() -> buildSince(proxied, since, true, proxy.host()))
                    .hasMessageContaining("src/app/Dockerfile:1: app is built on " + base + ":1.0.1-x, which "
                            + Setting.IMAGE_REPOSITORY + " renames to " + proxied + base.substring(base.lastIndexOf(
                            '/')) + ":1.0.1-x, but the fork's registry could not say whether it holds it (")
                    .hasMessageContaining("run this again once the registry answers");
            assertThat(digestOf(forkedApp, "1.0.1-x")).isEqualTo(before);
            // a run that does not push says so and builds on upstream's
            assertThat(buildSince(proxied, since, false, proxy.host()).images()).extracting(BuiltImage::status)
                    .containsExactly(BuildStatus.BUILT);
            assertThat(log.warnings).anyMatch(w -> w.startsWith("src/app/Dockerfile:1: app is built on " + base)
                    && w.endsWith("; built on " + base + ":1.0.1-x as written (a run that pushes stops here)"));
        }
    }

    /** A {@code COPY --from=} the base as upstream names it takes the files of the fork's base, as a FROM does. */
    @Test
    void aForkCopiesFromItsOwnImageOfABaseThisRunDoesNotBuild() throws Exception {
        String fork = registry.host() + "/copy" + counter;
        config(false);
        git.write("src/base/base.txt", "the fork's base\n");
        String baseAlone = git.commit("the fork's base");
        assertThat(build(Optional.of(fork)).images()).extracting(BuiltImage::status).containsExactly(
                BuildStatus.PUSHED);

        config(true);
        git.write("src/app/Dockerfile", "FROM scratch\nCOPY --from=" + base + ":1.0.1-x /base.txt /copied.txt\n"
                + "COPY app.txt /app.txt\n");
        BuildReport report = buildSince(fork, baseAlone, true, registry.host());
        assertThat(report.images()).extracting(BuiltImage::key, BuiltImage::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("app", BuildStatus.PUSHED));
        String forkedBase = fork + base.substring(base.lastIndexOf('/'));
        assertThat(filesByPlatform(fork + app.substring(app.lastIndexOf('/')), "1.0.1-x").values()).hasSize(2)
                .allSatisfy(f -> assertThat(f).containsEntry("copied.txt", "the fork's base\n"));
        assertThat(log.infos).contains("app is built on the fork's " + forkedBase + ":1.0.1-x (src/app/Dockerfile:2"
                + " names " + base + ":1.0.1-x, which " + Setting.IMAGE_REPOSITORY + " renames): " + forkedBase + "@"
                + digestOf(forkedBase, "1.0.1-x"));
    }

    /**
     * The fork's registry asks for a password: the daemon pulls the fork's base with the fork's login, which the
     * Dockerfile, naming upstream's registry, does not name.
     */
    @Test
    void aForksBaseOnAPasswordProtectedRegistryIsPulledWithItsLogin() throws Exception {
        try (LocalRegistry protectedFork = LocalRegistry.start(dir.resolve("fork-registry"), "oda",
                "pa55-w0rd-fork")) {
            insecure = Set.of(registry.host(), protectedFork.host());
            credentials = host -> host.equals(protectedFork.host())
                    ? Optional.of(new RegistryCredentials("oda", "pa55-w0rd-fork", null, "test")) : Optional.empty();
            String fork = protectedFork.host() + "/fork";
            assertThat(build(Optional.of(fork)).images()).extracting(BuiltImage::status).containsExactly(
                    BuildStatus.PUSHED, BuildStatus.PUSHED);
            String forkedBase = fork + base.substring(base.lastIndexOf('/')) + ":1.0.1-x";
            LocalDocker.remove(dockerHost, forkedBase); // the daemon must pull it
            git.write("src/app/app.txt", "app v2\n");
            git.commit("the app alone");

            assertThat(build(Optional.of(fork)).images()).extracting(BuiltImage::status).containsExactly(
                    BuildStatus.UP_TO_DATE, BuildStatus.PUSHED);
            assertThat(log.infos).anyMatch(i -> i.startsWith("app is built on the fork's " + forkedBase));
            assertThat(log.infos.toString() + log.warnings).doesNotContain("pa55-w0rd-fork");
        }
    }

    /** A run of what changed since {@code since}, uncommitted changes too, in {@code fork}. */
    BuildReport buildSince(String fork, String since, boolean push, String insecure) {
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"), List.of(), Optional.of(fork)), Optional.empty(), BranchPolicy.defaults(),
                Optional.of(since), Optional.of(true), List.of(), false, Map.of());
        RegistrySettings settings = new RegistrySettings(Set.of(insecure), Duration.ofSeconds(5), 2,
                Duration.ofMillis(20));
        return BuildCommand.build(new BuildRequest(new ReleaseCheckRequest(plan, settings, false), Optional.of(push),
                LatestTag.RELEASE, Map.of(), dockerHost, null, Duration.ofSeconds(60), IndexMode.AUTO),
                CredentialSource.none(), DaemonFactory.fabric8(), true, log);
    }

    /** The digest the registry gives {@code repository:tag}, by HEAD as the plugin asks. */
    String digestOf(String repository, String tag) throws Exception {
        String path = repository.substring(repository.indexOf('/') + 1);
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + registry.host() + "/v2/" + path + "/manifests/" + tag)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).header("Accept", MultiPlatformBuildTest.ACCEPT).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).as("HEAD " + path + ":" + tag).isEqualTo(200);
        return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    @Test
    void imagesBuiltOnEachOtherAreRefusedBeforeAnythingIsBuilt() {
        git.write("src/base/Dockerfile", "FROM scratch AS files\nCOPY base.txt /base.txt\n\nFROM " + app
                + ":1.0.1-x\nCOPY --from=files /base.txt /base.txt\n");
        git.commit("the base on the app");

        assertThatThrownBy(this::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("src/base/Dockerfile:4: image 'base' is built FROM 'app' of this run, and 'app'"
                        + " on 'base' (directly or through others): neither can be built first")
                .hasMessageContaining("src/app/Dockerfile:1: image 'app' is built FROM 'base' of this run");
        assertThat(git.root().resolve("target/oda/build.json")).content().contains("\"images\": []");
    }

    @Test
    void aCopyFromAnImageOfTheRunIsRefusedWithTheStageThatMendsIt() throws Exception {
        git.write("src/app/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nCOPY --from=" + base
                + ":1.0.1-x /base.txt /from-base.txt\n");
        git.commit("the app copies a file of the base");

        // the base is built and pushed as usual; the app is refused, naming its line and the stage to write
        assertThatThrownBy(this::build).isInstanceOf(InvalidInputException.class).hasMessageContaining(
                "src/app/Dockerfile:3: image 'app' copies from 'base' of this run (COPY --from=" + base + ":1.0.1-x),"
                        + " which the daemon would take from the tag's previous push, not from this run's build: name"
                        + " it in a stage (FROM " + base + ":1.0.1-x AS base-files) and COPY --from=base-files");

        git.write("src/base/base.txt", "base v2\n");
        git.write("src/app/Dockerfile", "FROM " + base + ":1.0.1-x AS base-files\nFROM scratch\nCOPY app.txt"
                + " /app.txt\nCOPY --from=base-files /base.txt /from-base.txt\n");
        git.commit("as the message says");
        assertThat(build().images()).extracting(BuiltImage::status).containsExactly(BuildStatus.PUSHED,
                BuildStatus.PUSHED);
        assertThat(filesByPlatform(app, "1.0.1-x").values()).hasSize(2).allSatisfy(f -> assertThat(f)
                .containsEntry("from-base.txt", "base v2\n").doesNotContainKey("base.txt"));
    }

    @Test
    void aCopyFromABaseOfAnotherRunOfThisPushIsRefusedWithTheStageThatMendsIt() throws Exception {
        git.write("src/base/base.txt", "base v2\n");
        git.write("src/app/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nCOPY --from=" + base
                + ":1.0.1-x /base.txt /from-base.txt\n");
        git.commit("the base changes; the app copies a file of it");

        // the app's own CI job: the base is another job's
        assertThatThrownBy(() -> build(List.of("app"), true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("src/app/Dockerfile:3: image 'app' copies from 'base' of this push (COPY --from="
                        + base + ":1.0.1-x), which the daemon would take from the tag's previous push, not from this"
                        + " push's build: name it in a stage (FROM " + base + ":1.0.1-x AS base-files) and COPY"
                        + " --from=base-files");
    }

    @Test
    void anImageThatRunsCommandsOnAForeignImageMadeNativelySaysToPushTheBaseFirst() {
        git.write("src/app/Dockerfile", "FROM " + base + ":1.0.1-x\nCOPY app.txt /app.txt\nRUN [\"/app\"]\n");
        git.write("dockerbuild-config.yaml", git.read("dockerbuild-config.yaml").replaceFirst(
                "(?s)(app:.*)platforms: linux/amd64,linux/arm64", "$1platforms: linux/arm64"));
        git.commit("the app runs a program, for arm64 only");

        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image app runs commands for linux/arm64 on base of this run (FROM at"
                        + " src/app/Dockerfile:1), whose linux/arm64 image was made on this daemon's platform")
                .hasMessageContaining("Build and push base first (" + Setting.IMAGES.set("base") + " "
                        + Setting.PUSH.set("true") + "), then app");
    }

    /** Each platform's files of the image (and its config's platform under "config"), as the registry holds them. */
    Map<String, Map<String, String>> filesByPlatform(String image, String tag) throws Exception {
        String repository = image.substring(registry.host().length() + 1);
        JsonObject index = get(repository, "/manifests/" + tag);
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (JsonElement e : index.getAsJsonArray("manifests")) {
            JsonObject entry = e.getAsJsonObject();
            JsonObject manifest = get(repository, "/manifests/" + entry.get("digest").getAsString());
            JsonObject config = get(repository, "/blobs/" + manifest.getAsJsonObject("config").get("digest")
                    .getAsString());
            Map<String, String> files = new HashMap<>();
            files.put("config", config.get("os").getAsString() + "/" + config.get("architecture").getAsString());
            for (JsonElement layer : manifest.getAsJsonArray("layers")) {
                byte[] blob = blob(repository, layer.getAsJsonObject().get("digest").getAsString());
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                        new ByteArrayInputStream(blob)))) {
                    for (var f = tar.getNextEntry(); f != null; f = tar.getNextEntry()) {
                        if (f.isFile()) {
                            files.put(f.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            JsonObject platform = entry.getAsJsonObject("platform");
            out.put(platform.get("os").getAsString() + "/" + platform.get("architecture").getAsString(), files);
        }
        return out;
    }

    JsonObject get(String repository, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + registry.host() + "/v2/" + repository + path)).header("Accept", MultiPlatformBuildTest.ACCEPT)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    byte[] blob(String repository, String digest) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(HttpRequest
                .newBuilder(URI.create("http://" + registry.host() + "/v2/" + repository + "/blobs/" + digest))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
