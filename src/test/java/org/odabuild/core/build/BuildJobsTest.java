package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.plan.PlanCommand;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.RecordingLog;
import org.odabuild.testing.TestGit;

/** A CI matrix of one job per entry of {@code images-to-build}: a base and the images on it share one. */
class BuildJobsTest {

    @TempDir
    Path dir;

    private static String entry(String key) {
        return """
                %1$s:
                  valuesYamlFile: charts/values.yaml
                  valuesPathImage: .%1$s.image
                  valuesPathVersion: .%1$s.version
                  paths: [src/%1$s/**]
                  buildContext: src/%1$s
                """.formatted(key);
    }

    @Test
    void imagesBuiltOnImagesOfTheRunShareAJobAndTheOthersHaveTheirOwn() throws Exception {
        // tool is built on base by its values name, app on tool by a build arg's default, other on nothing of the run
        try (TestGit git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", entry("app") + entry("other") + entry("base") + entry("tool"))
                .write("charts/values.yaml", """
                        base: {image: example.org/team/base, version: 2.0.0}
                        tool: {image: example.org/team/tool, version: 1.1.0}
                        app: {image: example.org/team/app, version: 1.0.0}
                        other: {image: example.org/team/other, version: 3.0.0}
                        """)
                .write("src/base/Dockerfile", "FROM scratch\nCOPY b /\n")
                .write("src/tool/Dockerfile", "FROM example.org/team/base:2.0.0 AS tools\nCOPY t /\n")
                .write("src/app/Dockerfile", "ARG TOOL=example.org/team/tool:1.1.0\nFROM ${TOOL}\nCOPY a /\n")
                .write("src/other/Dockerfile", "FROM example.org/team/base:1.0.0\nCOPY o /\n")) {
            git.commit("four images");
            Path out = dir.resolve("github-output");
            PlanRequest request = new PlanRequest(new ResolveRequest(git.root(), Optional.empty(), Optional.empty(),
                    git.root().resolve("target/oda"), List.of(), Optional.empty()), Optional.empty(),
                    BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), true,
                    Map.of("GITHUB_OUTPUT", out.toString()));
            RecordingLog log = new RecordingLog();

            PlanCommand.run(request, log, RunBases.jobs(Optional.empty(), Map.of()));

            // other names a published version of base, not the one this run builds
            assertThat(Files.readString(out)).startsWith("images-to-build=[\"app,base,tool\",\"other\"]\n");
            assertThat(JsonParser.parseString(Files.readString(git.root().resolve("target/oda/plan.json")))
                    .getAsJsonObject().get("jobs").toString()).isEqualTo("[[\"app\",\"base\",\"tool\"],[\"other\"]]");
            assertThat(log.infos).contains("Built in one job (one on another): app, base, tool");
        }
    }

    @Test
    void aBuildArgThatNamesAnImageOfTheRunInAFromJoinsItsJob() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))
                .write("dockerbuild-config.yaml", entry("base") + entry("other"))
                .write("charts/values.yaml", """
                        base: {image: example.org/team/base, version: 2.0.0}
                        other: {image: example.org/team/other, version: 3.0.0}
                        """)
                .write("src/base/Dockerfile", "FROM scratch\nCOPY b /\n")
                .write("src/other/Dockerfile", "ARG BASE=example.org/team/base:1.0.0\nFROM ${BASE}\nCOPY o /\n")) {
            git.commit("two images");
            Path out = dir.resolve("github-output");
            PlanRequest request = new PlanRequest(new ResolveRequest(git.root(), Optional.empty(), Optional.empty(),
                    git.root().resolve("target/oda"), List.of(), Optional.empty()), Optional.empty(),
                    BranchPolicy.defaults(), Optional.empty(), Optional.of(false), List.of(), true,
                    Map.of("GITHUB_OUTPUT", out.toString()));

            PlanCommand.run(request, new RecordingLog(), RunBases.jobs(Optional.empty(), Map.of()));
            assertThat(Files.readString(out)).startsWith("images-to-build=[\"base\",\"other\"]\n");

            // -Doda.buildArgs.BASE, as oda:build is given it: other is built on this run's base
            Files.delete(out);
            PlanCommand.run(request, new RecordingLog(), RunBases.jobs(Optional.empty(),
                    Map.of("BASE", "example.org/team/base:2.0.0")));
            assertThat(Files.readString(out)).startsWith("images-to-build=[\"base,other\"]\n");
        }
    }
}
