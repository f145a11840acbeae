package org.odabuild.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

class DockerBuildConfigReaderTest {

    @TempDir
    Path repo;

    private final RecordingLog log = new RecordingLog();

    private DockerBuildConfig read(String yaml) {
        Path file = Fixtures.write(repo, "dockerbuild-config.yaml", yaml);
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(repo), log).read(file);
        if (!config.broken().isEmpty()) {
            throw BrokenImages.error(config.broken());
        }
        return config;
    }

    private static final String MINIMAL = """
            op:
              valuesYamlFile: charts/a/values.yaml
              valuesPathImage: .op.image
              valuesPathVersion: .op.version
              valuesPathPrereleaseSuffix: .op.prereleaseSuffix
              paths:
                - src/op/**/*
              buildContext: src/op
            """;

    @Test
    void readsAllSixteenOdaCanvasImages() {
        Path root = Fixtures.odaCanvasSource();
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(root), log)
                .read(root.resolve(Fixtures.ODA_CANVAS_CONFIG));
        assertThat(config.images()).hasSize(16);
        assertThat(config.displayName()).isEqualTo(Fixtures.ODA_CANVAS_CONFIG);
        assertThat(log.warnings).isEmpty();

        ImageConfig webhook = config.image("compcrdwebhook").orElseThrow();
        assertThat(webhook.fileName()).isEqualTo("compcrdwebhook");
        assertThat(webhook.displayName()).isEqualTo("Component-CRD-Webhook");
        assertThat(webhook.valuesYamlFile()).isEqualTo("charts/canvas-oda/values.yaml");
        assertThat(webhook.valuesPathVersion()).hasToString(".oda-webhook.version");
        assertThat(webhook.paths()).containsExactly("source/webhooks/webhook-dockerfile",
                "source/webhooks/implementation/*");
        assertThat(webhook.buildDockerfile()).isEqualTo("source/webhooks/webhook-dockerfile");
        assertThat(webhook.platforms()).containsExactly("linux/amd64", "linux/arm64");
        assertThat(webhook.platformsExplicit()).isFalse();
        assertThat(webhook.location().line()).isEqualTo(1);

        ImageConfig dependent = config.image("dependentapi-simple-operator").orElseThrow();
        assertThat(dependent.buildDockerfile()).isEqualTo(
                "source/operators/TMFOP005-Dependency-Management/simple-dependency-management/docker/Dockerfile");
        assertThat(dependent.testDockerfile()).contains(
                "source/operators/TMFOP005-Dependency-Management/simple-dependency-management/docker/DockerfileTest");
        assertThat(config.image("secretsmanagement-operator-vault")).isPresent();
        assertThat(config.image("oauth2envoyfilter-operator").orElseThrow().testDockerfile()).isEmpty();
    }

    @Test
    void aKeyThatNoCommaListOrCommandLineCarriesWholeIsRefusedAloneWithWhatToDo() {
        String other = MINIMAL.replace("op", "hook");
        for (String key : List.of("\"a,b\"", "\"a b\"", "\"a;rm -rf x\"", "\"$(id)\"", "\"a\\tb\"")) {
            DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(repo), log).read(Fixtures.write(
                    repo, "dockerbuild-config.yaml", other + key + MINIMAL.substring("op".length())));
            assertThat(config.images()).as(key).extracting(ImageConfig::key).containsExactly("hook");
            assertThat(config.broken()).singleElement().satisfies(b -> assertThat(b.reason())
                    .startsWith("dockerbuild-config.yaml:9:1: image key '")
                    .contains(" and the plan's images-to-build", "rename it using letters, digits"));
        }
        assertThatThrownBy(() -> read(MINIMAL.replaceFirst("^op:", "\"a,b\":")))
                .hasMessageContaining("image key 'a,b' has ',': keys are listed with commas in " + Setting.IMAGES);
    }

    @Test
    void aKeyWithALineBreakIsShownEscapedSoItStartsNoLineOfTheCiLog() {
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(repo), log).read(Fixtures.write(repo,
                "dockerbuild-config.yaml", "\"a\\n::error::forged\"" + MINIMAL.substring("op".length())));
        assertThat(config.broken()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("a\\x0a::error::forged");
            assertThat(BrokenImages.warnings(List.of(b))).singleElement().asString().doesNotContain("\n")
                    .contains("image key 'a\\x0a::error::forged' has U+000A");
        });
    }

    @Test
    void keysOfLettersDigitsDotsDashesUnderscoresAndSlashesAreRead() {
        assertThat(read(MINIMAL.replaceFirst("^op:", "Team_2/op-ä.v1:")).images()).extracting(ImageConfig::key)
                .containsExactly("Team_2/op-ä.v1");
    }

    @Test
    void defaultsForOptionalKeys() {
        ImageConfig op = read(MINIMAL).images().get(0);
        assertThat(op.displayName()).isEqualTo("op");
        assertThat(op.fileName()).isEqualTo("op");
        assertThat(op.buildDockerfile()).isEqualTo("src/op/Dockerfile");
        assertThat(op.testDockerfile()).isEmpty();
        assertThat(op.platforms()).isEqualTo(ImageConfig.DEFAULT_PLATFORMS);
    }

    @Test
    void platformsAsCommaListOrSequence() {
        assertThat(read(MINIMAL + "  platforms: linux/amd64, linux/arm64/v8\n").images().get(0).platforms())
                .containsExactly("linux/amd64", "linux/arm64/v8");
        ImageConfig seq = read(MINIMAL + "  platforms: [linux/amd64]\n").images().get(0);
        assertThat(seq.platforms()).containsExactly("linux/amd64");
        assertThat(seq.platformsExplicit()).isTrue();
    }

    @Test
    void aPlatformNamedTwiceIsBuiltOnceWithAWarning() {
        assertThat(read(MINIMAL + "  platforms: linux/amd64,linux/arm64/v8,linux/arm64,linux/amd64,linux/arm\n")
                .images().get(0).platforms()).containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm");
        assertThat(log.warnings).containsExactly(
                "dockerbuild-config.yaml:9:14: platforms of image 'op' names linux/arm64/v8 twice ('linux/arm64' is"
                        + " the same platform): it is built once; list it once",
                "dockerbuild-config.yaml:9:14: platforms of image 'op' names linux/amd64 twice: it is built once;"
                        + " list it once");
    }

    @Test
    void badPlatformIsAnError() {
        assertThatThrownBy(() -> read(MINIMAL + "  platforms: amd64\n"))
                .hasMessageContaining("dockerbuild-config.yaml:9:14")
                .hasMessageContaining("platform 'amd64'");
    }

    /** The daemon builds FROM scratch for linux/amd65 and says amd65: the index would carry an entry no machine pulls. */
    @Test
    void aPlatformNoMachineRunsIsAnErrorWithTheNameMeant() {
        assertThatThrownBy(() -> read(MINIMAL + "  platforms: linux/amd64,linux/amd65\n"))
                .hasMessage("dockerbuild-config.yaml:9:14: platform 'linux/amd65' of image 'op' names architecture"
                        + " 'amd65', which no machine runs: did you mean 'amd64'?");
        assertThatThrownBy(() -> read(MINIMAL + "  platforms: [linx/arm64]\n"))
                .hasMessageContaining("platform 'linx/arm64' of image 'op' names operating system 'linx', which no"
                        + " machine runs: did you mean 'linux'?");
        assertThatThrownBy(() -> read(MINIMAL + "  platforms: linux/x64\n"))
                .hasMessageContaining("names architecture 'x64', which no machine runs: the architectures an image"
                        + " index names are 386, amd64, arm, arm64,");
        assertThat(read(MINIMAL + "  platforms: linux/ppc64le,linux/s390x,linux/riscv64,linux/arm/v7,windows/amd64\n")
                .images().get(0).platforms()).hasSize(5);
    }

    @Test
    void normalisesPaths() {
        ImageConfig op = read(MINIMAL.replace("buildContext: src/op", "buildContext: ./src/x/../op/")).images().get(0);
        assertThat(op.buildContext()).isEqualTo("src/op");
    }

    @Test
    void anImageKeyWrittenTwiceRefusesThatKeyAloneNamingBothLines() {
        String other = MINIMAL.replace("op", "hook");
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(repo), log).read(Fixtures.write(repo,
                "dockerbuild-config.yaml", MINIMAL + other + MINIMAL + MINIMAL.replace("src/op", "src/op2")));
        assertThat(config.images()).extracting(ImageConfig::key).containsExactly("hook");
        assertThat(config.broken()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("op");
            assertThat(b.reason()).isEqualTo("dockerbuild-config.yaml:17:1: image key 'op' is defined 3 times (first"
                    + " at line 1, again at lines 17, 25): rename one of them or merge the entries; none of them is"
                    + " built until then");
        });
        assertThatThrownBy(() -> read(MINIMAL + MINIMAL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:9:1: image key 'op' is defined twice (first at line 1)");
    }

    @Test
    void oneOfOdaCanvasConfigsWroteAnImageKeyTwiceAndTheOthersStillBuild() {
        // b6f216e (a feature branch): a second 'carbon-management-operator' entry for TMFOP011 below the first, for
        // TMFOP004; the generator's PyYAML kept the second without a word. Also keys with a space before the colon.
        Path root = Fixtures.copyOdaCanvasAt("b6f216e", repo);
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(root), log)
                .read(root.resolve(Fixtures.ODA_CANVAS_CONFIG));
        assertThat(config.images()).hasSize(17).extracting(ImageConfig::key)
                .contains("compcrdwebhook", "secretsmanagement-operator-vault", "tmf628-carbon-intensity-api")
                .doesNotContain("carbon-management-operator");
        assertThat(config.image("compcrdwebhook").orElseThrow().fileName()).isEqualTo("compcrdwebhook");
        assertThat(config.broken()).singleElement().satisfies(b -> assertThat(b.reason()).isEqualTo(
                Fixtures.ODA_CANVAS_CONFIG + ":311:1: image key 'carbon-management-operator' is defined twice (first at"
                        + " line 227): rename one of them or merge the entries; none of them is built until then"));
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void duplicateSettingIsAnError() {
        assertThatThrownBy(() -> read(MINIMAL + "  buildContext: other\n"))
                .hasMessageContaining("dockerbuild-config.yaml:9:3")
                .hasMessageContaining("'buildContext' is set twice for image 'op'");
    }

    @Test
    void missingRequiredKeyNamesTheImageAndKey() {
        assertThatThrownBy(() -> read(MINIMAL.replace("  buildContext: src/op\n", "")))
                .hasMessageContaining("dockerbuild-config.yaml:1:1")
                .hasMessageContaining("image 'op' has no buildContext: add 'buildContext: ...'");
    }

    @Test
    void illTypedKeysAreErrors() {
        assertThatThrownBy(() -> read(MINIMAL.replace("    - src/op/**/*\n", "    src/op/**/*\n")))
                .hasMessageContaining("dockerbuild-config.yaml:7:5")
                .hasMessageContaining("paths of image 'op' must be a list");
        assertThatThrownBy(() -> read(MINIMAL.replace("valuesYamlFile: charts/a/values.yaml",
                "valuesYamlFile: [a, b]")))
                .hasMessageContaining("dockerbuild-config.yaml:2:19")
                .hasMessageContaining("'valuesYamlFile' of image 'op' must be a single text value, not a list");
        assertThatThrownBy(() -> read("op: just-a-string\n"))
                .hasMessageContaining("image 'op' must be a mapping");
        assertThatThrownBy(() -> read("- a\n- b\n")).hasMessageContaining("expected a mapping of image keys");
    }

    @Test
    void badYqPathIsAnError() {
        assertThatThrownBy(() -> read(MINIMAL.replace(".op.version", "op.version")))
                .hasMessageContaining("dockerbuild-config.yaml:4:22")
                .hasMessageContaining("valuesPathVersion of image 'op'")
                .hasMessageContaining("must start with '.'");
    }

    @Test
    void unknownKeyIsAWarning() {
        read(MINIMAL + "  buildArgs: x\n");
        assertThat(log.warnings).singleElement().asString()
                .contains("dockerbuild-config.yaml:9:3")
                .contains("unknown setting 'buildArgs' of image 'op'");
    }

    @Test
    void aGlobThatNamesAFolderIsAWarningSinceItMatchesNoFile() throws Exception {
        java.nio.file.Files.createDirectories(repo.resolve("src/op"));
        DockerBuildConfig config = read(MINIMAL.replace("- src/op/**/*", "- src/op\n    - src/op/Dockerfile"));
        assertThat(config.images().get(0).paths()).containsExactly("src/op", "src/op/Dockerfile");
        assertThat(log.warnings).singleElement().asString()
                .contains("dockerbuild-config.yaml:7:7")
                .contains("paths entry 'src/op' of image 'op' names a folder")
                .contains("write 'src/op/**'");
        log.warnings.clear();
        read(MINIMAL.replace("- src/op/**/*", "- src/op/"));
        assertThat(log.warnings).singleElement().asString().contains("write 'src/op/**'");
        // a file, a glob, and a name that is not there are no such mistake
        log.warnings.clear();
        read(MINIMAL.replace("- src/op/**/*", "- src/op/*\n    - src/none\n    - src/op/Dockerfile"));
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void globsThatMatchNoFileOnGithubAreWarningsWithTheGlobMeant() {
        // typed on Windows: git and GitHub name folders with /
        read(MINIMAL.replace("- src/op/**/*", "- 'src\\op\\**'"));
        assertThat(log.warnings).singleElement().asString().contains("dockerbuild-config.yaml:7:7")
                .contains("paths entry 'src\\op\\**' of image 'op' has '\\' between folders, where git and GitHub's")
                .endsWith("write 'src/op/**'");
        // a trailing '/' asks for folders, and the filters see files only
        log.warnings.clear();
        read(MINIMAL.replace("- src/op/**/*", "- src/op/**/"));
        assertThat(log.warnings).singleElement().asString().contains("ends with '/'").endsWith("write 'src/op/**'");
        log.warnings.clear();
        read(MINIMAL.replace("- src/op/**/*", "- src/op/*/"));
        assertThat(log.warnings).singleElement().asString().endsWith("write 'src/op/*/**'");
        // a sound glob says nothing
        log.warnings.clear();
        read(MINIMAL.replace("- src/op/**/*", "- src/op/**\n    - '*.jsx?'"));
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void pathsWithOnlyNegatedEntriesAreAnError() {
        assertThatThrownBy(() -> read(MINIMAL.replace("- src/op/**/*", "- '!src/op/test/**'")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:7:5: paths of image 'op' has only '!' entries")
                .hasMessageContaining("add the globs the image is built from");
        // one positive entry is enough
        assertThat(read(MINIMAL.replace("- src/op/**/*", "- '!src/op/test/**'\n    - src/op/**")).images())
                .hasSize(1);
    }

    @Test
    void keysWithStraySpacesParseAsYamlDoes() {
        DockerBuildConfig config = read(MINIMAL.replace("op:\n", "op :   \n")
                .replace("  paths:", "  fileName: op-file \n  paths:"));
        assertThat(config.images().get(0).key()).isEqualTo("op");
        assertThat(config.images().get(0).fileName()).isEqualTo("op-file");
    }

    @Test
    void pathsThatLeaveTheRepositoryAreErrors() {
        assertThatThrownBy(() -> read(MINIMAL.replace("charts/a/values.yaml", "../other/values.yaml")))
                .hasMessageContaining("dockerbuild-config.yaml:2:19")
                .hasMessageContaining("valuesYamlFile '../other/values.yaml' leaves the repository root");
        assertThatThrownBy(() -> read(MINIMAL.replace("buildContext: src/op", "buildContext: src/../../x")))
                .hasMessageContaining("buildContext 'src/../../x' leaves the repository root");
        assertThatThrownBy(() -> read(MINIMAL.replace("buildContext: src/op", "buildContext: /etc")))
                .hasMessageContaining("buildContext '/etc' is absolute");
        assertThatThrownBy(() -> read(MINIMAL.replace("- src/op/**/*", "- ../src/**")))
                .hasMessageContaining("paths entry '../src/**' contains '..'");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> read("op:\n  paths: [a\n  buildContext: x\n"))
                .hasMessageMatching("(?s)dockerbuild-config\\.yaml:\\d+:\\d+: invalid YAML: .*");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder y = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 0; i < 8; i++) {
            y.append("b").append(i).append(": &b").append(i).append(" [");
            String prev = i == 0 ? "a" : "b" + (i - 1);
            y.append(String.join(",", java.util.Collections.nCopies(10, "*" + prev))).append("]\n");
        }
        assertThatThrownBy(() -> read(y.toString())).hasMessageContaining("dockerbuild-config.yaml: its aliases"
                + " expand to more than Helm reads (\"document contains excessive aliasing\"");
    }

    @Test
    void emptyConfigIsAnError() {
        assertThatThrownBy(() -> read("# nothing\n")).hasMessageContaining("is empty: list at least one image");
    }

    @Test
    void locatorPrefersExplicitThenBaseDirThenOdaCanvasPlace() {
        RepoLayout layout = new RepoLayout(repo);
        Fixtures.write(repo, ConfigLocator.ODA_CANVAS_LOCATION, MINIMAL);
        assertThat(ConfigLocator.locate(Optional.empty(), repo, layout))
                .isEqualTo(repo.resolve(ConfigLocator.ODA_CANVAS_LOCATION));
        Fixtures.write(repo, "dockerbuild-config.yaml", MINIMAL);
        assertThat(ConfigLocator.locate(Optional.empty(), repo, layout)).isEqualTo(repo.resolve("dockerbuild-config.yaml"));
        Fixtures.write(repo, "other.yaml", MINIMAL);
        assertThat(ConfigLocator.locate(Optional.of(Path.of("other.yaml")), repo, layout))
                .isEqualTo(repo.resolve("other.yaml"));
        assertThatThrownBy(() -> ConfigLocator.locate(Optional.of(Path.of("missing.yaml")), repo, layout))
                .hasMessageContaining("does not exist: fix " + Setting.CONFIG.set("<path>"));
        assertThatThrownBy(() -> ConfigLocator.locate(Optional.of(Path.of(".")), repo, layout))
                .hasMessageContaining("is a folder, not the file: fix " + Setting.CONFIG.set("<path>"));
    }

    @Test
    void locatorSaysWhereItLooked() {
        assertThatThrownBy(() -> ConfigLocator.locate(Optional.empty(), repo, new RepoLayout(repo)))
                .hasMessageContaining("no dockerbuild-config.yaml found")
                .hasMessageContaining(Setting.CONFIG.set("<path>"));
    }

    @Test
    void readsEveryFieldOfAnEntry() {
        ImageConfig op = read(MINIMAL + "  buildDockerfile: src/op/op-dockerfile\n  testDockerfile: src/op/T\n")
                .images().get(0);
        assertThat(List.of(op.buildDockerfile(), op.testDockerfile().orElseThrow()))
                .containsExactly("src/op/op-dockerfile", "src/op/T");
        assertThat(op.valuesPathPrereleaseSuffix().orElseThrow()).hasToString(".op.prereleaseSuffix");
    }

    /** As docker build (CLI, daemon, BuildKit): a context with only a lowercase dockerfile is built from that one. */
    @Test
    void aContextWithOnlyALowercaseDockerfileIsBuiltFromIt() {
        Fixtures.write(repo, "src/op/dockerfile", "FROM scratch\n");
        assertThat(read(MINIMAL).images().get(0).buildDockerfile()).isEqualTo("src/op/dockerfile");

        Fixtures.write(repo, "src/op/Dockerfile", "FROM scratch\n");
        assertThat(read(MINIMAL).images().get(0).buildDockerfile()).as("Dockerfile first, when both are there")
                .isEqualTo("src/op/Dockerfile");

        Fixtures.write(repo, "dockerfile", "FROM scratch\n");
        assertThat(read(MINIMAL.replace("buildContext: src/op", "buildContext: .")).images().get(0)
                .buildDockerfile()).isEqualTo("dockerfile");
        assertThat(read(MINIMAL.replace("buildContext: src/op", "buildContext: src/none")).images().get(0)
                .buildDockerfile()).as("no file yet (a build step may write it): the usual name")
                .isEqualTo("src/none/Dockerfile");
    }

    /** x86_64 and aarch64 (uname -m's names, which buildx takes) are amd64 and arm64 in the plan and the index. */
    @Test
    void platformsWrittenAsUnameNamesAreTheirOciNames() {
        assertThat(read(MINIMAL + "  platforms: linux/x86_64,Linux/AARCH64\n").images().get(0).platforms())
                .containsExactly("linux/amd64", "linux/arm64");
        assertThat(read(MINIMAL + "  platforms: linux/x86_64,linux/amd64\n").images().get(0).platforms())
                .containsExactly("linux/amd64");
        assertThat(log.warnings).anyMatch(w -> w.contains("names linux/x86_64 twice ('linux/amd64' is the same"));
    }

    /**
     * oda-canvas' generator reads the config with PyYAML's safe_load, which follows merge keys: an entry may take the
     * settings of another ({@code <<: *hook}). What the entry sets itself wins, then the first mapping merged, then
     * what that one merges (the order PyYAML gives, checked with PyYAML 6.0.3), and a setting's line is where it is
     * written, so an error in a merged setting names the line to fix.
     */
    @Test
    void mergeKeysGiveAnEntryTheSettingsOfAnotherAsPyYamlReadsThem() {
        String yaml = """
                hook: &hook
                  displayName: Hook
                  valuesYamlFile: charts/a/values.yaml
                  valuesPathImage: .hook.image
                  valuesPathVersion: .hook.version
                  paths:
                    - src/hook/**
                  buildContext: src/hook
                  platforms: linux/amd64
                defaults: &defaults
                  valuesYamlFile: charts/b/values.yaml
                  buildContext: src/b
                  <<: &deeper
                    platforms: linux/arm64
                    testDockerfile: src/deeper/DockerfileTest
                copy:
                  <<: [*hook, *defaults]
                  displayName: Copy
                  valuesPathImage: .copy.image
                """;
        Path file = Fixtures.write(repo, "dockerbuild-config.yaml", yaml);
        DockerBuildConfig config = new DockerBuildConfigReader(new RepoLayout(repo), log).read(file);
        ImageConfig copy = config.image("copy").orElseThrow();
        assertThat(copy.displayName()).isEqualTo("Copy");
        assertThat(copy.valuesPathImage()).hasToString(".copy.image");
        assertThat(copy.valuesYamlFile()).isEqualTo("charts/a/values.yaml");
        assertThat(copy.valuesPathVersion()).hasToString(".hook.version");
        assertThat(copy.buildContext()).isEqualTo("src/hook");
        assertThat(copy.paths()).containsExactly("src/hook/**");
        assertThat(copy.platforms()).containsExactly("linux/amd64");
        assertThat(copy.testDockerfile()).contains("src/deeper/DockerfileTest");
        assertThat(copy.settingsAt().get("valuesPathVersion").line()).as("where it is written").isEqualTo(5);
        assertThat(copy.settingsAt().get("displayName").line()).isEqualTo(18);
        assertThat(log.warnings).noneMatch(w -> w.contains("'<<'"));
        // the mapping only merged from is no image: it lacks what one needs, and says so alone
        assertThat(config.broken()).singleElement().satisfies(b -> assertThat(b.key()).isEqualTo("defaults"));

        String broken = yaml.replace("valuesPathVersion: .hook.version", "valuesPathVersion: hook.version");
        DockerBuildConfig wrong = new DockerBuildConfigReader(new RepoLayout(repo), log).read(
                Fixtures.write(repo, "dockerbuild-config.yaml", broken));
        assertThat(wrong.broken()).filteredOn(b -> b.key().equals("copy")).singleElement()
                .satisfies(b -> assertThat(b.reason()).startsWith("dockerbuild-config.yaml:5:"));
    }

    @Test
    void aMergeKeyThatNamesNoMappingOrIsWrittenTwiceIsRefusedAtItsLine() {
        assertThatThrownBy(() -> read(MINIMAL + "  <<: src/op\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:9:")
                .hasMessageContaining("'<<' of image 'op' must name a mapping to merge (<<: *defaults) or a list of"
                        + " them (<<: [*a, *b]), not a text value");
        assertThatThrownBy(() -> read("a: &a {fileName: a}\nb: &b {fileName: b}\n" + MINIMAL
                + "  <<: *a\n  <<: *b\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:12:")
                .hasMessageContaining("'<<' is set twice for image 'op': keep one (<<: [*a, *b] merges several");
        // a mapping reached twice (named, and merged by another named) gives its settings once, in the first place
        ImageConfig diamond = new DockerBuildConfigReader(new RepoLayout(repo), log).read(Fixtures.write(repo,
                "dockerbuild-config.yaml", "a: &a {fileName: from-a, displayName: A}\n"
                        + "b: &b {<<: *a, displayName: B}\n" + MINIMAL + "  <<: [*b, *a]\n")).image("op").orElseThrow();
        assertThat(diamond.displayName()).isEqualTo("B");
        assertThat(diamond.fileName()).isEqualTo("from-a");
    }

    /**
     * GitHub's negation glob and a glob that starts with '*' are YAML syntax when written plain: {@code !docs/**} is
     * a tag on an empty value, {@code **}{@code /*.py} an alias. PyYAML, oda-canvas' generator, refuses both; the
     * message says to quote them instead of calling the entry empty or the YAML broken.
     */
    @Test
    void aNegationGlobOrAGlobStartingWithAStarWrittenPlainIsToldToBeQuoted() {
        String negation = MINIMAL.replace("    - src/op/**/*\n", "    - src/op/**/*\n    - !src/op/docs/**\n");
        assertThatThrownBy(() -> read(negation)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:8:7: an entry of paths of image 'op' is written"
                        + " !src/op/docs/**, which YAML reads as the tag !src/op/docs/** on an empty value: quote it"
                        + " ('!src/op/docs/**')");
        assertThatThrownBy(() -> read(MINIMAL.replace("    - src/op/**/*\n", "    - **/*.py\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:7:")
                .hasMessageContaining("a value that starts with '*' is read as an alias (*name of an &name): quote it,"
                        + " e.g. '**/*.py'");
        assertThatThrownBy(() -> read(MINIMAL + "  platforms: !linux/amd64\n"))
                .hasMessageContaining("'platforms' of image 'op' is written !linux/amd64, which YAML reads as the tag");
        assertThat(read(MINIMAL.replace("    - src/op/**/*\n", "    - '**/*.py'\n    - \"!src/op/docs/**\"\n"))
                .images().get(0).paths()).containsExactly("**/*.py", "!src/op/docs/**");
        assertThat(read(MINIMAL.replace("buildContext: src/op", "buildContext: !!str src/op")).images().get(0)
                .buildContext()).as("YAML's own tag for text").isEqualTo("src/op");
    }

    /**
     * An entry copied from another and half edited can read two values from one key: its suffix from its version
     * key would build 1.0.2-1.0.2, and release-prep would clear the version. Refused at the second key's line, in
     * any of yq's spellings of it.
     */
    @Test
    void twoValuesPathsOfAnEntryThatNameOneKeyAreRefusedWithTheKeyMeant() {
        assertThatThrownBy(() -> read(MINIMAL.replace("valuesPathPrereleaseSuffix: .op.prereleaseSuffix",
                "valuesPathPrereleaseSuffix: .op.version"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dockerbuild-config.yaml:5:31: valuesPathPrereleaseSuffix of image 'op' is"
                        + " .op.version, the key valuesPathVersion names (line 4): give each its own key, e.g."
                        + " .op.prereleaseSuffix");
        assertThatThrownBy(() -> read(MINIMAL.replace("valuesPathVersion: .op.version",
                "valuesPathVersion: .\"op\".image"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("valuesPathVersion of image 'op' is .\"op\".image, the key valuesPathImage names"
                        + " (line 3): give each its own key, e.g. .op.version");
    }
}
