package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryCredentials;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.FaultProxy;
import org.odabuild.testing.ForeignBaseImage;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.LocalRegistry;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/**
 * Several platforms through the daemon alone, published as one OCI image index by one final manifest put, against
 * the real Debian docker-registry. The arm64 builds run no foreign code: COPY-only Dockerfiles, FROM scratch or
 * FROM a loaded arm64 base image.
 */
class MultiPlatformBuildTest {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String ACCEPT = String.join(", ", OCI_INDEX, "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    @TempDir
    static Path shared;
    static LocalRegistry registry;
    static String dockerHost;
    static int counter;

    @TempDir
    Path dir;
    TestGit git;
    String repo;
    LocalRegistry target;
    FaultProxy proxy;
    CredentialSource credentials = CredentialSource.none();
    IndexMode index = IndexMode.AUTO;
    final RecordingLog log = new RecordingLog();
    final Map<String, String> env = new HashMap<>();
    String auth;

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
        target = registry;
        repo = "multi/op" + (++counter) + "-" + System.nanoTime() % 100000;
        git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", OperatorRepo.config(""))
                .write("src/op/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\n")
                .write("src/op/app.txt", "v1 " + repo + "\n");
        values("1.0.0", "");
        git.commit("initial");
        git.branch("feature/multi");
        values("1.0.1", "multi");
        git.write("src/op/app.txt", "v2 " + repo + "\n");
        git.commit("a change on the branch");
    }

    @AfterEach
    void close() {
        git.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The registry part of the image name: the registry, or the fault proxy in front of it. */
    String host() {
        return proxy != null ? proxy.host() : target.host();
    }

    void values(String version, String suffix) {
        git.write("charts/values.yaml", "op:\n  image: " + host() + "/" + repo + "\n  version: " + version
                + "\n  prereleaseSuffix: " + suffix + "\n");
    }

    void platforms(String platforms) throws Exception {
        Path config = git.root().resolve("dockerbuild-config.yaml");
        Files.writeString(config, Files.readString(config) + "  platforms: " + platforms + "\n");
    }

    BuildRequest request() {
        Path root = git.root();
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"), List.of(), Optional.empty()), Optional.empty(), BranchPolicy.defaults(),
                Optional.empty(), Optional.of(false), List.of(), false, env);
        RegistrySettings settings = new RegistrySettings(Set.of(host()), Duration.ofSeconds(5), 2,
                Duration.ofMillis(20));
        return new BuildRequest(new ReleaseCheckRequest(plan, settings, false), Optional.of(true), LatestTag.RELEASE,
                Map.of(), dockerHost, null, Duration.ofSeconds(60), index);
    }

    BuildReport build(DaemonFactory daemons) {
        return BuildCommand.build(request(), credentials, daemons, true, log);
    }

    BuildReport build() {
        return build(DaemonFactory.fabric8());
    }

    JsonObject get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + target.host() + "/v2/" + repo + path))
                .header("Accept", ACCEPT);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The architecture each entry's config says, keyed by the entry's platform. */
    Map<String, String> architectures(JsonObject index) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonElement e : index.getAsJsonArray("manifests")) {
            JsonObject entry = e.getAsJsonObject();
            JsonObject platform = entry.getAsJsonObject("platform");
            JsonObject manifest = get("/manifests/" + entry.get("digest").getAsString());
            JsonObject config = get("/blobs/" + manifest.getAsJsonObject("config").get("digest").getAsString());
            out.put(platform.get("os").getAsString() + "/" + platform.get("architecture").getAsString(),
                    config.get("os").getAsString() + "/" + config.get("architecture").getAsString());
        }
        return out;
    }

    List<String> tags() throws Exception {
        List<String> tags = new ArrayList<>();
        get("/tags/list").getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        return tags;
    }

    @Test
    void twoPlatformsArePublishedAsOneIndexUnderTheTagAndNoOtherTag() throws Exception {
        BuiltImage built = build().images().get(0);

        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(built.index()).isTrue();
        JsonObject index = get("/manifests/1.0.1-multi");
        assertThat(index.get("mediaType").getAsString()).isEqualTo(OCI_INDEX);
        assertThat(architectures(index)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"));
        assertThat(tags()).containsExactly("1.0.1-multi");
        assertThat(log.infos).anyMatch(i -> i.contains("built once and published for each"));
        // BuildKit's reading of SOURCE_DATE_EPOCH, which the replaced workflows passed: created is HEAD's commit time
        JsonObject first = get("/manifests/" + index.getAsJsonArray("manifests").get(0).getAsJsonObject()
                .get("digest").getAsString());
        String created = get("/blobs/" + first.getAsJsonObject("config").get("digest").getAsString())
                .get("created").getAsString();
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.git().getRepository())) {
            long commitTime = walk.parseCommit(git.git().getRepository().resolve("HEAD")).getCommitTime();
            assertThat(java.time.Instant.parse(created)).isEqualTo(java.time.Instant.ofEpochSecond(commitTime));
        }
        assertThat(built.platforms()).extracting(BuiltImage.PlatformBuild::retargeted).containsExactly(false, true);
        assertThat(built.platforms()).extracting(BuiltImage.PlatformBuild::platform)
                .containsExactly("linux/amd64", "linux/arm64");
        JsonArray entries = index.getAsJsonArray("manifests");
        assertThat(built.platforms()).extracting(BuiltImage.PlatformBuild::digest).containsExactlyInAnyOrder(
                entries.get(0).getAsJsonObject().get("digest").getAsString(),
                entries.get(1).getAsJsonObject().get("digest").getAsString());
        assertThat(Files.readString(git.root().resolve("target/oda/values-digests.yaml")))
                .contains(built.digest());

        BuiltImage again = build().images().get(0);
        assertThat(again.status()).isEqualTo(BuildStatus.UP_TO_DATE);
        assertThat(again.digest()).isEqualTo(built.digest());
    }

    @Test
    void scratchImagesWithAnArgBeforeTheFirstCopyAreServedForEveryPlatform() throws Exception {
        // the classic builder fails this Dockerfile for a foreign platform; its files do not depend on the platform
        git.write("src/op/Dockerfile", "FROM scratch\nARG GIT_COMMIT_SHA\nCOPY app.txt /app.txt\n"
                + "LABEL it.commit=$GIT_COMMIT_SHA\n");
        git.commit("an ARG first");
        BuiltImage built = build().images().get(0);
        JsonObject index = get("/manifests/1.0.1-multi");
        assertThat(architectures(index)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"));
        List<JsonArray> layers = new ArrayList<>();
        for (JsonElement e : index.getAsJsonArray("manifests")) {
            layers.add(get("/manifests/" + e.getAsJsonObject().get("digest").getAsString()).getAsJsonArray("layers"));
        }
        assertThat(layers.get(0)).as("the same files on both platforms").isEqualTo(layers.get(1));
        assertThat(built.platforms().stream().map(BuiltImage.PlatformBuild::imageId).distinct())
                .as("one daemon build serves both").hasSize(1);
    }

    @Test
    void scratchImagesThatCopyByTheirTargetArchGetEachPlatformsFiles() throws Exception {
        // cross-compiled binaries copied by TARGETARCH, as buildx builds them: one build cannot serve both
        git.write("src/op/Dockerfile", "FROM scratch\nARG TARGETARCH\nCOPY app-${TARGETARCH}.txt /app.txt\n");
        git.write("src/op/app-amd64.txt", "for amd64\n");
        git.write("src/op/app-arm64.txt", "for arm64\n");
        git.commit("a file per architecture");
        BuiltImage built = build().images().get(0);

        JsonObject index = get("/manifests/1.0.1-multi");
        assertThat(architectures(index)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"));
        Map<String, String> appByPlatform = new HashMap<>();
        for (JsonElement e : index.getAsJsonArray("manifests")) {
            JsonObject entry = e.getAsJsonObject();
            JsonArray layers = get("/manifests/" + entry.get("digest").getAsString()).getAsJsonArray("layers");
            appByPlatform.put(entry.getAsJsonObject("platform").get("architecture").getAsString(),
                    fileInLayer(layers.get(layers.size() - 1).getAsJsonObject().get("digest").getAsString(),
                            "app.txt"));
        }
        assertThat(appByPlatform).containsExactlyInAnyOrderEntriesOf(Map.of("amd64", "for amd64\n",
                "arm64", "for arm64\n"));
        assertThat(built.platforms()).extracting(BuiltImage.PlatformBuild::retargeted).containsExactly(false, true);
    }

    @Test
    void aBuildForAnotherPlatformGetsItsPlatformArgsOverTheDockerfilesDefault() throws Exception {
        // oda-canvas' kubectl-curl: ARG TARGETPLATFORM=linux/amd64 picks the kubectl to download; buildx sets it
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        git.write("src/op/Dockerfile", "FROM oda-test/arm64-base:1\nARG TARGETPLATFORM=linux/amd64\nARG TARGETARCH\n"
                + "ARG BUILDPLATFORM\nENV P=$TARGETPLATFORM A=$TARGETARCH B=$BUILDPLATFORM\nCOPY app.txt /app.txt\n");
        platforms("linux/arm64");
        git.commit("arm64 with platform args");
        build();

        JsonObject index = get("/manifests/1.0.1-multi");
        JsonObject manifest = get("/manifests/" + index.getAsJsonArray("manifests").get(0).getAsJsonObject()
                .get("digest").getAsString());
        JsonObject config = get("/blobs/" + manifest.getAsJsonObject("config").get("digest").getAsString());
        List<String> env = new ArrayList<>();
        config.getAsJsonObject("config").getAsJsonArray("Env").forEach(v -> env.add(v.getAsString()));
        assertThat(env).contains("P=linux/arm64", "A=arm64", "B=linux/amd64");
    }

    /** The text of {@code name} in a gzipped layer blob of the repository. */
    String fileInLayer(String digest, String name) throws Exception {
        return layerFile(digest, name).content();
    }

    /** A file of an image layer as the registry holds it. */
    record LayerFile(String content, int mode, java.time.Instant modified) {
    }

    LayerFile layerFile(String digest, String name) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + target.host() + "/v2/" + repo
                + "/blobs/" + digest));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        byte[] blob = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(blob)))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new LayerFile(new String(tar.readAllBytes(), StandardCharsets.UTF_8), e.getMode(),
                            e.getLastModifiedDate().toInstant());
                }
            }
        }
        throw new AssertionError(name + " is not in layer " + digest);
    }

    /** A file of the last layer of the image that the tag names (a plain image, not an index). */
    LayerFile lastLayerFile(String name) throws Exception {
        JsonArray layers = get("/manifests/1.0.1-multi").getAsJsonArray("layers");
        return layerFile(layers.get(layers.size() - 1).getAsJsonObject().get("digest").getAsString(), name);
    }

    java.time.Instant headTime() throws Exception {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.git().getRepository())) {
            return java.time.Instant.ofEpochSecond(walk.parseCommit(git.git().getRepository().resolve("HEAD"))
                    .getCommitTime());
        }
    }

    @Test
    void filesCarryTheirTimeUpToTheCommitsAndAChmodAloneIsANewImage() throws Exception {
        platforms("linux/amd64");
        git.write("src/op/Dockerfile", "FROM scratch\nCOPY app.txt old.txt /\n");
        git.write("src/op/old.txt", "from an old archive\n");
        git.commit("native only, two files");
        java.time.Instant old = java.time.Instant.parse("2001-09-09T01:46:40Z");
        Files.setLastModifiedTime(git.root().resolve("src/op/old.txt"), java.nio.file.attribute.FileTime.from(old));
        // a fresh checkout writes the files after the commit: they get the commit's time, on every machine alike
        Files.setLastModifiedTime(git.root().resolve("src/op/app.txt"), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().plusSeconds(3600)));
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        LayerFile app = lastLayerFile("app.txt");
        assertThat(app.modified()).isEqualTo(headTime());
        assertThat(app.mode() & 0777).isEqualTo(0644);
        assertThat(lastLayerFile("old.txt").modified()).as("an older time stays").isEqualTo(old);

        // oda:build compares sources with the image's label: a mode change alone must not look up to date
        Files.setPosixFilePermissions(git.root().resolve("src/op/app.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        git.commit("app.txt executable");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(lastLayerFile("app.txt").mode() & 0777).isEqualTo(0755);
    }

    @Test
    void anIndexWithOtherPlatformsThanAskedForIsNotUpToDate() throws Exception {
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        platforms("linux/arm64");
        git.commit("arm64 only");

        BuiltImage rebuilt = build().images().get(0);
        assertThat(rebuilt.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(architectures(get("/manifests/1.0.1-multi"))).containsExactlyEntriesOf(Map.of(
                "linux/arm64", "linux/arm64"));
        assertThat(log.infos).anyMatch(i -> i.contains("but [linux/arm64] are asked for: building it again"));
    }

    @Test
    void aForeignBaseImageIsBuiltForItsPlatformAndAMissingVariantIsNamed() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        git.write("src/op/Dockerfile", "FROM oda-test/arm64-base:1\nCOPY app.txt /app.txt\n");
        platforms("linux/arm64");
        git.commit("arm64 from a base image");

        BuiltImage built = build().images().get(0);
        assertThat(built.index()).as("a platform that is not the daemon's own is published as an index").isTrue();
        JsonObject index = get("/manifests/1.0.1-multi");
        assertThat(architectures(index)).containsExactlyEntriesOf(Map.of("linux/arm64", "linux/arm64"));
        JsonObject manifest = get("/manifests/" + index.getAsJsonArray("manifests").get(0).getAsJsonObject()
                .get("digest").getAsString());
        assertThat(manifest.getAsJsonArray("layers")).as("the base layer and the COPY").hasSize(2);

        Path config = git.root().resolve("dockerbuild-config.yaml");
        Files.writeString(config, Files.readString(config).replace("platforms: linux/arm64",
                "platforms: linux/amd64,linux/arm64"));
        git.write("src/op/app.txt", "v3\n");
        git.commit("both platforms");
        assertTheArm64BaseHasNoAmd64Variant();
    }

    /**
     * A Dockerfile saved with a byte order mark is one the daemon builds from its base image: never taken for a FROM
     * scratch one built once and published for every platform (here the amd64 image would hold arm64 files).
     */
    @Test
    void aByteOrderMarkBeforeTheFromDoesNotMakeABaseImageLookLikeScratch() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        git.write("src/op/Dockerfile", "\uFEFFFROM oda-test/arm64-base:1\nCOPY app.txt /app.txt\n");
        platforms("linux/amd64,linux/arm64");
        git.commit("a Dockerfile saved as UTF-8 with BOM");
        assertTheArm64BaseHasNoAmd64Variant();
        assertThat(log.infos).noneMatch(i -> i.contains("built once and published for each"));
    }

    /**
     * {@code COPY --from=<image>} in a FROM scratch Dockerfile copies each platform's own files from that image: it
     * is built for each platform, never once natively and published for all (the arm64 image would hold amd64 files).
     */
    @Test
    void aCopyFromAnImageIsBuiltForEachPlatform() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        git.write("src/op/Dockerfile", "FROM scratch\nCOPY --from=oda-test/arm64-base:1 /base.txt /base.txt\n");
        platforms("linux/arm64");
        git.commit("a file of an arm64 image");
        BuiltImage built = build().images().get(0);
        assertThat(log.infos).noneMatch(i -> i.contains("built once and published for each"));
        assertThat(architectures(get("/manifests/1.0.1-multi"))).containsExactlyEntriesOf(Map.of(
                "linux/arm64", "linux/arm64"));
        assertThat(built.platforms()).hasSize(1);
    }

    @Test
    void aRunStepOfAnotherArchitectureWithoutQemuSaysWhatTheHostNeeds() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        git.write("src/op/Dockerfile", "FROM oda-test/arm64-base:1\nRUN [\"/base.txt\"]\n");
        platforms("linux/arm64");
        git.commit("a RUN step for arm64");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("a RUN step for linux/arm64 failed with 'exec format error'")
                .hasMessageContaining("cannot run linux/arm64 programs")
                .hasMessageContaining("docker/setup-qemu-action");
        assertThat(log.errors).as("the step the build failed at, as it printed it").first().asString()
                .startsWith("The build of " + host() + "/" + repo + ":1.0.1-multi for linux/arm64 failed at Step 2/2 :"
                        + " RUN [\"/base.txt\"]");
    }

    @Test
    void anOptionOnlyBuildkitBuildsIsNamedAtItsLineWithWhatWorksInstead() throws Exception {
        git.write("src/op/Dockerfile",
                "# syntax=docker/dockerfile:1\nFROM scratch\nCOPY --chmod=755 app.txt /app.txt\n");
        git.commit("a BuildKit option");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: src/op/Dockerfile:3 uses --chmod, which only BuildKit builds")
                .hasMessageContaining("a RUN chmod after the COPY")
                .hasMessageNotContaining("docs.docker.com/go/buildkit");
        // Docker 23 and later take ADD --checksum and check nothing: refused before the daemon sees it
        git.write("src/op/Dockerfile", "FROM scratch\nADD \\\n  --checksum=sha256:0000 app.txt /app.txt\n");
        git.commit("ADD --checksum");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: src/op/Dockerfile:2 uses --checksum, which only BuildKit builds")
                .hasMessageContaining("sha256sum -c");
        assertThat(log.debugs).as("the daemon built nothing").noneMatch(d -> d.contains("Step 1/"));
        // COPY --link: Docker 20.10 knows it only as an unknown flag, later ones build it with the same files
        String link = "FROM scratch\nCOPY app.txt /app.txt\nCOPY --link app.txt /linked.txt\n";
        git.write("src/op/Dockerfile", link);
        platforms("linux/amd64");
        git.commit("COPY --link");
        Path cliContext = Files.createDirectories(dir.resolve("cli"));
        Files.writeString(cliContext.resolve("app.txt"), "v\n");
        LocalDocker.CliBuild cli = LocalDocker.classicBuild(dockerHost, cliContext,
                Files.writeString(cliContext.resolve("Dockerfile"), link));
        if (cli.built()) {
            assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
            assertThat(lastLayerFile("linked.txt").mode() & 0777).isEqualTo(0644);
        } else {
            assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                    .hasMessageContaining("image op: src/op/Dockerfile:3 uses --link, which only BuildKit builds")
                    .hasMessageContaining("the same COPY without it gives the same files");
        }
        // a flag BuildKit does not know either is a typo, said as one (Docker 20.10: "Unknown flag: lnk", 26:
        // "unknown flag: lnk", 28: "unknown flag: --lnk (did you mean link?)")
        git.write("src/op/Dockerfile", "FROM scratch\nCOPY --lnk app.txt /linked.txt\n");
        git.commit("COPY --lnk");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContainingAll("image op: src/op/Dockerfile:2: ", "nknown flag: ", "lnk",
                        "fix the Dockerfile there");
    }

    /**
     * A heredoc is refused before the daemon sees it: Docker 20.10 fails on the heredoc's text, Docker 23 and later
     * build the image without it (a RUN heredoc runs nothing, a COPY one copies nothing).
     */
    @Test
    void aHeredocOrAnotherParseErrorIsNamedAtItsLine() throws Exception {
        git.write("src/op/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nCOPY <<EOF /greeting\nhello\nEOF\n");
        git.commit("a heredoc");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: src/op/Dockerfile:3 starts a heredoc (<<EOF), which only BuildKit"
                        + " builds")
                .hasMessageContaining("put the text into a file of the build context and COPY it")
                .hasMessageNotContaining("HELLO");
        git.write("src/op/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nRUN <<-SCRIPT\n\techo hi >/x\n"
                + "\tSCRIPT\n");
        git.commit("a RUN heredoc");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: src/op/Dockerfile:3 starts a heredoc (<<SCRIPT)");
        assertThat(log.debugs).as("the daemon built nothing").noneMatch(d -> d.contains("Step 1/"));
        git.write("src/op/Dockerfile", "FROM scratch\nCOPPY app.txt /app.txt\n");
        git.commit("a typo");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContainingAll("image op: src/op/Dockerfile:2: unknown instruction: COPPY",
                        "fix the Dockerfile there");
    }

    /**
     * {@code FROM --platform=$BUILDPLATFORM} builds as with BuildKit, which declares its platform args by itself: the
     * classic builder expands in FROM only the args declared before the first FROM, so the daemon gets the platform
     * put in, on the same line. Declared, it builds the same.
     */
    @Test
    void aPlatformArgInFromIsReadAsBuildkitReadsIt() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/amd64-base:1", "amd64", null, dir.resolve("base"));
        platforms("linux/amd64");
        Files.copy(LocalDocker.staticCat(dir.resolve("bin")), git.root().resolve("src/op/cat"));
        git.root().resolve("src/op/cat").toFile().setExecutable(true);
        String stages = "FROM --platform=$BUILDPLATFORM oda-test/amd64-base:1 AS build\nCOPY cat app.txt /\n"
                + "RUN [\"/cat\", \"/app.txt\"]\nFROM scratch\nCOPY --from=build /app.txt /app.txt\n";
        git.write("src/op/Dockerfile", stages);
        git.commit("a cross-build stage");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(lastLayerFile("app.txt")).isNotNull();

        git.write("src/op/Dockerfile", "ARG BUILDPLATFORM\n" + stages);
        git.commit("declared");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
    }


    /**
     * A base image published for both platforms, built for one, then the other: Docker 20.10 keeps one variant under
     * the tag and builds the second platform on it as it is (Docker 23 and later pull the missing variant). Built
     * again without cache it still is; pulled for the platform, it is right. Docker's containerd image store builds it
     * right, but puts the base's amd64 layer in the arm64 image (its save said so: checked on Docker 26.1 and 28.5).
     * Named by the digest of its arm64 manifest, as BuildKit resolves a FROM (the plugin reads it from the registry),
     * the base is right on every store, built once.
     */
    @Test
    void aMultiPlatformBaseImageIsPulledForEachPlatform() throws Exception {
        git.write("src/op/Dockerfile", "FROM scratch\nARG TARGETARCH\nCOPY app.txt /base-$TARGETARCH.txt\n");
        git.commit("a base image for both platforms");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        String base = host() + "/" + repo + ":1.0.1-multi";
        removeFromTheDaemon(base); // the daemon must pull it

        git.write("src/op/Dockerfile", "FROM " + base + "\nCOPY app.txt /app.txt\n");
        values("1.0.2", "multi");
        git.commit("an image on it, for both platforms");
        BuiltImage built = build().images().get(0);
        assertThat(log.infos).anyMatch(i -> i.startsWith("Building op for linux/arm64 FROM " + host() + "/" + repo
                + "@sha256:") && i.contains(", the linux/arm64 image of " + base + ": "));
        assertThat(log.infos).as("built once for each platform").noneMatch(i -> i.contains("building it again")
                || i.contains("again: pulling"));
        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        JsonObject index = get("/manifests/1.0.2-multi");
        assertThat(architectures(index)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"));
        for (JsonElement entry : index.getAsJsonArray("manifests")) {
            String arch = entry.getAsJsonObject().getAsJsonObject("platform").get("architecture").getAsString();
            JsonArray layers = get("/manifests/" + entry.getAsJsonObject().get("digest").getAsString())
                    .getAsJsonArray("layers");
            assertThat(layerFile(layers.get(0).getAsJsonObject().get("digest").getAsString(), "base-" + arch
                    + ".txt")).as("the " + arch + " image is on the " + arch + " base").isNotNull();
        }
    }

    /**
     * The same base image in a registry the plugin cannot read (not among its insecure registries, so asked over
     * HTTPS, where the daemon takes any loopback registry as insecure). The classic image stores build it right as
     * above. On the containerd image store the plugin cannot name the base's arm64 manifest: the build goes on as the
     * daemon finds the base, and the push stops at the layer the image's config does not name, saying what to do.
     */
    @Test
    void aBaseWhosePlatformsThePluginCannotReadIsStillCheckedLayerByLayer() throws Exception {
        try (LocalRegistry other = LocalRegistry.start(dir.resolve("other"))) {
            target = other;
            values("1.0.1", "multi");
            git.write("src/op/Dockerfile", "FROM scratch\nARG TARGETARCH\nCOPY app.txt /base-$TARGETARCH.txt\n");
            git.commit("a base image for both platforms, in the other registry");
            assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
            String base = other.host() + "/" + repo + ":1.0.1-multi";
            removeFromTheDaemon(base);

            target = registry;
            git.write("src/op/Dockerfile", "FROM " + base + "\nCOPY app.txt /app.txt\n");
            values("1.0.2", "multi");
            git.commit("an image on it, for both platforms");
            if (!LocalDocker.containerdImageStore(dockerHost)) {
                assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
                return;
            }
            assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                    .hasMessageContaining("image op: the daemon's archive of its linux/arm64 image holds a layer that"
                            + " the image's config does not name")
                    .hasMessageContaining("Name the base by that digest in the FROM line (FROM name@sha256:...)");
            assertThat(log.infos).anyMatch(i -> i.startsWith("Could not read the platforms of the base image " + base
                    + " of op from its registry"));
        }
    }

    /**
     * A FROM scratch stage copied into an image for another platform: the classic builder's cache gives back the
     * stage as built for the daemon's own platform, whose {@code COPY --from} it then refuses ("does not match the
     * specified platform"); built again without cache, it is the platform asked for.
     */
    @Test
    void aScratchStageCachedForAnotherPlatformIsBuiltAgainForThisOne() throws Exception {
        platforms("linux/amd64");
        git.write("src/op/Dockerfile", "FROM scratch AS files\nCOPY app.txt /app.txt\nFROM scratch\n"
                + "COPY --from=files /app.txt /app.txt\n");
        git.commit("a files stage, built for amd64");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);

        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        Path config = git.root().resolve("dockerbuild-config.yaml");
        Files.writeString(config, Files.readString(config).replace("platforms: linux/amd64", "platforms: linux/arm64"));
        git.write("src/op/Dockerfile", "FROM scratch AS files\nCOPY app.txt /app.txt\nFROM oda-test/arm64-base:1\n"
                + "COPY --from=files /app.txt /app.txt\n");
        values("1.0.2", "multi");
        git.commit("the same stage into an arm64 image");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(architectures(get("/manifests/1.0.2-multi"))).containsExactlyEntriesOf(Map.of(
                "linux/arm64", "linux/arm64"));
        assertThat(log.infos).as("a base the daemon holds for the platform is not looked up in a registry")
                .noneMatch(i -> i.contains("the platforms of the base image oda-test/arm64-base:1"));
        if (LocalDocker.serverVersion(dockerHost).startsWith("20.")) {
            // Docker 20.10's cache fails the COPY --from; later daemons build it right at once
            assertThat(log.infos).contains("The daemon's cache gave a stage of op built for another platform than"
                    + " linux/arm64; building it again without cache");
        }
        assertThat(log.errors).as("a build tried again failed at no step the user must look at").isEmpty();
    }

    /**
     * A stage built for the build platform ({@code FROM --platform=$BUILDPLATFORM}, the cross-compiling pattern) and
     * copied into the image of another platform: BuildKit copies across platforms, the classic builder cannot. Said
     * with the lines and what to do.
     */
    @Test
    void aStageOfTheBuildPlatformCopiedIntoAnotherPlatformSaysWhatToDo() throws Exception {
        ForeignBaseImage.load(dockerHost, "oda-test/arm64-base:1", "arm64", "v8", dir.resolve("base"));
        ForeignBaseImage.load(dockerHost, "oda-test/amd64-base:1", "amd64", null, dir.resolve("base"));
        platforms("linux/arm64");
        Files.copy(LocalDocker.staticCat(dir.resolve("bin")), git.root().resolve("src/op/cat"));
        git.root().resolve("src/op/cat").toFile().setExecutable(true);
        git.write("src/op/Dockerfile", "ARG BUILDPLATFORM\nFROM --platform=$BUILDPLATFORM oda-test/amd64-base:1 AS"
                + " build\nCOPY cat app.txt /\nRUN [\"/cat\", \"/app.txt\"]\nFROM oda-test/arm64-base:1\n"
                + "COPY --from=build /app.txt /app.txt\n");
        git.commit("a cross-build stage");
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("image op: a COPY --from=build copies from the stage whose FROM is at"
                        + " src/op/Dockerfile:2, ")
                .hasMessageContaining("into the linux/arm64 image (its --platform=$BUILDPLATFORM): the plugin builds"
                        + " through the Docker Engine API's classic builder, which copies only between stages of one"
                        + " platform")
                .hasMessageContaining("Remove --platform=$BUILDPLATFORM from src/op/Dockerfile:2 (the stage is then"
                        + " built for each platform, its RUN steps under QEMU)");
    }

    @Test
    void indexAlwaysWrapsEvenTheNativeImage() throws Exception {
        index = IndexMode.ALWAYS;
        platforms("linux/amd64");
        git.commit("native only");
        assertThat(build().images().get(0).index()).isTrue();
        assertThat(get("/manifests/1.0.1-multi").get("mediaType").getAsString()).isEqualTo(OCI_INDEX);
    }

    @Test
    void aSingleNativePlatformStaysAPlainImage() throws Exception {
        platforms("linux/amd64");
        git.commit("native only");
        BuiltImage built = build().images().get(0);
        assertThat(built.index()).isFalse();
        JsonObject manifest = get("/manifests/1.0.1-multi");
        assertThat(manifest.get("mediaType").getAsString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(get("/blobs/" + manifest.getAsJsonObject("config").get("digest").getAsString())
                .get("architecture").getAsString()).isEqualTo("amd64");
    }

    /** linux/x86_64 (uname -m's name, which buildx takes) is published as amd64, which machines pull. */
    @Test
    void aPlatformWrittenAsX8664IsPublishedAsAmd64() throws Exception {
        platforms("linux/x86_64,linux/aarch64");
        git.commit("uname names");
        build();
        assertThat(architectures(get("/manifests/1.0.1-multi"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "linux/amd64", "linux/amd64", "linux/arm64", "linux/arm64"));
    }

    /** docker build (CLI, daemon and BuildKit) takes a lowercase dockerfile when the context has no Dockerfile. */
    @Test
    void aContextWithOnlyALowercaseDockerfileIsBuiltFromIt() throws Exception {
        platforms("linux/amd64");
        git.delete("src/op/Dockerfile")
                .write("src/op/dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nLABEL read.from=lowercase\n");
        git.commit("a lowercase dockerfile, as oda-canvas' apigee operator has");
        assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
        JsonObject manifest = get("/manifests/1.0.1-multi");
        assertThat(get("/blobs/" + manifest.getAsJsonObject("config").get("digest").getAsString())
                .getAsJsonObject("config").getAsJsonObject("Labels").get("read.from").getAsString())
                .isEqualTo("lowercase");
    }

    @Test
    void aRegistryStoppedDuringTheUploadLeavesNoTagAndTheRunRed() throws Exception {
        target = LocalRegistry.start(dir.resolve("stopping"));
        LocalRegistry stopping = target;
        proxy = FaultProxy.start(target.host()).rule(new FaultProxy.Rule() {
            public Optional<FaultProxy.Answer> before(FaultProxy.Request request) {
                return Optional.empty();
            }

            public void after(FaultProxy.Request request, int status) {
                if (request.method().equals("PUT") && request.path().contains("/blobs/uploads/") && status == 201) {
                    stopping.close(); // one blob is in, the rest and the tag are not
                }
            }
        });
        try {
            values("1.0.1", "multi");
            git.commit("to the registry that stops");
            assertThatThrownBy(this::build).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("could not reach registry " + proxy.host());
            assertThat(proxy.log).anyMatch(l -> l.startsWith("PUT") && l.contains("/blobs/uploads/"))
                    .noneMatch(l -> l.startsWith("PUT") && l.contains("/manifests/"));
            target.restart();
            HttpResponse<String> tag = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + target.host() + "/v2/" + repo + "/manifests/1.0.1-multi")).header("Accept", ACCEPT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tag.statusCode()).isEqualTo(404);
            assertThat(Files.exists(git.root().resolve("target/oda/values-digests.yaml"))).isFalse();
        } finally {
            target.close();
        }
    }

    @Test
    void aRegistryThatRefusesOciManifestsGetsTheDockerTypes() throws Exception {
        proxy = FaultProxy.start(target.host()).rule(request -> request.method().equals("PUT")
                && request.path().contains("/manifests/") && request.contentType() != null
                && request.contentType().contains("vnd.oci")
                ? Optional.of(new FaultProxy.Answer(400, "{\"errors\":[{\"code\":\"MANIFEST_INVALID\","
                        + "\"message\":\"manifest invalid\",\"detail\":\"unsupported media type\"}]}"))
                : Optional.empty());
        values("1.0.1", "multi");
        git.commit("through a registry without OCI");
        BuiltImage built = build().images().get(0);
        assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
        assertThat(log.warnings).anyMatch(w -> w.contains("refuses OCI manifests")
                && w.contains("with the Docker media types instead"));
        JsonObject list = get("/manifests/1.0.1-multi");
        assertThat(list.get("mediaType").getAsString())
                .isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        assertThat(architectures(list)).containsOnlyKeys("linux/amd64", "linux/arm64");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + target.host() + "/v2/"
                + repo + "/manifests/1.0.1-multi")).header("Accept", ACCEPT).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Docker-Content-Digest")).contains(built.digest());
    }

    @Test
    void aPasswordProtectedRegistryTakesTheIndex() throws Exception {
        target = LocalRegistry.start(dir.resolve("protected"), "oda", "pa55-w0rd-multi");
        try {
            values("1.0.1", "multi");
            git.commit("to the protected registry");
            credentials = host -> host.equals(target.host())
                    ? Optional.of(new RegistryCredentials("oda", "pa55-w0rd-multi", null, "test")) : Optional.empty();
            BuiltImage built = build().images().get(0);
            assertThat(built.status()).isEqualTo(BuildStatus.PUSHED);
            auth = "Basic " + Base64.getEncoder().encodeToString("oda:pa55-w0rd-multi".getBytes(StandardCharsets.UTF_8));
            assertThat(architectures(get("/manifests/1.0.1-multi"))).containsOnlyKeys("linux/amd64", "linux/arm64");
            assertThat(log.infos.toString() + log.warnings).doesNotContain("pa55-w0rd-multi");
        } finally {
            target.close();
        }
    }

    /**
     * A base image in a password-protected registry is pulled with the login the plugin knows for it, as the docker
     * CLI sends its logins with a build ({@code X-Registry-Config}); without one the daemon's pull is refused.
     */
    @Test
    void aPrivateBaseImageIsPulledWithItsRegistrysLogin() throws Exception {
        LocalRegistry protectedRegistry = LocalRegistry.start(dir.resolve("private-base"), "oda", "pa55-w0rd-base");
        try {
            target = protectedRegistry;
            platforms("linux/amd64");
            values("1.0.1", "base");
            git.commit("the base image, to the protected registry");
            credentials = host -> host.equals(protectedRegistry.host())
                    ? Optional.of(new RegistryCredentials("oda", "pa55-w0rd-base", null, "test")) : Optional.empty();
            assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
            String base = protectedRegistry.host() + "/" + repo + ":1.0.1-base";
            removeFromTheDaemon(base); // the daemon must pull it

            target = registry;
            git.write("src/op/Dockerfile", "FROM " + base + "\nCOPY app.txt /app2.txt\n");
            values("1.0.2", "base");
            git.commit("an image on the private base image, to the open registry");
            assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
            assertThat(log.infos).anyMatch(i -> i.contains("may pull the base images of op with the logins for ["
                    + protectedRegistry.host() + "]"));
            assertThat(log.infos.toString() + log.warnings).doesNotContain("pa55-w0rd-base");

            // the registry named through an ARG before the FROM, as a Dockerfile that builds from a mirror does
            removeFromTheDaemon(base);
            log.infos.clear();
            git.write("src/op/Dockerfile", "ARG BASE_REGISTRY=" + protectedRegistry.host() + "\nFROM \\\n"
                    + "  ${BASE_REGISTRY}/" + repo + ":1.0.1-base\nCOPY app.txt /app3.txt\n");
            values("1.0.3", "base");
            git.commit("the base image's registry in an ARG");
            assertThat(build().images().get(0).status()).isEqualTo(BuildStatus.PUSHED);
            assertThat(log.infos).anyMatch(i -> i.contains("may pull the base images of op with the logins for ["
                    + protectedRegistry.host() + "]"));

            removeFromTheDaemon(base);
            credentials = CredentialSource.none();
            values("1.0.4", "base");
            git.commit("no login for the base image's registry");
            assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                    .hasMessageContaining(protectedRegistry.host());
        } finally {
            protectedRegistry.close();
        }
    }

    /** {@code docker rmi -f}, with the daemon's own package's CLI when there is one. */
    static void removeFromTheDaemon(String reference) {
        LocalDocker.remove(dockerHost, reference);
    }

    /**
     * The build for amd64 of an image on the arm64-only base image stops, naming the base image, its line and the
     * pull that mends it. Docker 20.10 builds on the arm64 image it holds (the plugin reads back what it gave), Docker
     * 23 and later try to pull the amd64 variant.
     */
    void assertTheArm64BaseHasNoAmd64Variant() {
        assertThatThrownBy(this::build).isInstanceOf(DockerException.class)
                .hasMessageContaining("'oda-test/arm64-base:1' (FROM at src/op/Dockerfile:1) has no linux/amd64"
                        + " variant on this daemon")
                .hasMessageContaining("docker pull --platform linux/amd64")
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("building for linux/amd64 gave a linux/arm64"),
                        e -> assertThat(e).hasMessageContaining("(it holds linux/arm64/v8), and the daemon could not"
                                + " pull one"));
    }
}
