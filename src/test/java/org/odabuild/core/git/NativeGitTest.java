package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.testing.Skip;
import org.odabuild.testing.TestGit;

/**
 * The installed git answers the plan's questions when there is one, JGit otherwise: on the same repository both must
 * say the same thing to every question, and the installed git must step aside (to JGit) whenever it cannot answer.
 */
class NativeGitTest {

    @TempDir
    Path dir;

    private TestGit git;
    private final List<String> commits = new ArrayList<>();
    private final List<String> paths = List.of("values.yaml", "a b/c d.txt", "a*", "a?b", "Über", "Über/grüße.yaml", "run.sh", "bin.dat",
            "gone.txt", "dir", "dir/inner.txt", "link", "./values.yaml", "a b", "a b/", "missing.txt", "dir//inner.txt",
            "dir/../values.yaml", " values.yaml", "values.yaml ", "");

    @BeforeEach
    void repository() throws Exception {
        if (!TestGit.gitInstalled()) {
            Skip.because("no git executable on the PATH", ".ci/run installs git");
        }
        git = TestGit.init(dir.resolve("repo"));
        git.write("values.yaml", "image:\n  version: 1.0.0\n  prereleaseSuffix:\n").write("gone.txt", "x\n")
                .write("dir/inner.txt", "i\n").write("a b/c d.txt", "space\n").write("run.sh", "echo\n")
                .write("a*/star.txt", "a folder named like a glob\n")
                // hostile: a file whose text reads like a commit; its blob id is no commit to either reader
                .write("fake-commit.txt", "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent "
                        + "0123456789012345678901234567890123456789\ncommitter x <x@x> 1 +0000\n\nnot a commit\n");
        Files.write(git.root().resolve("bin.dat"), new byte[] {0, 1, 2, (byte) 0xff, '\n', 0});
        commits.add(git.commit("first\n\nwith a body\n"));
        git.git().tag().setName("v1").setAnnotated(true).setMessage("one").call();
        git.write("Über/grüße.yaml", "ü: 1\n").delete("gone.txt");
        Files.setPosixFilePermissions(git.root().resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(git.root().resolve("link"), Path.of("values.yaml"));
        commits.add(git.commit("unicode, a deletion, a mode change, a link [skip tests]"));
        git.branch("feature/x").write("values.yaml", "image:\n  version: 1.0.1\n  prereleaseSuffix: x\n");
        commits.add(git.commit("feature"));
        git.checkout("main").write("a b/c d.txt", "main\n");
        commits.add(git.commit("main moves"));
        // a criss-cross: each branch merges the other's tip, so two merge-bases are equally good
        String mainTip = commits.get(3);
        String featureTip = commits.get(2);
        git.checkout("feature/x");
        commits.add(git.merge(mainTip));
        git.checkout("main");
        commits.add(git.merge(featureTip));
        git.checkout("feature/x").write("dir/inner.txt", "feature\n");
        commits.add(git.commit("after the criss-cross"));
        git.checkout("main").write("dir/inner.txt", "main\n").delete("run.sh")
                .write("values.yaml", "image:\n  version: 1.0.0\n  prereleaseSuffix: y\n# end\n");
        // a file that becomes a link: git says "type changed", JGit lists a deletion and an addition
        Files.createSymbolicLink(git.root().resolve("run.sh"), Path.of("values.yaml"));
        commits.add(git.commit("main after the criss-cross"));
        commits.add(latin1Commit(git.git().getRepository()));
    }

    /** A commit whose message is ISO-8859-1, as its encoding header says (JGit decodes it by that header). */
    private static String latin1Commit(Repository repo) throws Exception {
        try (ObjectInserter ins = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve(Constants.HEAD));
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(head.getTree());
            c.setParentId(head);
            PersonIdent me = new PersonIdent("Jörg", "j@example.org");
            c.setAuthor(me);
            c.setCommitter(me);
            c.setEncoding(StandardCharsets.ISO_8859_1);
            c.setMessage("Grüße aus Köln\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate u = repo.updateRef(Constants.HEAD);
            u.setNewObjectId(id);
            u.forceUpdate();
            return id.name();
        }
    }

    private GitRepository jgitOnly(Path root) {
        GitRepository repo = GitRepository.open(root, new GitProcess(dir.resolve("no-such-git").toString(),
                Duration.ofSeconds(5)));
        assertThat(repo.readsNatively()).isFalse();
        return repo;
    }

    private static Object answer(Supplier<?> question) {
        try {
            Object a = question.get();
            return a instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : a;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Every question the plan asks, over every commit, pair of commits, path and revision of the repository. */
    private Map<String, Object> facts(GitRepository repo) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("head", answer(repo::head));
        f.put("shallow", answer(repo::isShallow));
        List<String> asked = new ArrayList<>(commits);
        asked.add(null);
        asked.add("0000000000000000000000000000000000000000");
        asked.add(commits.get(0).substring(0, 7));
        asked.add(commits.get(0).toUpperCase());
        asked.add(repo.blobId(commits.get(0), "fake-commit.txt").orElseThrow());
        for (String c : asked) {
            f.put("parents " + c, answer(() -> repo.parents(c)));
            f.put("time " + c, answer(() -> repo.commitTime(c)));
            f.put("message " + c, answer(() -> repo.message(c)));
            f.put("has " + c, answer(() -> repo.hasCommit(c)));
            f.put("changed from nothing " + c, answer(() -> repo.changedFiles(null, c)));
            f.put("first-parent line " + c, answer(() -> repo.firstParentLine(c, Optional.empty())));
            f.put("tracked " + c, answer(() -> repo.trackedFiles(c, ".")));
            f.put("last touching dir " + c, answer(() -> repo.lastCommitTouching(c, p -> p.startsWith("dir/"))));
            f.put("last touching values " + c, answer(() -> repo.lastCommitTouching(c, "values.yaml"::equals)));
            f.put("last touching a link " + c, answer(() -> repo.lastCommitTouching(c, "link"::equals)));
            f.put("last touching nothing " + c, answer(() -> repo.lastCommitTouching(c, p -> false)));
            for (String other : asked) {
                f.put("first-parent line " + c + " down to " + other, answer(() -> repo.firstParentLine(c,
                        Optional.ofNullable(other))));
                f.put("changed " + c + ".." + other, answer(() -> repo.changedFiles(c, other)));
                f.put("merge-base " + c + " " + other, answer(() -> repo.mergeBase(c, other)));
                f.put("edits " + c + ".." + other, answer(() -> repo.edits(c, other)));
            }
            for (String p : paths) {
                f.put("tracked " + c + " under " + p, answer(() -> repo.trackedFiles(c, p)));
                f.put("read " + c + ":" + p, answer(() -> repo.readFile(c, p)));
                f.put("blob " + c + ":" + p, answer(() -> repo.blobId(c, p)));
                f.put("mentions " + c + ":" + p, answer(() -> repo.mentions(c, p, "prereleaseSuffix")));
                f.put("blob text " + c + ":" + p, answer(() -> repo.blobId(c, p).map(repo::readBlob)));
                f.put("entry " + c + ":" + p, answer(() -> repo.entry(c, p)));
            }
            f.put("entry " + c + ":.", answer(() -> repo.entry(c, ".")));
        }
        for (String rev : List.of("main", "feature/x", "refs/heads/main", "HEAD", "HEAD~1", "HEAD^2", "v1", "v1^{}",
                "nope", "origin/main", commits.get(1), commits.get(1).substring(0, 10), "main:values.yaml", " main",
                "main\nfeature/x", "")) {
            f.put("resolve '" + rev + "'", answer(() -> repo.resolveCommit(rev)));
        }
        return f;
    }

    private static void assertAlike(Map<String, Object> installed, Map<String, Object> jgit) {
        assertThat(installed.keySet()).isEqualTo(jgit.keySet());
        List<String> differences = jgit.keySet().stream()
                .filter(k -> !Objects.equals(installed.get(k), jgit.get(k)))
                .map(k -> k + ": the installed git says " + installed.get(k) + ", JGit " + jgit.get(k)).toList();
        assertThat(differences).isEmpty();
    }

    @Test
    void theInstalledGitAndJGitAnswerAlike() {
        try (GitRepository installed = GitRepository.open(git.root()); GitRepository jgit = jgitOnly(git.root())) {
            assertThat(installed.readsNatively()).as("the installed git is used").isTrue();
            Map<String, Object> expected = facts(jgit);
            assertAlike(facts(installed), expected);
            // the questions reached real answers, not only errors both would give
            assertThat(expected.get("head").toString()).contains("Grüße aus Köln");
            assertThat(expected.get("changed " + commits.get(0) + ".." + commits.get(1)).toString())
                    .contains("Über/grüße.yaml", "gone.txt", "run.sh", "link");
            assertThat(expected.get("read " + commits.get(0) + ":bin.dat")).isNotEqualTo("GitException");
        }
    }

    @Test
    void everyPlainQuestionIsAnsweredWithoutSettingJGitUp() {
        try (GitRepository repo = GitRepository.open(git.root())) {
            String head = repo.head().id();
            String first = commits.get(0);
            assertThat(repo.parents(head)).hasSize(1);
            assertThat(repo.commitTime(first)).isNotNull();
            assertThat(repo.hasCommit(first)).isTrue();
            assertThat(repo.isShallow()).isFalse();
            assertThat(repo.resolveCommit("feature/x")).contains(commits.get(6));
            assertThat(repo.mergeBase(commits.get(6), commits.get(7))).isPresent();
            assertThat(repo.changedFiles(first, head)).contains("run.sh");
            assertThat(repo.firstParentLine(head, Optional.of(first))).contains(head);
            assertThat(repo.lastCommitTouching(head, p -> p.startsWith("dir/"))).contains(commits.get(7));
            assertThat(repo.lastCommitTouching(head, p -> false)).isEmpty();
            assertThat(repo.trackedFiles(head, "a b")).containsExactly("a b/c d.txt");
            assertThat(repo.readFile(first, "values.yaml")).contains("image:\n  version: 1.0.0\n  prereleaseSuffix:\n");
            assertThat(repo.readFile(first, "missing.txt")).isEmpty();
            assertThat(repo.mentions(first, "values.yaml", "prereleaseSuffix")).isTrue();
            assertThat(repo.blobId(first, "values.yaml").map(repo::readBlob)).isEqualTo(repo.readFile(first,
                    "values.yaml"));
            assertThat(repo.entry(head, "dir")).hasValueSatisfying(e -> assertThat(e.isFolder()).isTrue());
            assertThat(repo.entry(commits.get(1), "run.sh")).hasValueSatisfying(e -> assertThat(e.isFile()).isTrue());
            // run.sh became a link: neither a file nor a folder, whatever it points at
            assertThat(repo.entry(head, "run.sh")).hasValueSatisfying(e -> assertThat(e.isFile() || e.isFolder())
                    .isFalse());
            assertThat(repo.entry(head, ".")).hasValueSatisfying(e -> assertThat(e.isFolder()).isTrue());
            assertThat(repo.entry(head, "missing.txt")).isEmpty();
            assertThat(repo.edits(commits.get(6), commits.get(7))).extracting(GitRepository.FileEdit::path)
                    .contains("values.yaml", "run.sh", "dir/inner.txt");
            assertThat(repo.jgitOpened()).as("JGit was set up").isFalse();
        }
    }

    /**
     * Both readers' line edits are those JGit's DiffFormatter (which the plan used before) finds, file by file: its
     * change types, paths and edits, and the lines of each side where there are edits.
     */
    @Test
    void lineEditsAreThoseOfJGitsDiffFormatter() throws Exception {
        Repository jgitRepository = git.git().getRepository();
        try (GitRepository installed = GitRepository.open(git.root()); GitRepository jgit = jgitOnly(git.root())) {
            int compared = 0;
            for (String a : commits) {
                for (String b : commits) {
                    List<GitRepository.FileEdit> expected = formatterEdits(jgitRepository, a, b);
                    for (GitRepository repo : List.of(installed, jgit)) {
                        assertThat(repo.edits(a, b)).as("%s..%s", a, b).isEqualTo(expected);
                    }
                    compared += expected.size();
                }
            }
            assertThat(compared).isGreaterThan(100);
            List<GitRepository.FileEdit> typeChange = installed.edits(commits.get(6), commits.get(7)).stream()
                    .filter(e -> e.path().equals("run.sh")).toList();
            assertThat(typeChange).extracting(GitRepository.FileEdit::type)
                    .containsExactly(DiffEntry.ChangeType.DELETE, DiffEntry.ChangeType.ADD);
            GitRepository.FileEdit values = installed.edits(commits.get(6), commits.get(7)).stream()
                    .filter(e -> e.path().equals("values.yaml")).findFirst().orElseThrow();
            assertThat(values.edits()).isNotEmpty();
            assertThat(values.newLines()).endsWith("  prereleaseSuffix: y", "# end");
        }
    }

    /** What {@code edits} answered before it read blobs through either reader: JGit's DiffFormatter. */
    private static List<GitRepository.FileEdit> formatterEdits(Repository repo, String a, String b) throws Exception {
        List<GitRepository.FileEdit> out = new ArrayList<>();
        try (DiffFormatter f = new DiffFormatter(DisabledOutputStream.INSTANCE); RevWalk walk = new RevWalk(repo)) {
            f.setRepository(repo);
            f.setDetectRenames(false);
            f.setBinaryFileThreshold(8 << 20);
            for (DiffEntry d : f.scan(walk.parseCommit(ObjectId.fromString(a)).getTree(),
                    walk.parseCommit(ObjectId.fromString(b)).getTree())) {
                EditList edits = f.toFileHeader(d).toEditList();
                boolean text = !edits.isEmpty();
                out.add(new GitRepository.FileEdit(d.getChangeType(), d.getChangeType() == DiffEntry.ChangeType.DELETE
                        ? d.getOldPath() : d.getNewPath(), text ? lines(repo, d.getOldId().toObjectId()) : List.of(),
                        text ? lines(repo, d.getNewId().toObjectId()) : List.of(), edits));
            }
        }
        return out;
    }

    private static List<String> lines(Repository repo, ObjectId blob) throws Exception {
        if (blob.equals(ObjectId.zeroId())) {
            return List.of();
        }
        RawText text = new RawText(repo.open(blob).getBytes());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            lines.add(text.getString(i));
        }
        return lines;
    }

    @Test
    void ofSeveralMergeBasesTheNewestIsTaken() {
        try (GitRepository installed = GitRepository.open(git.root()); GitRepository jgit = jgitOnly(git.root())) {
            String feature = commits.get(6);
            String main = commits.get(7);
            // each branch merged the other's tip: the feature commit and main's commit are both best ancestors
            String a = commits.get(2);
            String b = commits.get(3);
            assertThat(installed.mergeBase(feature, main)).isEqualTo(jgit.mergeBase(feature, main));
            int byTime = installed.commitTime(a).compareTo(installed.commitTime(b));
            String newest = byTime > 0 ? a : byTime < 0 ? b : a.compareTo(b) < 0 ? a : b;
            assertThat(installed.mergeBase(feature, main)).contains(newest);
        }
    }

    @Test
    void aShallowCloneAndADetachedHeadAreReadAlike() throws Exception {
        TestGit shallow = git.shallowClone(dir.resolve("shallow"), "main", 2);
        try (GitRepository installed = GitRepository.open(shallow.root());
                GitRepository jgit = jgitOnly(shallow.root())) {
            assertThat(installed.readsNatively()).isTrue();
            assertThat(installed.isShallow()).isTrue();
            Map<String, Object> expected = facts(jgit);
            assertAlike(facts(installed), expected);
            String boundary = installed.parents(installed.head().id()).get(0);
            assertThat(installed.parents(boundary)).as("a shallow boundary has no parents here").isEmpty();
        }
        git.detach();
        try (GitRepository installed = GitRepository.open(git.root()); GitRepository jgit = jgitOnly(git.root())) {
            assertThat(installed.head().checkedOutBranch()).isEmpty();
            assertThat(installed.head()).isEqualTo(jgit.head());
        }
    }

    @Test
    void aGitThatFailsOrSaysWhatItShouldNotLeavesTheAnswerToJGit() throws Exception {
        // a git that answers the set-up, then fails every diff and merge-base: each such question goes to JGit
        Path flaky = script("flaky-git", "case \"$*\" in *diff-tree*|*merge-base*) exit 3;; esac\nexec git \"$@\"\n");
        try (GitRepository repo = GitRepository.open(git.root(), new GitProcess(flaky.toString(),
                Duration.ofSeconds(30))); GitRepository jgit = jgitOnly(git.root())) {
            assertThat(repo.readsNatively()).isTrue();
            assertAlike(facts(repo), facts(jgit));
        }
        // a git whose object answers are not understood, or that does not answer, is not used at all
        Path garbage = script("garbage-git", "case \"$*\" in *cat-file*) read x; echo nonsense; exit 0;; esac\n"
                + "exec git \"$@\"\n");
        Path silent = script("silent-git", "case \"$*\" in *cat-file*) exec sleep 60;; esac\nexec git \"$@\"\n");
        for (Path broken : List.of(garbage, silent)) {
            long start = System.nanoTime();
            try (GitRepository repo = GitRepository.open(git.root(), new GitProcess(broken.toString(),
                    Duration.ofMillis(500)))) {
                assertThat(repo.readsNatively()).isFalse();
                assertThat(repo.head().id()).isEqualTo(commits.get(commits.size() - 1));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
        // a folder inside a work tree is not asked about: git would answer for the repository above it
        Path inner = git.root().resolve("dir");
        assertThat(NativeGit.open(GitProcess.installed(), inner)).isEmpty();
    }

    @Test
    void aRepositoryWithoutCommitsIsRefusedAsBefore() {
        TestGit empty = TestGit.init(dir.resolve("empty"));
        assertThat(NativeGit.open(GitProcess.installed(), empty.root())).isEmpty();
        assertThatThrownBy(() -> GitRepository.open(empty.root())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("without commits");
    }

    private Path script(String name, String body) throws Exception {
        Path s = dir.resolve(name);
        Files.writeString(s, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }
}
