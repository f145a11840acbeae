package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.testing.Fixtures;

class BuildContextTest {

    @TempDir
    Path dir;

    /** Each pattern as docker build (Debian's docker.io 20.10, classic builder) took or refused it, tried by hand. */
    @Test
    void aPatternDockerBuildRefusesIsRefusedAtItsLine() throws Exception {
        for (String refused : List.of("f[.txt", "a[]b", "[-a]", "a[b-]", "abc\\", "a[b-c-d]", "[]a]")) {
            assertThat(DockerIgnore.syntaxError(refused)).as(refused).isPresent();
        }
        for (String taken : List.of("a\\[b", "[!a]x", "[^a]x", "*.md", "[a-c]?.txt", "x[\\]]y", "# f[", "a*[b-]",
                "a**[b-]a", "x{*", "x|y")) {
            assertThat(DockerIgnore.syntaxError(taken)).as(taken).isEmpty();
        }
        // Go checks a pattern only as far as matching "." goes: after a mismatch, a broken class past a '*' passes
        assertThat(DockerIgnore.syntaxError("*[b-]")).isPresent();
        // docker build takes these, but reads '|', '{2}' and '\d' as a regular expression's, not as the characters
        for (String regex : List.of("x|*", "a{2}*", "\\d*", "!b|c?")) {
            assertThat(DockerIgnore.syntaxError(regex)).as(regex).get(InstanceOfAssertFactories.STRING)
                    .contains("as a regular expression's syntax here");
        }
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(ctx.resolve("f[.txt"), "x\n");
        Files.writeString(ctx.resolve(".dockerignore"), "*.md\nf[.txt\n");
        assertThatThrownBy(() -> BuildContext.of(ctx, ctx.resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".dockerignore:2: 'f[.txt' is not a pattern docker build takes: the '[' at"
                        + " character 2 opens a class of characters that is never closed")
                .hasMessageContaining("write '\\[' for a '[' meant as itself");
        // escaped as the message says, it leaves that file out, as docker build does
        Files.writeString(ctx.resolve(".dockerignore"), "*.md\nf\\[.txt\n");
        assertThat(BuildContext.of(ctx, ctx.resolve("Dockerfile")).files()).doesNotContain("f[.txt");
    }

    @Test
    void dockerIgnoreSemantics() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("# comment", "", "*.md", "!README.md", "tmp/", "/build",
                "**/*.pyc", "docs/**"));
        assertThat(ignore.excludes("CHANGES.md")).isTrue();
        assertThat(ignore.excludes("README.md")).isFalse();
        assertThat(ignore.excludes("sub/CHANGES.md")).isFalse(); // * stays in one folder
        assertThat(ignore.excludes("tmp/a/b.txt")).isTrue();     // a folder excludes its contents
        assertThat(ignore.excludes("build/x")).isTrue();
        assertThat(ignore.excludes("src/a/b.pyc")).isTrue();
        assertThat(ignore.excludes("docs/x/y")).isTrue();
        assertThat(ignore.excludes("src/main.py")).isFalse();
    }

    /**
     * BuildKit's decisions (moby's patternmatcher {@code MatchesUsingParentResults}, which fsutil's walk and docker
     * 28's CLI use), where the classic docker 20.10 CLI differs. Checked by hand with docker 28.2.2's CLI
     * ({@code DOCKER_BUILDKIT=0}, the same matcher) for the first; the second is fsutil's walk, which enters a left-out
     * folder when an exception has a wildcard (the classic CLI skips it).
     */
    @Test
    void anExceptionGivesBackOnlyWhatWasLeftOutThroughItsFolderAsBuildkitDecides() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("b/k", "**/?/", "!/d2"));
        assertThat(ignore.excludes("d2/a")).as("left out by **/? itself; !d2 does not give it back").isTrue();
        assertThat(ignore.excludes("d2")).isFalse();
        DockerIgnore folder = DockerIgnore.parse(List.of("d2", "!d2"));
        assertThat(folder.excludes("d2/a")).as("left out through d2, given back through d2").isFalse();
        DockerIgnore wildcard = DockerIgnore.parse(List.of("*", "!*/[ab]"));
        assertThat(wildcard.excludes(".g/a")).isFalse();
        assertThat(wildcard.excludes(".g/c")).isTrue();
        assertThat(DockerIgnore.parse(List.of("*", ".//!*//[ab]")).excludes(".g/a"))
                .as("cleaning .//!*//[ab] gives the exception !*/[ab], as Docker's matcher reads it").isFalse();
    }

    /**
     * Docker trims a pattern as Go's {@code strings.TrimSpace} does, twice: before a leading '/' is dropped and after,
     * so {@code / a} leaves out {@code a}; a no-break space is white space there, U+001F is not (Java's {@code strip}
     * reads both the other way). Each checked with the docker CLIs 20.10 and 28.2.
     */
    @Test
    void spacesAroundAPatternAreTakenOffAsDockerTakesThemOff() {
        DockerIgnore ignore = DockerIgnore.parse(List.of("/ a", "\u00a0b", "\u202fc", "\u001fd"));
        assertThat(ignore.excludes("a/f")).isTrue();
        assertThat(ignore.excludes("b")).isTrue();
        assertThat(ignore.excludes("c")).isTrue();
        assertThat(ignore.excludes("d")).isFalse();
        assertThat(ignore.excludes("\u001fd")).isTrue();
    }

    /** docker build refuses the whole file for a '!' alone, also one that cleaning leaves (each tried by hand). */
    @Test
    void aLoneExceptionMarkIsRefusedAsDockerBuildRefusesIt() {
        for (String refused : List.of("!", " ! ", "/!", "./!", "!/")) {
            assertThat(DockerIgnore.syntaxError(refused)).as(refused).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("illegal exclusion pattern");
        }
        assertThat(DockerIgnore.syntaxError("!x")).isEmpty();
        assertThat(DockerIgnore.syntaxError("abc\\/")).as("cleaned to abc\\, which ends in a backslash").isPresent();
    }

    @Test
    void aDockerfileFromOutsideIsSentUnderAFixedNameThatTheDockerignoreDrops() throws Exception {
        Fixtures.write(dir, "ctx/app.py", "print(1)\n");
        Fixtures.write(dir, "ctx/sub/lib.py", "x = 1\n");
        Fixtures.write(dir, "ctx/secret.env", "TOKEN=x\n");
        Fixtures.write(dir, "ctx/.dockerignore", "*.env\n");
        Fixtures.write(dir, "elsewhere/op-dockerfile", "FROM scratch\n");
        BuildContext context = BuildContext.of(dir.resolve("ctx"), dir.resolve("elsewhere/op-dockerfile"));
        assertThat(context.files()).containsExactly(".dockerignore", "app.py", "sub/lib.py");
        assertThat(context.dockerfileEntry()).isEqualTo(BuildContext.OUTSIDE_DOCKERFILE);

        Path tar = context.writeTar(dir.resolve("out/ctx.tar"));
        Map<String, String> entries = entries(tar);
        assertThat(entries.keySet()).containsExactly("app.py", "sub/lib.py", ".dockerignore",
                BuildContext.OUTSIDE_DOCKERFILE);
        assertThat(entries.get(BuildContext.OUTSIDE_DOCKERFILE)).isEqualTo("FROM scratch\n");
        assertThat(entries.get(".dockerignore")).isEqualTo("*.env\n\n" + BuildContext.OUTSIDE_DOCKERFILE + "\n");
        byte[] first = Files.readAllBytes(tar);
        assertThat(Files.readAllBytes(context.writeTar(dir.resolve("out/again.tar")))).isEqualTo(first);

        Files.delete(dir.resolve("ctx/.dockerignore"));
        assertThat(entries(BuildContext.of(dir.resolve("ctx"), dir.resolve("elsewhere/op-dockerfile"))
                .writeTar(dir.resolve("out/none.tar")))).containsEntry(".dockerignore", ".dockerignore\n"
                        + BuildContext.OUTSIDE_DOCKERFILE + "\n").containsKey("secret.env");
    }

    @Test
    void aDockerfileInTheContextIsSentUnderItsOwnPathEvenWhenIgnored() throws Exception {
        Fixtures.write(dir, "ctx/app.py", "print(1)\n");
        Fixtures.write(dir, "ctx/docker/op-dockerfile", "FROM scratch\n");
        BuildContext plain = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/docker/op-dockerfile"));
        assertThat(plain.dockerfileEntry()).isEqualTo("docker/op-dockerfile");
        assertThat(entries(plain.writeTar(dir.resolve("out/plain.tar"))).keySet())
                .containsExactly("app.py", "docker/op-dockerfile");

        // the daemon reads both, then drops them from the context, as the .dockerignore asks
        Fixtures.write(dir, "ctx/.dockerignore", ".dockerignore\ndocker/\n");
        BuildContext ignored = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/docker/op-dockerfile"));
        assertThat(ignored.files()).containsExactly("app.py");
        assertThat(entries(ignored.writeTar(dir.resolve("out/ignored.tar"))))
                .containsExactly(Map.entry("app.py", "print(1)\n"),
                        Map.entry(".dockerignore", ".dockerignore\ndocker/\n"),
                        Map.entry("docker/op-dockerfile", "FROM scratch\n"));
    }

    @Test
    void aDockerfilesOwnIgnoreFileReplacesTheContexts() throws Exception {
        Fixtures.write(dir, "ctx/README.md", "# op\n");
        Fixtures.write(dir, "ctx/secret.env", "TOKEN=x\n");
        Fixtures.write(dir, "ctx/.dockerignore", "*.md\n");
        Fixtures.write(dir, "ctx/docker/op-dockerfile", "FROM scratch\n");
        assertThat(BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/docker/op-dockerfile")).files())
                .containsExactly(".dockerignore", "docker/op-dockerfile", "secret.env");

        Fixtures.write(dir, "ctx/docker/op-dockerfile.dockerignore", "*.env\ndocker/\n");
        BuildContext context = BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/docker/op-dockerfile"));
        assertThat(context.files()).containsExactly(".dockerignore", "README.md");
        assertThat(context.dockerfileEntry()).as("left out by the file the daemon does not read")
                .isEqualTo(BuildContext.OUTSIDE_DOCKERFILE);
        assertThat(entries(context.writeTar(dir.resolve("out/own.tar")))).containsExactly(
                Map.entry("README.md", "# op\n"),
                Map.entry(".dockerignore", "*.md\n\n" + BuildContext.OUTSIDE_DOCKERFILE + "\n"),
                Map.entry(BuildContext.OUTSIDE_DOCKERFILE, "FROM scratch\n"));
    }

    /** The archive's entries in order, with their text. */
    private static Map<String, String> entries(Path tar) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                assertThat(e.getModTime().getTime()).isZero();
                entries.put(e.getName(), new String(t.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void missingContextOrDockerfileSaysWhichSettingToFix() {
        assertThatThrownBy(() -> BuildContext.of(dir.resolve("nope"), dir.resolve("Dockerfile")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fix buildContext");
        Fixtures.write(dir, "ctx/a", "a");
        assertThatThrownBy(() -> BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fix buildDockerfile");
    }

    @Test
    void symbolicLinksAreSentAsLinksNeverAsWhatTheyPointTo() throws Exception {
        Path secret = Fixtures.write(dir, "outside/host-secret.txt", "SECRET-FROM-THE-RUNNER\n");
        Fixtures.write(dir, "ctx/app.py", "print(1)\n");
        Files.createDirectories(dir.resolve("outside/folder"));
        Fixtures.write(dir, "outside/folder/more.txt", "MORE-SECRET\n");
        Files.createSymbolicLink(dir.resolve("ctx/innocent.txt"), secret);
        Files.createSymbolicLink(dir.resolve("ctx/dir"), dir.resolve("outside/folder"));
        Files.createSymbolicLink(dir.resolve("ctx/local.py"), Path.of("app.py"));
        Path dockerfile = Fixtures.write(dir, "ctx/Dockerfile", "FROM scratch\nCOPY . /\n");
        Process fifo = new ProcessBuilder("mkfifo", dir.resolve("ctx/pipe").toString()).start();
        assertThat(fifo.waitFor()).isZero();

        BuildContext context = BuildContext.of(dir.resolve("ctx"), dockerfile);
        assertThat(context.files()).containsExactly("Dockerfile", "app.py", "dir", "innocent.txt", "local.py");
        assertThat(context.linkTarget("innocent.txt")).contains(secret.toString());
        Path tar = context.writeTar(dir.resolve("out/ctx.tar"));
        assertThat(new String(Files.readAllBytes(tar), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("SECRET-FROM-THE-RUNNER").doesNotContain("MORE-SECRET");
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            List<String> links = new ArrayList<>();
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isSymbolicLink()) {
                    links.add(e.getName() + " -> " + e.getLinkName());
                }
            }
            assertThat(links).containsExactly("dir -> " + dir.resolve("outside/folder"),
                    "innocent.txt -> " + secret, "local.py -> app.py");
        }
    }
}
