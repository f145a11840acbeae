package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;

/**
 * What the daemon builds from is what the context holds, byte for byte: over its unix socket (sendfile, see
 * {@link UnixSocketPost}) and over tcp (fabric8's connection), read back from the image with {@code docker save}.
 */
class DaemonReceivesContextTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"DOCKER_HOST", "tcp"})
    void everyFileLinkAndModeArrivesInTheImage(String how) throws Exception {
        String host = how.equals("tcp") ? LocalDocker.tcpHost() : LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Map<String, byte[]> files = ContextArchiveTest.awkwardContext(ctx);
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(host, null, new RecordingLog())) {
            DockerDaemon.LocalImage built = daemon.build(new DockerDaemon.Build("oda-test/context:" + how.length(),
                    BuildContext.of(ctx, dockerfile), Map.of(), Optional.empty(), true));

            Map<String, byte[]> contents = new HashMap<>();
            Map<String, String> links = new HashMap<>();
            Map<String, Integer> modes = new HashMap<>();
            daemon.save(built.id(), in -> {
                ClassicAndPluginImages.readLayers(in, contents, links, modes);
                return null;
            });
            files.forEach((name, content) -> assertThat(contents.get("ctx/" + name)).as(name).isEqualTo(content));
            assertThat(links).containsEntry("ctx/long-link", "t".repeat(150))
                    .containsEntry("ctx/short-link", "small.txt");
            assertThat(modes.get("ctx/run.sh") & 0777).isEqualTo(0755);
            assertThat(modes.get("ctx/small.txt") & 0777).isEqualTo(0644);
            assertThat(contents.keySet()).as("no file of the plugin's own in the image")
                    .allMatch(name -> files.containsKey(name.substring("ctx/".length())));
        }
    }

    /**
     * A checkout without {@code git lfs} (actions/checkout's default) leaves pointer files in the context: the build
     * goes on, since the Dockerfile need not copy them, and says so once for the image, not once per platform.
     */
    @Test
    void gitLfsPointersInTheContextAreSaidOnceForTheImage() throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx/models"));
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + "4d7a".repeat(16)
                + "\nsize 12345\n";
        Files.writeString(ctx.resolve("model.bin"), pointer);
        Files.writeString(dir.resolve("ctx/about.txt"), pointer.replace("version", "Version")); // a look-alike
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY about.txt /\n");
        RecordingLog log = new RecordingLog();
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(host, null, log)) {
            BuildContext context = BuildContext.of(dir.resolve("ctx"), dockerfile);
            for (String platform : List.of("linux/amd64", "linux/arm64")) {
                daemon.build(new DockerDaemon.Build("oda-test/lfs:" + platform.substring(6), context, Map.of(),
                        Optional.of(platform), true));
            }
        }
        assertThat(log.warnings).filteredOn(w -> w.contains("LFS")).singleElement().asString()
                .startsWith("image oda-test/lfs:amd64: its build context " + dir.resolve("ctx") + " holds a Git LFS"
                        + " pointer, not the file stored in LFS (models/model.bin): the image holds the pointer"
                        + " wherever it copies one; fetch it before the build (git lfs pull; actions/checkout:"
                        + " with lfs: true)");
    }

    /**
     * An image that copies its whole context holds what {@code docker build} puts there: the Dockerfile when it lies
     * in the context, the {@code .dockerignore} unless it lists itself, nothing of the plugin's own (it sent its
     * Dockerfile as {@code .oda/Dockerfile} and every {@code COPY . /app} took it along).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inside  | -",
        "inside  | secret.env",
        "inside  | Dockerfile\\n.dockerignore\\nsecret.env",
        "outside | -",
        "outside | .dockerignore\\nsecret.env",
        "outside | secret.env",
        "unneeded | -",
        "unneeded | secret.env",
        "unneeded | Dockerfile\\n.dockerignore\\nsecret.env"})
    void theImageHoldsWhatDockerBuildPutsThere(String where, String dockerignore) throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("a.txt"), "a\n");
        Files.writeString(ctx.resolve("secret.env"), "TOKEN=x\n");
        if (!dockerignore.equals("-")) {
            Files.writeString(ctx.resolve(".dockerignore"), dockerignore.replace("\\n", "\n") + "\n");
        }
        // unneeded: the daemon gets the Dockerfile without its first stage, the file stays in the context as it is
        Path dockerfile = Files.writeString(where.equals("outside") ? dir.resolve("op-dockerfile")
                : ctx.resolve("Dockerfile"), (where.equals("unneeded") ? "FROM scratch AS unused\nCOPY a.txt /u\n" : "")
                + "FROM scratch\nCOPY . /app/\n");

        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, ctx, dockerfile, "oda-test/like-cli:1",
                where.equals("unneeded")
                ? context -> context.withDockerfile(UnneededStages.of(dockerfileBytes(context), Map.of())
                        .orElseThrow().dockerfile())
                : context -> context);
        Map<String, byte[]> byCli = images.cliFiles();
        Map<String, byte[]> byPlugin = images.pluginFiles();
        assertThat(byPlugin.keySet()).isEqualTo(byCli.keySet()).contains("app/a.txt")
                .noneMatch(name -> name.contains(".oda") || name.contains(".dockerfile"));
        // the CLI adds the random name it gave an outside Dockerfile to a .dockerignore that stays, and so does the
        // plugin for the Dockerfile it sends in place of the context's: only that differs
        byCli.keySet().stream().filter(name -> !name.equals("app/.dockerignore") || where.equals("inside"))
                .forEach(name -> assertThat(byPlugin.get(name)).as(name).isEqualTo(byCli.get(name)));
        if (where.equals("unneeded") && byCli.containsKey("app/.dockerignore")) {
            String cli = new String(byCli.get("app/.dockerignore"), StandardCharsets.UTF_8);
            assertThat(new String(byPlugin.get("app/.dockerignore"), StandardCharsets.UTF_8))
                    .isEqualTo(cli + "\n" + BuildContext.OUTSIDE_DOCKERFILE + "\n");
        }
    }

    private static byte[] dockerfileBytes(BuildContext context) {
        try {
            return context.dockerfileBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code .dockerignore} as Docker reads it, compared with the docker CLI on the same context: a UTF-8 byte order
     * mark (an editor's "UTF-8 with BOM") before the first pattern, CRLF line ends, patterns cleaned as paths
     * ({@code sub//x}, {@code x/../y}, {@code ./a/./b/}), and {@code  #x} a pattern where only a line starting with
     * '#' is a comment. A secret the CLI leaves out is never in the plugin's image.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "BOMsecret.env",
        "sub//secret.env",
        "x/../secret.env",
        "./sub/./secret.env/",
        "  #x\nsecret.env",
        "# secret.env\r\nsub/keep.txt\r\n",
        "BOM# a comment\n!sub/keep.txt\nsub"})
    void anIgnoreFileIsReadAsDockerReadsIt(String dockerignore) throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        for (String file : new String[] {"a.txt", "secret.env", "#x", "sub/secret.env", "sub/keep.txt"}) {
            Files.createDirectories(ctx.resolve(file).getParent());
            Files.writeString(ctx.resolve(file), file + "\n");
        }
        Files.write(ctx.resolve(".dockerignore"), dockerignore.replace("BOM", "\uFEFF").replace("\\r", "\r")
                .replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");

        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, ctx, dockerfile,
                "oda-test/ignore-file:1");
        Map<String, byte[]> byCli = images.cliFiles();
        Map<String, byte[]> byPlugin = images.pluginFiles();
        assertThat(byCli.keySet()).as("the CLI left something out").hasSizeLessThan(7);
        assertThat(byPlugin.keySet()).isEqualTo(byCli.keySet());
    }

    /**
     * A {@code .dockerignore} class and {@code ?} as Docker reads them (Go's regexp, on code points): {@code [!x]} is a
     * class of '!' and 'x', not "all but x" (only {@code [^x]} is that), and an emoji is one character for {@code ?}
     * and for a class. The plugin once read {@code [!x]} as "all but x", and took an emoji as two characters.
     */
    @Test
    void aClassOrAQuestionMarkIsReadAsDockerReadsIt() throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        String emoji = "\uD83D\uDE00";
        for (String file : List.of("b!.txt", "bx.txt", "bb.txt", "b" + emoji + ".txt", "c" + emoji + ".txt",
                "cx.txt", "e" + emoji + ".txt", "ee.txt", "d" + emoji + ".txt")) {
            Files.writeString(ctx.resolve(file), file + "\n");
        }
        Files.writeString(ctx.resolve(".dockerignore"), "b[!x].txt\nc[^x].txt\ne?.txt\nd[\uD83D\uDE00-\uD83D\uDE02].txt\n");
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");

        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, ctx, dockerfile,
                "oda-test/ignore-classes:1");
        assertThat(images.cliFiles().keySet()).as("what the docker CLI sends").containsExactlyInAnyOrder(
                "app/.dockerignore", "app/Dockerfile", "app/bb.txt", "app/b" + emoji + ".txt", "app/cx.txt");
        assertThat(images.pluginFiles().keySet()).isEqualTo(images.cliFiles().keySet());
    }

    /**
     * A build context that is itself a link to a folder is that folder, as the docker CLI resolves it: its files are
     * sent, where a link inside the context stays a link.
     */
    @Test
    void aContextThatIsALinkIsTheFolderItNames() throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("src/a"));
        Files.writeString(ctx.resolve("a.txt"), "a\n");
        Files.createDirectories(ctx.resolve("sub"));
        Files.writeString(ctx.resolve("sub/b.txt"), "b\n");
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");
        Path link = Files.createSymbolicLink(dir.resolve("src/link"), Path.of("a"));

        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, link, link.resolve("Dockerfile"),
                "oda-test/linked-context:1");
        Map<String, byte[]> byCli = images.cliFiles();
        Map<String, byte[]> byPlugin = images.pluginFiles();
        assertThat(byPlugin.keySet()).isEqualTo(byCli.keySet()).contains("app/a.txt", "app/sub/b.txt");
    }

    /**
     * Empty folders are sent, as the docker CLI sends them: {@code COPY uploads /uploads} of one builds (it failed
     * with "file not found in build context"), {@code COPY . /app} creates them, and a folder whose files the
     * {@code .dockerignore} leaves out is there empty; a folder it leaves out is not.
     */
    @Test
    void emptyFoldersArriveAsWithTheCli() throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("a.txt"), "a\n");
        Files.createDirectories(ctx.resolve("uploads"));
        Files.createDirectories(ctx.resolve("deep/x/y"));
        Files.createDirectories(ctx.resolve("ignored/sub"));
        Files.createDirectories(ctx.resolve("kept"));
        Files.writeString(ctx.resolve("kept/k.txt"), "k\n");
        Files.writeString(ctx.resolve(".dockerignore"), "ignored\nkept/*\n");
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"),
                "FROM scratch\nCOPY uploads /uploads\nCOPY . /app/\n");

        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, ctx, dockerfile,
                "oda-test/empty-folders:1");
        Map<String, Integer> byCli = images.cliEntries();
        Map<String, Integer> byPlugin = images.pluginEntries();
        assertThat(byPlugin.keySet()).isEqualTo(byCli.keySet())
                .contains("uploads/", "app/uploads/", "app/deep/x/y/", "app/kept/")
                .doesNotContain("app/ignored/", "app/kept/k.txt");
    }

    /**
     * A '\\' in a file name is part of the name on Linux, as the docker CLI sends it: the plugin once read it as a
     * folder separator and its build failed on a file {@code x/y} that is not there. Found by
     * {@code IgnoreFileProperties} with file names beyond its committed set.
     */
    @Test
    void aBackslashInAFileNameIsPartOfTheName() throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.createDirectories(ctx.resolve("sub"));
        for (String file : List.of("x\\y", "sub/a\\b.txt", "sub/keep.txt", "left\\out.txt")) {
            Files.writeString(ctx.resolve(file), file + "\n");
        }
        Files.writeString(ctx.resolve(".dockerignore"), "left?out.txt\n");
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");

        assertThat(BuildContext.of(ctx, dockerfile).files()).contains("x\\y", "sub/a\\b.txt")
                .doesNotContain("left\\out.txt");
        ClassicAndPluginImages images = ClassicAndPluginImages.built(host, ctx, dockerfile,
                "oda-test/backslash-names:1");
        assertThat(images.pluginFiles().keySet()).isEqualTo(images.cliFiles().keySet())
                .contains("app/x\\y", "app/sub/a\\b.txt");
        images.cliFiles().forEach((name, content) -> assertThat(images.pluginFiles().get(name)).as(name)
                .isEqualTo(content));
    }

    /**
     * BuildKit's Dockerfile-specific ignore file ({@code op-dockerfile.dockerignore}) replaces the context's
     * {@code .dockerignore}, which is then a file like any other: the image holds what BuildKit's would.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.txt | secret.env                           | .dockerignore,a.txt,op-dockerfile,op-dockerfile.dockerignore",
        "-     | secret.env\\nop-dockerfile*          | a.txt",
        "-     | secret.env\\nop-dockerfile\\n.dockerignore | a.txt,op-dockerfile.dockerignore"})
    void aDockerfilesOwnIgnoreFileDecidesAsWithBuildkit(String rootIgnore, String ownIgnore, String expected)
            throws Exception {
        String host = LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("a.txt"), "a\n");
        Files.writeString(ctx.resolve("secret.env"), "TOKEN=x\n");
        if (!rootIgnore.equals("-")) {
            Files.writeString(ctx.resolve(".dockerignore"), rootIgnore + "\n");
        }
        Files.writeString(ctx.resolve("op-dockerfile.dockerignore"), ownIgnore.replace("\\n", "\n") + "\n");
        Path dockerfile = Files.writeString(ctx.resolve("op-dockerfile"), "FROM scratch\nCOPY . /app/\n");

        Map<String, byte[]> contents = new HashMap<>();
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(host, null, new RecordingLog())) {
            DockerDaemon.LocalImage built = daemon.build(new DockerDaemon.Build("oda-test/own-ignore:1",
                    BuildContext.of(ctx, dockerfile), Map.of(), Optional.empty(), true));
            daemon.save(built.id(), in -> {
                ClassicAndPluginImages.readLayers(in, contents, new HashMap<>(), new HashMap<>());
                return null;
            });
        }
        assertThat(contents.keySet()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(expected.split(","))
                .map(name -> "app/" + name).toList());
    }
}
