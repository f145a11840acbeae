package org.odabuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

    @TempDir
    Path repo;

    @Test
    void theReportsOfARepositoryWithoutAPomStayOutOfGit() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("README.md"), "oda-canvas\n");
            Path reports = repo.resolve("target/oda");
            ReportFolder.keepOutOfGit(reports);
            Files.writeString(reports.resolve("plan.json"), "{}\n");
            Files.createDirectories(reports.resolve("test-reports"));
            Files.writeString(reports.resolve("test-reports/TEST-a.xml"), "<testsuite/>\n");

            assertThat(git.status().call().getUntracked()).containsExactly("README.md");
            assertThat(reports.resolve(".gitignore")).hasContent(ReportFolder.IGNORE_EVERYTHING);
        }
    }

    @Test
    void aGitignoreTheFolderHasIsKept() throws Exception {
        Path reports = repo.resolve("reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve(".gitignore"), "*.tmp\n");
        ReportFolder.keepOutOfGit(reports);
        ReportFolder.keepOutOfGit(reports);
        assertThat(reports.resolve(".gitignore")).hasContent("*.tmp\n");
    }
}
