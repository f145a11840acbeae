package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.NeedsDockerAndModernCli;

/**
 * The plugin reads a {@code .dockerignore} as Docker does, checked against a docker CLI on random contexts and
 * patterns: a {@code COPY . /app/} image built by the classic builder of a docker CLI of version 23 or later
 * (BuildKit's matcher; the 20.10 CLI's differs, see {@code BuildContextTest}) and one built by the plugin hold the
 * same files and folders with the same content. Patterns come from the pieces that decide Docker's matching: '*', '**', '?',
 * classes, '!' exceptions, escapes, '..', leading '/' and './', trailing '/', and the Dockerfile and
 * {@code .dockerignore} themselves, which the CLI sends whatever the patterns say. A file the plugin refuses, docker
 * build refuses.
 *
 * <p>One difference is BuildKit's on purpose: the classic CLI does not walk into a left-out folder unless an
 * exception's text starts with the folder's path, so {@code !**}{@code /x} does not give back {@code a/x} after
 * {@code a} was left out; BuildKit's walk does. There, and only there, the plugin's image may hold more.
 */
@AddLifecycleHook(NeedsDockerAndModernCli.class)
class IgnoreFileProperties {

    private static final List<String> FILES = List.of("x.txt", "y.md", ".env", "ab.txt", "a b.txt", "a/x.txt",
            "a/y.md", "a/.env", "a/c/x.txt", "a/c/d/y.md", "b/x.txt", "b/c/x.txt", "c/x.txt", "c/a/y.md", "x\\y",
            "\u00e9.txt");
    private static final List<String> EMPTY_FOLDERS = List.of("e", "a/e", "b/c/e");

    private String host;
    private Path dir;

    @BeforeProperty
    void folder() throws IOException {
        host = LocalDocker.host();
        dir = Files.createTempDirectory("oda-ignore-");
    }

    @AfterProperty
    void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 40)
    void theImageHoldsWhatTheCliSends(@ForAll("files") Set<String> files, @ForAll("folders") Set<String> folders,
            @ForAll("ignoreFiles") List<String> patterns) throws Exception {
        Path ctx = Files.createTempDirectory(dir, "ctx");
        for (String file : files) {
            Files.createDirectories(ctx.resolve(file).getParent());
            Files.writeString(ctx.resolve(file), file + "\n");
        }
        for (String folder : folders) {
            Files.createDirectories(ctx.resolve(folder));
        }
        Files.writeString(ctx.resolve(".dockerignore"), String.join("\n", patterns) + "\n");
        Path dockerfile = Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");

        String ignoreFile = String.join("\n", patterns);
        Optional<String> refused = patterns.stream().map(DockerIgnore::syntaxError).flatMap(Optional::stream)
                .findFirst();
        if (refused.isPresent()) {
            if (refused.get().contains("regular expression")) {
                return; // refused on purpose: Docker reads the line as a regex (or never evaluates it)
            }
            // a syntax error the plugin refuses, docker build refuses too
            assertThat(LocalDocker.modernClassicBuild(host, ctx, dockerfile).built()).as("docker build of a context"
                    + " whose .dockerignore the plugin refuses (%s):\n%s", refused.get(), ignoreFile).isFalse();
            return;
        }
        ClassicAndPluginImages images = ClassicAndPluginImages.built(LocalDocker::modernClassicBuild, host, ctx,
                dockerfile, "oda-test/ignore-prop:1", context -> context);
        assertThat(images.pluginEntries().keySet()).as("entries of the image, .dockerignore:\n%s", ignoreFile)
                .containsAll(images.cliEntries().keySet());
        Set<String> more = new HashSet<>(images.pluginEntries().keySet());
        more.removeAll(images.cliEntries().keySet());
        DockerIgnore ignore = DockerIgnore.parse(patterns);
        assertThat(more).as("entries the CLI did not send, .dockerignore:\n%s", ignoreFile)
                .allMatch(entry -> inAFolderTheClassicCliSkips(entry.substring("app/".length()), ignore, patterns));
        images.cliFiles().forEach((name, content) -> assertThat(images.pluginFiles().get(name)).as(name)
                .isEqualTo(content));
    }

    /**
     * Whether the classic CLI never walked to this entry: it or a folder above it is a folder left out whose path
     * begins no exception's text (the CLI's own test, on the pattern as cleaned). BuildKit sends such a folder when
     * an exception gives back something in it.
     */
    private static boolean inAFolderTheClassicCliSkips(String entry, DockerIgnore ignore, List<String> patterns) {
        List<String> exceptions = patterns.stream().filter(p -> p.startsWith("!"))
                .map(p -> p.substring(1).replaceFirst("^\\./|^/", "").replaceFirst("/$", "") + "/").toList();
        for (int slash = entry.indexOf('/'); slash >= 0; slash = entry.indexOf('/', slash + 1)) {
            String folder = entry.substring(0, slash);
            if (ignore.excludes(folder) && exceptions.stream().noneMatch(e -> e.startsWith(folder + "/"))) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<Set<String>> files() {
        return Arbitraries.of(FILES).set().ofMinSize(1);
    }

    @Provide
    Arbitrary<Set<String>> folders() {
        return Arbitraries.of(EMPTY_FOLDERS).set();
    }

    @Provide
    Arbitrary<List<String>> ignoreFiles() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "c", "d", "e", "x.txt", "y.md", ".env", "a b.txt", "*",
                "**", "?", "*.txt", "*.md", "[ab]*", "[^a]*", "[a-c]", ".*", "a*", "x.*", "?.txt", "Dockerfile",
                ".dockerignore", "Docker*", "**x", "a**", "x\\\\y", "\\*", "?\u00e9*", "..");
        Arbitrary<String> pattern = Combinators.combine(Arbitraries.of("", "", "", "!"),
                Arbitraries.of("", "", "", "/", "./"), segment.list().ofMinSize(1).ofMaxSize(3)
                        .map(s -> String.join("/", s)), Arbitraries.of("", "", "", "/"))
                .as((not, lead, body, trail) -> not + lead + body + trail);
        return pattern.list().ofMinSize(1).ofMaxSize(5);
    }
}
