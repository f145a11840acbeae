package org.odabuild.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.odabuild.core.edit.Bump;
import org.odabuild.core.edit.PrereleaseCommand;
import org.odabuild.core.edit.PrereleaseRequest;
import org.odabuild.core.edit.ReleasePrepCommand;
import org.odabuild.core.edit.ReleasePrepRequest;
import org.odabuild.core.plan.PlanCommand;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.ResolveVersions;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;
import org.yaml.snakeyaml.Yaml;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/cases.yaml}): every case fails with a clear message
 * that names the place and stays short, through the goal's core entry point, and changes no file of the repository.
 */
class BadInputCorpusTest {

    static final String CONFIG = "op:\n  valuesYamlFile: charts/values.yaml\n  valuesPathImage: .op.image\n"
            + "  valuesPathVersion: .op.version\n  valuesPathPrereleaseSuffix: .op.prereleaseSuffix\n"
            + "  paths: [src/**]\n  buildContext: src\n";
    static final String VALUES = "op:\n  image: org/op\n  version: 1.0.0\n  prereleaseSuffix:\n";

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/cases.yaml")) {
            return ((List<Map<String, Object>>) new Yaml().load(in)).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void failsClearlyAndChangesNothing(Map<String, Object> c) throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            git.write("dockerbuild-config.yaml", (String) c.getOrDefault("config", CONFIG))
                    .write("src/Dockerfile", "FROM scratch\n").write(".gitignore", "target/\n");
            Path values = git.root().resolve("charts/values.yaml");
            Files.createDirectories(values.getParent());
            if (!c.containsKey("values") || c.get("values") != null) {
                String text = (String) c.getOrDefault("values", VALUES);
                if (c.containsKey("long")) {
                    text = text.replace((String) c.get("long"), "x".repeat(1 << 20));
                }
                Files.write(values, text.getBytes(Boolean.TRUE.equals(c.get("latin1")) ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8));
            }
            if (c.containsKey("folder")) {
                Files.createDirectories(git.root().resolve((String) c.get("folder")));
            }
            if (c.containsKey("linkOutside")) {
                Path secret = Files.writeString(dir.resolve("secret.yaml"), "op:\n  image: s3cr3t\n");
                Files.createSymbolicLink(git.root().resolve((String) c.get("linkOutside")), secret);
            }
            git.commit("initial");
            Map<String, String> before = snapshot(git.root());

            Path root = git.root();
            ResolveRequest resolve = new ResolveRequest(root, Optional.empty(), Optional.empty(),
                    root.resolve("target/oda"), (List<String>) c.getOrDefault("images", List.of()),
                    Optional.ofNullable((String) c.get("imageRepository")));
            PlanRequest plan = new PlanRequest(resolve, Optional.empty(), BranchPolicy.defaults(),
                    Optional.ofNullable((String) c.get("since")), Optional.of(true), List.of(), false, Map.of());
            String goal = (String) c.getOrDefault("goal", "resolve");
            assertThatThrownBy(() -> {
                switch (goal) {
                    case "plan" -> PlanCommand.run(plan, new RecordingLog());
                    case "release-prep" -> ReleasePrepCommand.run(new ReleasePrepRequest(plan, Bump.PATCH, false),
                            new RecordingLog());
                    case "prerelease" -> {
                        git.branch("feature/corpus");
                        PrereleaseCommand.run(new PrereleaseRequest(new PlanRequest(resolve, Optional.empty(),
                                BranchPolicy.defaults(), Optional.empty(), Optional.of(true), List.of("op"), false,
                                Map.of()), Optional.empty(), Bump.valueOf((String) c.getOrDefault("bump", "PATCH")),
                                false), new RecordingLog());
                    }
                    default -> ResolveVersions.run(resolve, new RecordingLog());
                }
            }).isInstanceOf(OdaException.class)
                    .satisfies(e -> assertThat(Setting.plain(e.getMessage())).contains((String) c.get("expect")))
                    .hasMessageNotContaining("s3cr3t")
                    .satisfies(e -> assertThat(e.getMessage().length()).as("a short message").isLessThan(2000))
                    // Maven prints the message of every cause too
                    .satisfies(e -> assertThat(causeMessages(e)).as("causes' messages").doesNotContain("s3cr3t")
                            .doesNotContain("in 'reader', line").hasSizeLessThan(2000));
            assertThat(snapshot(git.root())).as("no file changed").isEqualTo(before);
        }
    }

    private static String causeMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** Every file of the work tree but the plugin's own reports, with its bytes. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !rel.startsWith(".git/")
                        && !rel.startsWith("target/")) {
                    files.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}
