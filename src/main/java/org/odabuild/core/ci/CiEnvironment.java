package org.odabuild.core.ci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.report.JsonText;

/**
 * What the CI system tells the build through environment variables and, on GitHub Actions, the event payload
 * ({@code GITHUB_EVENT_PATH}): GitHub Actions first, then GitLab CI, Jenkins, Azure Pipelines, Bitbucket Pipelines,
 * CircleCI and Buildkite, each by its own documented variables. Tests pass their own map instead of
 * {@code System.getenv()}.
 */
public final class CiEnvironment {

    private static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    /**
     * A variable that names the branch being built, whether its value is a full ref ({@code refs/heads/...}, read as
     * the branch it holds), and when it is a change request's source branch: in a pull or merge request's build,
     * whose code is that request's merge or head, not the branch's. Plain fields, not lambdas: each lambda costs a
     * cold JVM a class of its own, and every goal asks for the branch.
     *
     * @param alwaysSource set only when a pull or merge request is built
     * @param sourceWhile  the variable that, set (and not {@code false}), makes it the request's source branch
     */
    private record BranchVariable(String name, boolean fullRef, boolean alwaysSource, String sourceWhile) {

        BranchVariable(String name) {
            this(name, false, false, null);
        }

        static BranchVariable changeRequestSource(String name, boolean fullRef) {
            return new BranchVariable(name, fullRef, true, null);
        }

        static BranchVariable sourceWhile(String name, String request) {
            return new BranchVariable(name, false, false, request);
        }

        String branch(String value) {
            return fullRef ? headsRef(value) : value;
        }

        boolean changeRequest(CiEnvironment ci) {
            if (alwaysSource || sourceWhile == null) {
                return alwaysSource;
            }
            String request = ci.env.get(sourceWhile);
            return request != null && !request.isBlank() && !request.strip().equalsIgnoreCase("false");
        }
    }

    /**
     * In order: a change request's source branch before the ref a system builds, since a pull request's build is
     * of the merge ref (GitHub's {@code 12/merge}, Jenkins' {@code PR-12}, Azure's {@code refs/pull/12/merge}).
     */
    private static final List<BranchVariable> BRANCH_VARIABLES = List.of(
            BranchVariable.changeRequestSource("GITHUB_HEAD_REF", false),
            new BranchVariable("GITHUB_REF_NAME"),
            // GitLab
            BranchVariable.changeRequestSource("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", false),
            new BranchVariable("CI_COMMIT_REF_NAME"),
            BranchVariable.changeRequestSource("CHANGE_BRANCH", false), // Jenkins
            new BranchVariable("BRANCH_NAME"),
            // Azure Pipelines
            BranchVariable.changeRequestSource("SYSTEM_PULLREQUEST_SOURCEBRANCH", true),
            // Azure's BUILD_SOURCEBRANCHNAME is only the last part of the name (feature/x -> x)
            new BranchVariable("BUILD_SOURCEBRANCH", true, false, null),
            // Bitbucket's pull request pipeline builds the source branch merged with the destination; Buildkite's
            // pull request build is of the request's head or merge. CircleCI sets CIRCLE_PULL_REQUEST on the push
            // build of a branch that has a pull request open, so it says nothing there.
            BranchVariable.sourceWhile("BITBUCKET_BRANCH", "BITBUCKET_PR_ID"),
            new BranchVariable("CIRCLE_BRANCH"),
            BranchVariable.sourceWhile("BUILDKITE_BRANCH", "BUILDKITE_PULL_REQUEST"));

    /** The variables that name the branch, in the order they are asked. */
    public static final List<String> BRANCH_VARIABLE_NAMES = BRANCH_VARIABLES.stream().map(BranchVariable::name)
            .toList();

    /**
     * A branch and the variable that named it.
     *
     * @param changeRequest the branch is a pull (merge) request's source: the build is of that request
     */
    public record Branch(String name, String variable, boolean changeRequest) {
    }

    private final Map<String, String> env;
    private final JsonObject event;
    private final Optional<String> eventProblem;

    private CiEnvironment(Map<String, String> env, JsonObject event, Optional<String> eventProblem) {
        this.env = Map.copyOf(env);
        this.event = event;
        this.eventProblem = eventProblem;
    }

    public static CiEnvironment of(Map<String, String> env) {
        Event event = Event.read(env.get("GITHUB_EVENT_PATH"));
        return new CiEnvironment(env, event.payload(), event.problem());
    }

    /** The payload GitHub writes for the event, or why it could not be read. */
    private record Event(JsonObject payload, Optional<String> problem) {

        static Event read(String path) {
            if (path == null || path.isBlank()) {
                return new Event(new JsonObject(), Optional.empty());
            }
            // a broken payload must not stop the build (the branch and base then come from git), but it is said
            if (!Files.isRegularFile(Path.of(path))) {
                return unread(path + " is not a file");
            }
            try {
                JsonElement e = JsonText.parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
                return e.isJsonObject() ? new Event(e.getAsJsonObject(), Optional.empty())
                        : unread(path + " holds no JSON object");
            } catch (IOException | JsonParseException e) {
                return unread(path + " cannot be read as JSON (" + Excerpt.of(String.valueOf(e.getMessage())) + ")");
            }
        }

        private static Event unread(String why) {
            return new Event(new JsonObject(), Optional.of("GITHUB_EVENT_PATH " + why));
        }
    }

    /** Why the event payload {@code GITHUB_EVENT_PATH} names was not read, when it was not. */
    public Optional<String> eventProblem() {
        return eventProblem;
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * True on a CI runner: most set {@code CI}; Jenkins ({@code JENKINS_URL}) and Azure Pipelines ({@code TF_BUILD})
     * do not.
     */
    public boolean isCi() {
        return get("CI").map(v -> !v.equalsIgnoreCase("false")).orElse(false) || get("JENKINS_URL").isPresent()
                || get("TF_BUILD").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * The branch the CI system says it builds, when one of {@link #BRANCH_VARIABLE_NAMES} names one. In a build of a
     * tag some of them hold the tag's name ({@code GITHUB_REF_NAME}, {@code CI_COMMIT_REF_NAME}, Jenkins'
     * {@code BRANCH_NAME}, {@code BUILDKITE_BRANCH}): that is no branch ({@link #tag()}).
     */
    public Optional<Branch> branch() {
        Optional<Tag> built = tag();
        String tag = built.isPresent() ? built.get().name() : null;
        for (BranchVariable variable : BRANCH_VARIABLES) {
            String value = env.get(variable.name());
            String name = value == null || value.isBlank() ? null : variable.branch(value.strip());
            boolean source = variable.changeRequest(this);
            if (name != null && (source || !name.equals(tag))) {
                return Optional.of(new Branch(name, variable.name(), source));
            }
        }
        return Optional.empty();
    }

    /** The variables that name the tag a build is of, each set only then (GitLab, Jenkins, Bitbucket, ...). */
    private static final List<String> TAG_VARIABLES = List.of("CI_COMMIT_TAG", "TAG_NAME", "BITBUCKET_TAG",
            "CIRCLE_TAG", "BUILDKITE_TAG");

    /** A tag the CI system builds, and the variable that says so. */
    public record Tag(String name, String variable) {
    }

    /**
     * The tag being built, when the CI system builds one instead of a branch (a push of a tag): GitHub's
     * {@code GITHUB_REF_TYPE=tag}, GitLab's {@code CI_COMMIT_TAG}, Jenkins' {@code TAG_NAME}, Azure's
     * {@code BUILD_SOURCEBRANCH=refs/tags/...}, Bitbucket's {@code BITBUCKET_TAG}, CircleCI's {@code CIRCLE_TAG},
     * Buildkite's {@code BUILDKITE_TAG}.
     */
    public Optional<Tag> tag() {
        String github = env.get("GITHUB_REF_NAME");
        if ("tag".equals(env.get("GITHUB_REF_TYPE")) && github != null && !github.isBlank()) {
            return Optional.of(new Tag(github.strip(), "GITHUB_REF_TYPE=tag"));
        }
        for (String variable : TAG_VARIABLES) {
            String name = env.get(variable);
            if (name != null && !name.isBlank()) {
                return Optional.of(new Tag(name.strip(), variable));
            }
        }
        String azure = env.get("BUILD_SOURCEBRANCH");
        return azure != null && azure.startsWith("refs/tags/") && azure.length() > "refs/tags/".length()
                ? Optional.of(new Tag(azure.substring("refs/tags/".length()), "BUILD_SOURCEBRANCH"))
                : Optional.empty();
    }

    /**
     * The branch a ref names: {@code refs/heads/<branch>} or a plain name (Azure gives a GitHub pull request's source
     * branch without the prefix); null for any other full ref (a tag, a pull request's merge).
     */
    private static String headsRef(String ref) {
        if (ref.startsWith("refs/heads/")) {
            return ref.length() > "refs/heads/".length() ? ref.substring("refs/heads/".length()) : null;
        }
        return ref.startsWith("refs/") ? null : ref;
    }

    /**
     * The commit a push started from, when it is a real commit (not a new branch's zeros): GitHub's push event
     * {@code before}, GitLab's {@code CI_COMMIT_BEFORE_SHA}; on Jenkins the commit of the branch's last successful
     * build ({@code GIT_PREVIOUS_SUCCESSFUL_COMMIT}), so that what a failed build did not publish is built again.
     */
    public Optional<String> pushBefore() {
        return string(event, "before").or(() -> get("CI_COMMIT_BEFORE_SHA"))
                .or(() -> get("GIT_PREVIOUS_SUCCESSFUL_COMMIT"))
                .filter(sha -> !sha.equals(ZERO_SHA) && sha.matches("[0-9a-f]{40}"));
    }

    /**
     * The merge-base of a merge request with its target branch as the CI system computed it: GitLab's
     * {@code CI_MERGE_REQUEST_DIFF_BASE_SHA}, set in merge request pipelines, whose clone often lacks the target branch.
     */
    public Optional<String> mergeRequestBase() {
        return get("CI_MERGE_REQUEST_DIFF_BASE_SHA").filter(sha -> sha.matches("[0-9a-f]{40}"));
    }

    /**
     * The last commit of the pull (merge) request's source branch, as the CI system names it: GitHub's event
     * {@code pull_request.head.sha}, GitLab's {@code CI_MERGE_REQUEST_SOURCE_BRANCH_SHA} (merged results pipelines),
     * Azure's {@code SYSTEM_PULLREQUEST_SOURCECOMMITID}, Bitbucket's {@code BITBUCKET_COMMIT} in a pull request
     * pipeline ({@code BITBUCKET_PR_ID}). They build the merge of it and the target branch.
     */
    public Optional<String> changeRequestHead() {
        JsonElement pr = event.get("pull_request");
        JsonElement head = pr != null && pr.isJsonObject() ? pr.getAsJsonObject().get("head") : null;
        Optional<String> github = head != null && head.isJsonObject() ? string(head.getAsJsonObject(), "sha")
                : Optional.empty();
        return github.or(() -> get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"))
                .or(() -> get("SYSTEM_PULLREQUEST_SOURCECOMMITID"))
                .or(() -> get("BITBUCKET_PR_ID").flatMap(id -> get("BITBUCKET_COMMIT")))
                .filter(sha -> sha.matches("[0-9a-f]{40}"));
    }

    /**
     * In GitHub's merge queue ({@code merge_group} event), the commit the queue builds this pull request's merge on
     * ({@code merge_group.base_sha}): the target branch, or the queue's entry before this one.
     */
    public Optional<String> mergeQueueBase() {
        JsonElement group = event.get("merge_group"); // asked by every plan: no lambdas for a cold JVM to link
        if (group == null || !group.isJsonObject()) {
            return Optional.empty();
        }
        Optional<String> base = string(group.getAsJsonObject(), "base_sha");
        return base.isPresent() && base.get().matches("[0-9a-f]{40}") ? base : Optional.empty();
    }

    /** The message of the merge queue's commit ({@code merge_group.head_commit.message}): it holds the title. */
    public Optional<String> mergeQueueMessage() {
        return mergeGroup().map(group -> group.get("head_commit")).filter(JsonElement::isJsonObject)
                .flatMap(commit -> string(commit.getAsJsonObject(), "message"));
    }

    private Optional<JsonObject> mergeGroup() {
        JsonElement group = event.get("merge_group");
        return group != null && group.isJsonObject() ? Optional.of(group.getAsJsonObject()) : Optional.empty();
    }

    /** The title of the pull (merge, change) request being built: GitHub's event, GitLab's, Jenkins'. */
    public Optional<String> pullRequestTitle() {
        JsonElement pr = event.get("pull_request");
        Optional<String> github = pr != null && pr.isJsonObject() ? string(pr.getAsJsonObject(), "title")
                : Optional.empty();
        return github.or(() -> get("CI_MERGE_REQUEST_TITLE")).or(() -> get("CHANGE_TITLE"));
    }

    private static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }
}
