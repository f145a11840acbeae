package org.odabuild.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CI system's own variables, as its documentation gives them for a branch build and a pull request build. */
class CiEnvironmentTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static String branch(Map<String, String> env) {
        return CiEnvironment.of(env).branch().map(b -> b.name() + "|" + b.variable()).orElse("none");
    }

    @Test
    void aPullRequestBuildNamesItsSourceBranchNotTheMergeRef() {
        assertThat(branch(Map.of("GITHUB_HEAD_REF", "feature/a", "GITHUB_REF_NAME", "12/merge")))
                .isEqualTo("feature/a|GITHUB_HEAD_REF");
        assertThat(branch(Map.of("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/a", "CI_COMMIT_REF_NAME",
                "feature/a"))).isEqualTo("feature/a|CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
        assertThat(branch(Map.of("CHANGE_BRANCH", "feature/a", "BRANCH_NAME", "PR-12")))
                .isEqualTo("feature/a|CHANGE_BRANCH");
        assertThat(branch(Map.of("SYSTEM_PULLREQUEST_SOURCEBRANCH", "refs/heads/feature/a", "BUILD_SOURCEBRANCH",
                "refs/pull/12/merge"))).isEqualTo("feature/a|SYSTEM_PULLREQUEST_SOURCEBRANCH");
        // Azure building a GitHub repository's pull request gives the name without refs/heads/
        assertThat(branch(Map.of("SYSTEM_PULLREQUEST_SOURCEBRANCH", "feature/a", "BUILD_SOURCEBRANCH",
                "refs/pull/12/merge"))).isEqualTo("feature/a|SYSTEM_PULLREQUEST_SOURCEBRANCH");
    }

    @Test
    void bitbucketsAndBuildkitesPullRequestBuildsAreOfTheRequestNotOfItsSourceBranch() {
        // a pull request from a branch named main (a fork's, or main into a maintenance branch) is not main's push
        assertThat(CiEnvironment.of(Map.of("BITBUCKET_BRANCH", "main", "BITBUCKET_PR_ID", "5")).branch())
                .hasValue(new CiEnvironment.Branch("main", "BITBUCKET_BRANCH", true));
        assertThat(CiEnvironment.of(Map.of("BITBUCKET_BRANCH", "main")).branch())
                .hasValue(new CiEnvironment.Branch("main", "BITBUCKET_BRANCH", false));
        assertThat(CiEnvironment.of(Map.of("BUILDKITE_BRANCH", "main", "BUILDKITE_PULL_REQUEST", "12")).branch())
                .hasValue(new CiEnvironment.Branch("main", "BUILDKITE_BRANCH", true));
        assertThat(CiEnvironment.of(Map.of("BUILDKITE_BRANCH", "main", "BUILDKITE_PULL_REQUEST", "false")).branch())
                .hasValue(new CiEnvironment.Branch("main", "BUILDKITE_BRANCH", false));
        // CircleCI names the open pull request on the push build of its branch: that build is the branch's
        assertThat(CiEnvironment.of(Map.of("CIRCLE_BRANCH", "main", "CIRCLE_PULL_REQUEST",
                "https://github.com/o/r/pull/3")).branch()).hasValue(new CiEnvironment.Branch("main", "CIRCLE_BRANCH",
                        false));
    }

    @Test
    void aBranchBuildNamesItsBranch() {
        assertThat(branch(Map.of("GITHUB_REF_NAME", "main"))).isEqualTo("main|GITHUB_REF_NAME");
        assertThat(branch(Map.of("CI_COMMIT_REF_NAME", "odaa-7"))).isEqualTo("odaa-7|CI_COMMIT_REF_NAME");
        assertThat(branch(Map.of("BRANCH_NAME", "master"))).isEqualTo("master|BRANCH_NAME");
        // Azure's BUILD_SOURCEBRANCHNAME would say only "a"
        assertThat(branch(Map.of("BUILD_SOURCEBRANCH", "refs/heads/feature/a", "BUILD_SOURCEBRANCHNAME", "a")))
                .isEqualTo("feature/a|BUILD_SOURCEBRANCH");
        assertThat(branch(Map.of("BITBUCKET_BRANCH", "feature/b"))).isEqualTo("feature/b|BITBUCKET_BRANCH");
        assertThat(branch(Map.of("CIRCLE_BRANCH", "feature/c"))).isEqualTo("feature/c|CIRCLE_BRANCH");
        assertThat(branch(Map.of("BUILDKITE_BRANCH", "feature/d"))).isEqualTo("feature/d|BUILDKITE_BRANCH");
    }

    @Test
    void aRefThatIsNoBranchNamesNone() {
        assertThat(branch(Map.of("BUILD_SOURCEBRANCH", "refs/tags/v1.0.0"))).isEqualTo("none");
        assertThat(branch(Map.of("BUILD_SOURCEBRANCH", "refs/pull/12/merge"))).isEqualTo("none");
        assertThat(branch(Map.of("BUILD_SOURCEBRANCH", "refs/heads/"))).isEqualTo("none");
        assertThat(branch(Map.of("GITHUB_HEAD_REF", " ", "CIRCLE_BRANCH", ""))).isEqualTo("none");
        assertThat(branch(Map.of())).isEqualTo("none");
    }

    @Test
    void aTagBuildNamesATagAndNoBranchThoughItsNameLooksLikeOne() {
        // each system's variables for the push of tag odaa-7, as its documentation gives them
        Map<String, String> github = Map.of("GITHUB_REF_NAME", "odaa-7", "GITHUB_REF_TYPE", "tag", "GITHUB_REF",
                "refs/tags/odaa-7");
        Map<String, String> gitlab = Map.of("CI_COMMIT_REF_NAME", "odaa-7", "CI_COMMIT_TAG", "odaa-7");
        Map<String, String> jenkins = Map.of("BRANCH_NAME", "odaa-7", "TAG_NAME", "odaa-7", "JENKINS_URL", "x");
        Map<String, String> azure = Map.of("BUILD_SOURCEBRANCH", "refs/tags/odaa-7", "TF_BUILD", "True");
        Map<String, String> bitbucket = Map.of("BITBUCKET_TAG", "odaa-7");
        Map<String, String> circle = Map.of("CIRCLE_TAG", "odaa-7");
        Map<String, String> buildkite = Map.of("BUILDKITE_BRANCH", "odaa-7", "BUILDKITE_TAG", "odaa-7");
        for (Map<String, String> env : java.util.List.of(github, gitlab, jenkins, azure, bitbucket, circle,
                buildkite)) {
            assertThat(branch(env)).as(env.toString()).isEqualTo("none");
            assertThat(CiEnvironment.of(env).tag()).as(env.toString()).hasValueSatisfying(
                    tag -> assertThat(tag.name()).isEqualTo("odaa-7"));
        }
        assertThat(CiEnvironment.of(github).tag().orElseThrow().variable()).isEqualTo("GITHUB_REF_TYPE=tag");

        // a branch build says no tag, and a branch's variable that differs from the tag stays the branch
        assertThat(CiEnvironment.of(Map.of("GITHUB_REF_NAME", "odaa-7", "GITHUB_REF_TYPE", "branch")).tag()).isEmpty();
        assertThat(branch(Map.of("GITHUB_REF_NAME", "odaa-7", "GITHUB_REF_TYPE", "branch")))
                .isEqualTo("odaa-7|GITHUB_REF_NAME");
        assertThat(branch(Map.of("CI_COMMIT_TAG", "v1", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/a")))
                .isEqualTo("feature/a|CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
    }

    @Test
    void jenkinsAndAzureAreCiWithoutSettingCi() {
        assertThat(CiEnvironment.of(Map.of()).isCi()).isFalse();
        assertThat(CiEnvironment.of(Map.of("CI", "false")).isCi()).isFalse();
        assertThat(CiEnvironment.of(Map.of("CI", "true")).isCi()).isTrue();
        assertThat(CiEnvironment.of(Map.of("JENKINS_URL", "https://ci.example/")).isCi()).isTrue();
        assertThat(CiEnvironment.of(Map.of("TF_BUILD", "True")).isCi()).isTrue();
        assertThat(CiEnvironment.of(Map.of("TF_BUILD", "")).isCi()).isFalse();
    }

    @Test
    void gitlabsBeforeShaIsThePushsStartUnlessItIsZeros(@TempDir Path dir) throws Exception {
        assertThat(CiEnvironment.of(Map.of("CI_COMMIT_BEFORE_SHA", SHA)).pushBefore()).contains(SHA);
        assertThat(CiEnvironment.of(Map.of("CI_COMMIT_BEFORE_SHA", "0".repeat(40))).pushBefore()).isEmpty();
        assertThat(CiEnvironment.of(Map.of("CI_COMMIT_BEFORE_SHA", "not a sha")).pushBefore()).isEmpty();
        assertThat(CiEnvironment.of(Map.of("GIT_PREVIOUS_SUCCESSFUL_COMMIT", SHA)).pushBefore()).contains(SHA);
        // GitHub's event payload comes first
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"before\": \"" + "f".repeat(40) + "\"}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString(), "CI_COMMIT_BEFORE_SHA", SHA))
                .pushBefore()).contains("f".repeat(40));
    }

    @Test
    void theTitleOfAMergeOrChangeRequest(@TempDir Path dir) throws Exception {
        assertThat(CiEnvironment.of(Map.of("CI_MERGE_REQUEST_TITLE", "Draft: x [skip tests]")).pullRequestTitle())
                .contains("Draft: x [skip tests]");
        assertThat(CiEnvironment.of(Map.of("CHANGE_TITLE", "y")).pullRequestTitle()).contains("y");
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"title\": \"z\"}}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString(), "CHANGE_TITLE", "y"))
                .pullRequestTitle()).contains("z");
        assertThat(CiEnvironment.of(Map.of()).pullRequestTitle()).isEmpty();
    }

    @Test
    void githubsMergeQueueNamesItsBaseAndItsCommitsMessage(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"merge_group\": {\"base_sha\": \"" + SHA + "\", \"head_commit\":"
                + " {\"message\": \"Merge pull request #12\\n\\nTitle\"}}}");
        CiEnvironment queue = CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString()));
        assertThat(queue.mergeQueueBase()).contains(SHA);
        assertThat(queue.mergeQueueMessage()).contains("Merge pull request #12\n\nTitle");
        assertThat(queue.pullRequestTitle()).isEmpty();
        // fields of the wrong kind, or a base that is no commit id, say nothing
        Files.writeString(event, "{\"merge_group\": {\"base_sha\": \"main\", \"head_commit\": \"x\"}}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString())).mergeQueueBase()).isEmpty();
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString())).mergeQueueMessage()).isEmpty();
        Files.writeString(event, "{\"merge_group\": [1]}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString())).mergeQueueBase()).isEmpty();
    }

    @Test
    void theLastCommitOfAPullRequestsBranch(@TempDir Path dir) throws Exception {
        String a = "3f85665a0167b2c84a95f22dd38c5c469bdb1b09";
        String b = "b3cea935c9ccba934cf082e4d97e16efeabb32ff";
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"head\": {\"sha\": \"" + a + "\", \"ref\": \"feature/x\"}}}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString())).changeRequestHead()).contains(a);
        assertThat(CiEnvironment.of(Map.of("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", b)).changeRequestHead()).contains(b);
        assertThat(CiEnvironment.of(Map.of("SYSTEM_PULLREQUEST_SOURCECOMMITID", b)).changeRequestHead()).contains(b);
        assertThat(CiEnvironment.of(Map.of("BITBUCKET_PR_ID", "7", "BITBUCKET_COMMIT", b)).changeRequestHead())
                .contains(b);
        assertThat(CiEnvironment.of(Map.of("BITBUCKET_COMMIT", b)).changeRequestHead()).as("a branch pipeline")
                .isEmpty();
        assertThat(CiEnvironment.of(Map.of("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "HEAD")).changeRequestHead())
                .as("only a full commit id").isEmpty();
        Files.writeString(event, "{\"before\": \"" + b + "\"}");
        assertThat(CiEnvironment.of(Map.of("GITHUB_EVENT_PATH", event.toString())).changeRequestHead())
                .as("a push").isEmpty();
    }
}
