package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.testing.TestGit;

/** The base a change set is measured against is told before its diff is asked, so other work can start on it. */
class BaseSelectorTest {

    @TempDir
    Path dir;

    private final CiEnvironment local = CiEnvironment.of(Map.of());

    @Test
    void theChosenBaseIsToldOnceAndIsTheChangeSetsBase() {
        try (TestGit git = TestGit.init(dir)) {
            git.write("a.txt", "a\n");
            String fork = git.commit("base");
            git.branch("feature/x").checkout("feature/x");
            git.write("b.txt", "b\n");
            String head = git.commit("feature");
            try (GitRepository repo = GitRepository.open(dir)) {
                List<String> told = new ArrayList<>();
                ChangeSet changes = new BaseSelector(repo, List.of("master", "main"), told::add)
                        .select(head, false, Optional.empty(), local);
                assertThat(told).containsExactly(fork);
                assertThat(changes.baseCommit()).contains(fork);
                assertThat(changes.files()).containsExactly("b.txt");

                told.clear();
                new BaseSelector(repo, List.of("master"), told::add).select(head, true, Optional.empty(), local);
                assertThat(told).as("a release branch: HEAD's first parent").containsExactly(fork);
            }
        }
    }

    @Test
    void noBaseNothingTold() {
        try (TestGit git = TestGit.init(dir)) {
            git.write("a.txt", "a\n");
            String head = git.commit("only");
            try (GitRepository repo = GitRepository.open(dir)) {
                List<String> told = new ArrayList<>();
                ChangeSet changes = new BaseSelector(repo, List.of("release-x"), told::add)
                        .select(head, false, Optional.empty(), local);
                assertThat(changes.known()).isFalse();
                assertThat(told).isEmpty();
            }
        }
    }

    @Test
    void aPushEventThatCannotBeReadIsSaidBesideTheFirstParentItFallsBackTo() throws Exception {
        try (TestGit git = TestGit.init(dir.resolve("repo"))) {
            git.write("a.txt", "a\n");
            String before = git.commit("before the push");
            git.write("b.txt", "b\n");
            String middle = git.commit("first commit of the push");
            git.write("c.txt", "c\n");
            String head = git.commit("last commit of the push");
            Path broken = java.nio.file.Files.writeString(dir.resolve("event.json"), "{\"before\": ");
            Path good = java.nio.file.Files.writeString(dir.resolve("good.json"), "{\"before\": \"" + before + "\"}");
            try (GitRepository repo = GitRepository.open(git.root())) {
                ChangeSet fallback = new BaseSelector(repo, List.of("main")).select(head, true, Optional.empty(),
                        CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", broken.toString())));
                assertThat(fallback.baseCommit()).contains(middle);
                assertThat(fallback.warning()).hasValueSatisfying(w -> assertThat(w)
                        .startsWith("GITHUB_EVENT_PATH " + broken + " cannot be read as JSON")
                        .contains("files changed by earlier commits of this push are not counted")
                        .contains("since=<the push's before commit>"));

                ChangeSet push = new BaseSelector(repo, List.of("main")).select(head, true, Optional.empty(),
                        CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", good.toString())));
                assertThat(push.files()).containsExactlyInAnyOrder("b.txt", "c.txt");
                assertThat(push.warning()).isEmpty();
            }
        }
    }
}
