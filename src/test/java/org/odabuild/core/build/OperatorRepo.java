package org.odabuild.core.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.plan.LintMode;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.TestGit;

/**
 * The build tests' repository: one image {@code op} (context {@code src/op}, a FROM scratch Dockerfile that uses the
 * three build args, a .dockerignore'd secret) whose values live in {@code charts/values.yaml}, committed on master.
 */
final class OperatorRepo {

    final TestGit git;
    final String registryHost;
    final String repository;

    OperatorRepo(Path dir, String registryHost, String repository) {
        this.registryHost = registryHost;
        this.repository = repository;
        git = TestGit.init(dir)
                .write("dockerbuild-config.yaml", config("  platforms: linux/amd64\n"))
                .write("src/op/Dockerfile", """
                        FROM scratch
                        ARG GIT_COMMIT_SHA
                        ARG SOURCE_DATE_EPOCH
                        ARG CICD_BUILD_TIME
                        COPY app.txt /app.txt
                        LABEL test.commit=$GIT_COMMIT_SHA test.epoch=$SOURCE_DATE_EPOCH test.time=$CICD_BUILD_TIME
                        """)
                .write("src/op/app.txt", "v1\n")
                .write("src/op/.dockerignore", "secret.txt\n")
                .write("src/op/secret.txt", "never sent\n")
                .write("README.md", "readme\n");
        values("1.0.0", "");
        git.commit("initial");
    }

    /** The config of the one image {@code op}, with {@code more} lines of its entry (e.g. its platforms). */
    static String config(String more) {
        return """
                op:
                  displayName: The Operator
                  valuesYamlFile: charts/values.yaml
                  valuesPathImage: .op.image
                  valuesPathVersion: .op.version
                  valuesPathPrereleaseSuffix: .op.prereleaseSuffix
                  paths: [src/op/**]
                  buildContext: src/op
                """ + more;
    }

    void values(String version, String suffix) {
        git.write("charts/values.yaml", "op:\n  image: " + registryHost + "/" + repository + "\n  version: " + version
                + "\n  prereleaseSuffix: " + suffix + "\n");
    }

    /** The build of this repository with the tests' registry settings (plain HTTP, short timeouts). */
    BuildRequest request(Map<String, String> env, Optional<Boolean> push, LatestTag latest, Optional<String> fork,
            IndexMode index, int threads, String dockerHost) {
        return request(git.root(), env, push, latest, fork, index, threads, dockerHost);
    }

    /** The same build of another clone of this repository. */
    BuildRequest request(Path root, Map<String, String> env, Optional<Boolean> push, LatestTag latest,
            Optional<String> fork, IndexMode index, int threads, String dockerHost) {
        PlanRequest plan = new PlanRequest(new ResolveRequest(root, Optional.empty(), Optional.empty(),
                root.resolve("target/oda"), List.of(), fork), Optional.empty(), BranchPolicy.defaults(),
                Optional.empty(), Optional.of(false), List.of(), false, env, LintMode.AUTO);
        return new BuildRequest(new ReleaseCheckRequest(plan, settings(), false), push, latest, Map.of(), dockerHost,
                null, Duration.ofSeconds(60), index, threads);
    }

    RegistrySettings settings() {
        return new RegistrySettings(Set.of(registryHost), Duration.ofSeconds(5), 2, Duration.ofMillis(20));
    }
}
