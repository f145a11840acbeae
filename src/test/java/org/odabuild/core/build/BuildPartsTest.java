package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.values.YqPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.Setting;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.policy.TagPolicyTestSupport;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.yaml.snakeyaml.Yaml;

class BuildPartsTest {

    @TempDir
    Path dir;

    @Test
    void junitReportTotals() {
        assertThat(JUnitReport.parse("<testsuite tests=\"3\" failures=\"0\" errors=\"0\"/>").passed()).isTrue();
        JUnitReport suites = JUnitReport.parse("""
                <?xml version="1.0"?>
                <testsuites><testsuite tests="2" failures="1"/><testsuite tests="1" errors="1"/></testsuites>""");
        assertThat(suites).isEqualTo(new JUnitReport(3, 1, 1));
        assertThat(JUnitReport.parse("<testsuite><testcase><failure/></testcase></testsuite>").failures()).isOne();
        assertThatThrownBy(() -> JUnitReport.parse("all good")).hasMessageContaining("not a JUnit XML report");
        assertThatThrownBy(() -> JUnitReport.parse("<x/>")).hasMessageContaining("no <testsuite>");
        assertThatThrownBy(() -> JUnitReport.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite>&e;</testsuite>")).hasMessageContaining("not a JUnit XML report");
    }

    @Test
    void aDockerignoreLinkedOutsideTheRepositoryIsRefusedAndOneInsideIsRead() throws Exception {
        Path repo = dir.resolve("repo");
        Fixtures.write(repo, "src/Dockerfile", "FROM scratch\n");
        Fixtures.write(repo, "src/app.txt", "v1\n");
        Path secret = Fixtures.write(dir, "home/.docker/config.json", "{\"auths\":{\"x\":{\"auth\":\"c2VjcmV0\"}}}");
        Files.createSymbolicLink(repo.resolve("src/.dockerignore"), secret);
        var layout = new org.odabuild.core.config.RepoLayout(repo);
        var image = TagPolicyTestSupport.image("1.0.1", "x"); // buildContext src
        assertThatThrownBy(() -> ImageBuilder.context(layout, repo.resolve("target/oda"), image))
                .hasMessage(".dockerignore of image op 'src/.dockerignore' leads outside the repository through a"
                        + " symbolic link: the build reads only files of the repository; replace the link by the file"
                        + " itself");
        Files.delete(repo.resolve("src/.dockerignore"));
        Fixtures.write(repo, "shared.dockerignore", "app.txt\n");
        Files.createSymbolicLink(repo.resolve("src/.dockerignore"), Path.of("../shared.dockerignore"));
        assertThat(ImageBuilder.context(layout, repo.resolve("target/oda"), image).files())
                .doesNotContain("app.txt").contains("Dockerfile");
    }

    @Test
    void aDockerignorePatternDockerRefusesIsNamedRelativeToTheRepository() {
        Path repo = dir.resolve("repo");
        Fixtures.write(repo, "src/Dockerfile", "FROM scratch\n");
        Fixtures.write(repo, "src/.dockerignore", "*.md\nf[.txt\n");
        var layout = new org.odabuild.core.config.RepoLayout(repo);
        // a GitHub annotation needs the file as the repository names it
        assertThatThrownBy(() -> ImageBuilder.context(layout, repo.resolve("target/oda"),
                TagPolicyTestSupport.image("1.0.1", "x"))).hasMessageStartingWith("src/.dockerignore:2: 'f[.txt'");
    }

    @Test
    void sourceHashFollowsContentsAndUserArgsButNotTime() throws Exception {
        Fixtures.write(dir, "ctx/Dockerfile", "FROM scratch\n");
        Fixtures.write(dir, "ctx/app.txt", "v1\n");
        BuildContext ctx = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile"));
        String base = SourceHash.of(ctx, Optional.empty(), Map.of(), IndexedBlobs.NONE);
        assertThat(SourceHash.of(ctx, Optional.empty(), Map.of(), IndexedBlobs.NONE)).isEqualTo(base);
        assertThat(SourceHash.of(ctx, Optional.empty(), Map.of("X", "1"), IndexedBlobs.NONE)).isNotEqualTo(base);
        Fixtures.write(dir, "ctx/app.txt", "v2\n");
        assertThat(SourceHash.of(BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile")), Optional.empty(),
                Map.of(), IndexedBlobs.NONE)).isNotEqualTo(base);
        // the git blob id of "v1\n", as `git hash-object` prints it
        Files.writeString(dir.resolve("blob"), "v1\n");
        assertThat(SourceHash.blobId(dir.resolve("blob"))).isEqualTo("626799f0f85326a8c1fc522db584e86cdfccd51f");
    }

    @Test
    void sourceHashFollowsTheExecuteBitThatTheArchiveSends() throws Exception {
        Fixtures.write(dir, "ctx/Dockerfile", "FROM scratch\n");
        Path script = Fixtures.write(dir, "ctx/entrypoint.sh", "#!/bin/sh\n");
        BuildContext ctx = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile"));
        String plain = SourceHash.of(ctx, Optional.empty(), Map.of(), IndexedBlobs.NONE);
        assertThat(ctx.executable("entrypoint.sh")).isFalse();
        // a commit that only makes the script executable gives another image (0755): it must not look up to date
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ctx.executable("entrypoint.sh")).isTrue();
        assertThat(SourceHash.of(ctx, Optional.empty(), Map.of(), IndexedBlobs.NONE)).isNotEqualTo(plain);
    }

    /**
     * An empty folder is sent, so it is in the source hash: adding one is a new image. The reports folder's parents
     * count as empty only when they hold something else, or every goal run would change the hash.
     */
    @Test
    void sourceHashHoldsTheEmptyFoldersTheArchiveSends() throws Exception {
        Fixtures.write(dir, "ctx/Dockerfile", "FROM scratch\n");
        Fixtures.write(dir, "ctx/app.txt", "x\n");
        Path reports = Files.createDirectories(dir.resolve("ctx/target/oda"));
        BuildContext before = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile"), Optional.of(reports));
        assertThat(before.emptyFolders()).as("target holds only the reports").isEmpty();
        String plain = SourceHash.of(before, Optional.empty(), Map.of(), IndexedBlobs.NONE);

        Files.createDirectories(dir.resolve("ctx/uploads"));
        BuildContext after = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile"), Optional.of(reports));
        assertThat(after.emptyFolders()).containsExactly("uploads");
        assertThat(SourceHash.of(after, Optional.empty(), Map.of(), IndexedBlobs.NONE)).isNotEqualTo(plain);
    }

    @Test
    void aLineBreakInAKeyCannotStartALineOfYamlInTheHeader() throws Exception {
        var plain = TagPolicyTestSupport.image("1.0.1", "issue7");
        var c = plain.config();
        var config = new org.odabuild.core.config.ImageConfig("op\nop:\n  version: evil", c.displayName(),
                c.fileName(), "charts/a/values.yaml\u2028injected: 1", c.valuesPathImage(), c.valuesPathVersion(),
                c.valuesPathPrereleaseSuffix(), c.paths(), c.buildContext(), c.buildDockerfile(), c.testDockerfile(),
                c.platforms(), c.platformsExplicit(), c.location(), c.settingsAt());
        var image = new org.odabuild.core.resolve.ResolvedImage(config, plain.image(), plain.tag(), plain.versionAt(),
                plain.suffixAt());
        String digest = "sha256:" + "b".repeat(64);

        Path file = ValuesDigests.write(dir, List.of(new ValuesDigests.Pin(image, digest)), new RecordingLog());

        Map<String, Object> yaml = new Yaml().load(Files.readString(file));
        assertThat(yaml).containsOnlyKeys("op");
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) yaml.get("op");
        assertThat(op).containsEntry("version", "1.0.1-issue7@" + digest);
    }

    @Test
    void latestTagPolicy() {
        assertThat(LatestTag.parse("release").applies(true)).isTrue();
        assertThat(LatestTag.parse("release").applies(false)).isFalse();
        assertThat(LatestTag.parse("ALWAYS").applies(false)).isTrue();
        assertThat(LatestTag.parse("never").applies(true)).isFalse();
        assertThatThrownBy(() -> LatestTag.parse("sometimes")).hasMessageContaining("release, always, never");
    }

    @Test
    void valuesDigestsPinTagAndDigestAtTheValuesPaths() throws Exception {
        var image = TagPolicyTestSupport.image("1.0.1", "issue7");
        String digest = "sha256:" + "a".repeat(64);
        Path file = ValuesDigests.write(dir, List.of(new ValuesDigests.Pin(image, digest)), new RecordingLog());
        Map<String, Object> yaml = new Yaml().load(Files.readString(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) yaml.get("op");
        assertThat(op).containsEntry("version", "1.0.1-issue7@" + digest).containsEntry("prereleaseSuffix", "")
                .containsEntry("digest", digest);
    }

    @Test
    void aTopLevelVersionIsPinnedAsOdaCanvasBaseimageKeepsIt() throws Exception {
        // baseimages/kubectl-curl/version.yaml: image, version and prereleaseSuffix at the top (.version)
        var plain = TagPolicyTestSupport.image("1.30.5", null);
        var c = plain.config();
        var config = new org.odabuild.core.config.ImageConfig("baseimage-kubectl-curl", c.displayName(),
                c.fileName(), "baseimages/kubectl-curl/version.yaml", YqPath.parse(".image"),
                YqPath.parse(".version"), Optional.of(YqPath.parse(".prereleaseSuffix")), c.paths(), c.buildContext(),
                c.buildDockerfile(), c.testDockerfile(), c.platforms(), c.platformsExplicit(), c.location(),
                c.settingsAt());
        var image = new org.odabuild.core.resolve.ResolvedImage(config, plain.image(), plain.tag(), plain.versionAt(),
                plain.suffixAt());
        String digest = "sha256:" + "c".repeat(64);

        Path file = ValuesDigests.write(dir, List.of(new ValuesDigests.Pin(image, digest)), new RecordingLog());

        Map<String, Object> yaml = new Yaml().load(Files.readString(file));
        assertThat(yaml).containsEntry("version", "1.30.5@" + digest).containsEntry("prereleaseSuffix", "")
                .containsEntry("digest", digest).containsEntry("image", plain.image().name());
    }

    @Test
    void aTestImageBuildThatHangsIsStoppedByTheTestTimeout() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> TestImage.buildWithin(java.time.Duration.ofMillis(300), "oda-test/op:1",
                        () -> {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }))
                        .isInstanceOf(org.odabuild.core.docker.DockerException.class)
                        .hasMessage("building the test image oda-test/op:1 took longer than 300 ms ("
                                + Setting.TEST_TIMEOUT + ")"));
        TestImage.buildWithin(java.time.Duration.ofSeconds(5), "oda-test/op:1", () -> { });
    }

    @Test
    void aTestTimeoutOfNothingIsAClearError() {
        assertThatThrownBy(() -> new BuildRequest(null, java.util.Optional.empty(), LatestTag.RELEASE,
                java.util.Map.of(), "unix:///x", null, java.time.Duration.ofSeconds(-5), IndexMode.AUTO, 1))
                .isInstanceOf(org.odabuild.core.InvalidInputException.class)
                .hasMessageStartingWith(Setting.TEST_TIMEOUT + " -5 is not a time to wait");
    }
}
