package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.testing.RecordingLog;

/** The hashes worked out beside the registry check are the ones hashing in place gives, and fail as it would. */
class SourceHashesTest {

    @TempDir
    Path dir;

    OperatorRepo op;

    @BeforeEach
    void changeOnABranch() {
        op = new OperatorRepo(dir, "127.0.0.1:1", "test/op");
        op.git.branch("feature/h1");
        op.values("1.0.1", "h1");
        op.git.write("src/op/app.txt", "v2\n");
        op.git.commit("change");
    }

    @AfterEach
    void close() {
        op.git.close();
    }

    Plan plan() {
        return Planner.plan(op.request(Map.of(), Optional.of(false), LatestTag.NEVER, Optional.empty(),
                IndexMode.AUTO, 1, "unix:///nowhere").release().plan(), new RecordingLog());
    }

    @Test
    void eachImageGetsTheContextAndHashThatHashingInPlaceGives() {
        Plan plan = plan();
        ResolvedImage image = plan.toBuild().get(0).image();
        Map<String, String> args = Map.of("FLAVOUR", "x");
        try (SourceHashes hashes = SourceHashes.start(plan.resolution().layout(), reports(), plan.toBuild(), args,
                1)) {
            SourceHashes.Hashed hashed = hashes.of("op");
            BuildContext context = ImageBuilder.context(plan.resolution().layout(), reports(), image);
            assertThat(hashed.context().files()).isEqualTo(context.files()).doesNotContain("secret.txt");
            assertThat(hashed.hash()).isEqualTo(SourceHash.of(context, Optional.empty(), args, IndexedBlobs.NONE))
                    .isNotEqualTo(SourceHash.of(context, Optional.empty(), Map.of(), IndexedBlobs.NONE));
            assertThat(hashes.of("op")).isEqualTo(hashed); // asked again: the same answer, not a second hash
        }
    }

    private Path reports() {
        return dir.resolve("target/oda");
    }

    @Test
    void theReportsAreNoPartOfAContextThatHoldsThem() throws Exception {
        Plan plan = plan();
        ResolvedImage image = plan.toBuild().get(0).image();
        Path reports = dir.resolve("src/op/target/oda"); // a context that holds the build folder, e.g. '.'
        String before = hash(plan, reports);
        Files.createDirectories(reports.resolve("test-reports"));
        Files.writeString(reports.resolve("plan.json"), "{\"commitTime\": \"now\"}\n");
        Files.writeString(reports.resolve("test-reports/TEST-op.xml"), "<testsuite/>\n");
        Files.writeString(dir.resolve("src/op/target/app.jar"), "jar\n"); // the build's own output is sent
        BuildContext context = ImageBuilder.context(plan.resolution().layout(), reports, image);
        assertThat(context.files()).contains("target/app.jar").noneMatch(f -> f.startsWith("target/oda"));
        assertThat(BuildContext.of(context.contextDir(), context.dockerfile()).files())
                .contains("target/oda/plan.json"); // docker's own CLI would send them
        Files.delete(dir.resolve("src/op/target/app.jar"));
        assertThat(hash(plan, reports)).isEqualTo(before);
        Files.writeString(reports.resolve("plan.json"), "{\"commitTime\": \"later\"}\n");
        assertThat(hash(plan, reports)).isEqualTo(before);
    }

    private static String hash(Plan plan, Path reports) {
        try (SourceHashes hashes = SourceHashes.start(plan.resolution().layout(), reports, plan.toBuild(), Map.of(),
                1)) {
            return hashes.of("op").hash();
        }
    }

    @Test
    void aContextThatCannotBeHashedFailsWhenItsHashIsAskedForWithItsOwnError() throws Exception {
        Plan plan = plan();
        Files.delete(dir.resolve("src/op/Dockerfile"));
        Files.createDirectory(dir.resolve("src/op/Dockerfile"));
        try (SourceHashes hashes = SourceHashes.start(plan.resolution().layout(), reports(), plan.toBuild(), Map.of(),
                2)) {
            assertThatThrownBy(() -> hashes.of("op")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("buildDockerfile of image op").hasMessageContaining("is a folder");
            assertThatThrownBy(() -> hashes.of("other")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other");
        }
    }
}
