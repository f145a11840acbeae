package org.odabuild.core.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.odabuild.core.DaemonThreads;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;

/**
 * The few questions the plugin asks git: through the installed git when there is one ({@link NativeGit}, fast in a
 * cold JVM), else, and for whatever it does not answer, through JGit (no git binary needed), opened on first use.
 */
public final class GitRepository implements AutoCloseable {

    private static final int MAX_LOOK_BACK = 1000;

    private final Path root;
    private final NativeGit nativeGit; // null: JGit answers everything
    private Repository repository; // opened on first use when nativeGit is there
    private final Map<String, Set<String>> changed = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    private GitRepository(Path root, NativeGit nativeGit, Repository repository) {
        this.root = root;
        this.nativeGit = nativeGit;
        this.repository = repository;
    }

    public static GitRepository open(Path root) {
        return open(root, GitProcess.installed());
    }

    /** With this git executable (a missing one: JGit alone). */
    static GitRepository open(Path root, GitProcess git) {
        Optional<NativeGit> installed = NativeGit.open(git, root);
        if (installed.isPresent()) {
            return new GitRepository(root, installed.get(), null);
        }
        try {
            Repository repo = JGitRepositories.open(root, true);
            if (repo.resolve(Constants.HEAD) == null) {
                repo.close();
                throw new InvalidInputException(root + " is a git repository without commits: commit first");
            }
            return new GitRepository(root, null, repo);
        } catch (IOException e) {
            throw new InvalidInputException(root + " is not a git repository (" + e.getMessage() + "): the plan"
                    + " compares commits, run it inside a git clone or set " + Setting.REPOSITORY_ROOT, e);
        }
    }

    /** Whether the installed git answers (else JGit alone): for tests that compare the two. */
    boolean readsNatively() {
        return nativeGit != null;
    }

    /** Whether JGit had to be opened: for tests that check the installed git answers by itself. */
    synchronized boolean jgitOpened() {
        return repository != null;
    }

    private synchronized Repository jgit() {
        if (repository == null) {
            try {
                repository = JGitRepositories.open(root, true);
            } catch (IOException e) {
                throw failure("open the repository", e);
            }
        }
        return repository;
    }

    /** The installed git's answer, or JGit's when it has none. */
    private <T> T either(Function<NativeGit, T> installed, Supplier<T> jgit) {
        if (nativeGit != null) {
            try {
                return installed.apply(nativeGit);
            } catch (NativeGit.Unanswered e) {
                // asked of JGit below
            }
        }
        return jgit.get();
    }

    /**
     * {@link #open} on a thread of its own (which keeps the caller's context class loader), for a caller with other
     * work to do meanwhile; {@link #await} takes the result.
     */
    public static CompletableFuture<GitRepository> openAsync(Path root) {
        return CompletableFuture.supplyAsync(() -> open(root), GitRepository::background);
    }

    /**
     * Modified, added, deleted and untracked (not ignored) files of the work tree and index of the repository
     * {@link #openAsync} is opening, started at once: from the installed git when there is one (its native walk of a
     * large work tree is several times faster, and needs no JGit repository, so it runs beside JGit's set-up), else
     * from JGit's walk once the repository is open. Both name the same files.
     */
    public static CompletableFuture<Set<String>> uncommittedFilesAsync(Path root,
            CompletableFuture<GitRepository> opening) {
        return CompletableFuture.supplyAsync(() -> NativeGitStatus.installed().uncommittedFiles(root),
                GitRepository::background).thenCompose(answer -> answer.map(CompletableFuture::completedFuture)
                        .orElseGet(() -> opening.thenApplyAsync(GitRepository::uncommittedFilesByJGit,
                                GitRepository::background)));
    }

    /**
     * Runs a git task on a thread of its own (an {@link java.util.concurrent.Executor}): for work that follows
     * {@link #openAsync} with {@code thenApplyAsync}. A plain {@code thenApply} may run on the thread that waits for
     * the repository, which then does the work it meant to overlap.
     */
    public static void background(Runnable task) {
        new DaemonThreads("oda-git").newThread(task).start();
    }

    /** What a git task on another thread ({@link #openAsync} and what follows it) gave, or the error it threw. */
    public static <T> T await(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public Path root() {
        return root;
    }

    private GitException failure(String what, Exception e) {
        String said = "git could not " + what + " in " + root + ": " + e.getMessage();
        return new GitException(partialCloneRemedy(e).map(remedy -> said + "; " + remedy).orElse(said), e);
    }

    private synchronized Optional<String> partialCloneRemedy(Exception e) {
        return repository == null ? Optional.empty()
                : PartialClone.remedy(e, repository.getConfig(), nativeGit != null);
    }

    public HeadCommit head() {
        return either(NativeGit::head, this::headByJGit);
    }

    private HeadCommit headByJGit() {
        Repository repository = jgit();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(repository.resolve(Constants.HEAD));
            String full = repository.getFullBranch();
            Optional<String> branch = full != null && full.startsWith(Constants.R_HEADS)
                    ? Optional.of(full.substring(Constants.R_HEADS.length()))
                    : Optional.empty();
            return new HeadCommit(c.getName(), Instant.ofEpochSecond(c.getCommitTime()), CommitText.message(c.getRawBuffer()),
                    branch);
        } catch (IOException e) {
            throw failure("read HEAD", e);
        }
    }

    /** The commit a revision string names, empty when it names nothing (or something that is not here). */
    public Optional<String> resolveCommit(String revision) {
        return either(n -> n.resolveCommit(revision), () -> resolveCommitByJGit(revision));
    }

    private Optional<String> resolveCommitByJGit(String revision) {
        Repository repository = jgit();
        try {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return id == null || !repository.getObjectDatabase().has(id) ? Optional.empty() : Optional.of(id.name());
        } catch (RevisionSyntaxException | MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("resolve '" + revision + "'", e);
        }
    }

    public boolean hasCommit(String sha) {
        return either(n -> n.hasCommit(sha), () -> hasCommitByJGit(sha));
    }

    private boolean hasCommitByJGit(String sha) {
        try {
            return ObjectId.isId(sha) && jgit().getObjectDatabase().has(ObjectId.fromString(sha));
        } catch (IOException e) {
            throw failure("look up commit " + sha, e);
        }
    }

    /** The parents of a commit as this clone knows them (none at a shallow boundary). */
    public List<String> parents(String commit) {
        return either(n -> n.parents(commit), () -> parentsByJGit(commit));
    }

    private List<String> parentsByJGit(String commit) {
        try (RevWalk walk = new RevWalk(jgit())) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            List<String> out = new ArrayList<>();
            for (RevCommit p : c.getParents()) {
                out.add(p.getName());
            }
            return out;
        } catch (IOException e) {
            throw failure("read the parents of " + commit, e);
        }
    }

    public boolean isShallow() {
        return either(NativeGit::isShallow, this::isShallowByJGit);
    }

    private boolean isShallowByJGit() {
        try {
            return !jgit().getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw failure("tell whether the clone is shallow", e);
        }
    }

    /**
     * The best common ancestor, empty when there is none in this clone (unrelated, or cut by a shallow fetch). Of
     * several (after criss-cross merges) the newest, then the lowest id: both readers choose the same.
     */
    public Optional<String> mergeBase(String a, String b) {
        List<String> bases = either(n -> n.mergeBases(a, b), () -> mergeBasesByJGit(a, b));
        return bases.stream().min(Comparator.comparing(this::commitTime).reversed()
                .thenComparing(Comparator.naturalOrder()));
    }

    private List<String> mergeBasesByJGit(String a, String b) {
        try (RevWalk walk = new RevWalk(jgit())) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
            List<String> bases = new ArrayList<>();
            for (RevCommit base = walk.next(); base != null; base = walk.next()) {
                bases.add(base.getName());
            }
            return bases;
        } catch (IOException e) {
            throw failure("find the merge-base of " + a + " and " + b, e);
        }
    }

    public Instant commitTime(String commit) {
        return either(n -> n.commitTime(commit), () -> commitTimeByJGit(commit));
    }

    private Instant commitTimeByJGit(String commit) {
        try (RevWalk walk = new RevWalk(jgit())) {
            return Instant.ofEpochSecond(walk.parseCommit(ObjectId.fromString(commit)).getCommitTime());
        } catch (IOException e) {
            throw failure("read the time of commit " + commit, e);
        }
    }

    /**
     * A commit's full message, decoded as JGit's RevCommit decodes it, by one decoder for both paths (JGit's own
     * throws on a malformed object whose "message" starts inside its headers).
     */
    public String message(String commit) {
        return either(n -> n.message(commit), () -> messageByJGit(commit));
    }

    private String messageByJGit(String commit) {
        try (RevWalk walk = new RevWalk(jgit())) {
            return CommitText.message(walk.parseCommit(ObjectId.fromString(commit)).getRawBuffer());
        } catch (IOException e) {
            throw failure("read the message of commit " + commit, e);
        }
    }

    /** Files added, changed or deleted between two commits; a null base means "the empty tree". */
    public Set<String> changedFiles(String base, String head) {
        // the plan asks the same pair again (the change set, then a release image's window): asked once
        return changed.computeIfAbsent(base + ".." + head, k -> Collections.unmodifiableSet(
                either(n -> n.changedFiles(base, head), () -> changedFilesByJGit(base, head))));
    }

    private Set<String> changedFilesByJGit(String base, String head) {
        Set<String> files = new TreeSet<>();
        for (DiffEntry d : diff(base, head)) {
            if (!d.getOldPath().equals(DiffEntry.DEV_NULL)) {
                files.add(d.getOldPath());
            }
            if (!d.getNewPath().equals(DiffEntry.DEV_NULL)) {
                files.add(d.getNewPath());
            }
        }
        return files;
    }

    /** One file's change between two commits, line by line. */
    public record FileEdit(DiffEntry.ChangeType type, String path, List<String> oldLines, List<String> newLines,
            EditList edits) {
    }

    /**
     * The line edits of every file changed between two commits (a null base: the empty tree); a binary file, one
     * over {@value LineEdits#BINARY_THRESHOLD} bytes or a submodule has none, and then no lines either.
     */
    public List<FileEdit> edits(String base, String head) {
        return either(n -> LineEdits.of(n.treeChanges(base, head), n::blob),
                () -> LineEdits.of(diff(base, head).stream().map(TreeChange::of).toList(), this::blobByJGit));
    }

    private Optional<byte[]> blobByJGit(String id, long maxSize) {
        try {
            ObjectLoader blob = jgit().open(ObjectId.fromString(id));
            return blob.getSize() > maxSize ? Optional.empty() : Optional.of(blob.getBytes());
        } catch (IOException e) {
            throw failure("read blob " + id, e);
        }
    }

    private List<DiffEntry> diff(String base, String head) {
        // the paths only: a plain tree walk, without the line diff machinery a DiffFormatter sets up
        Repository repository = jgit();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(tree(base, reader));
            walk.addTree(tree(head, reader));
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            return DiffEntry.scan(walk);
        } catch (IOException e) {
            throw failure("diff " + base + " and " + head, e);
        }
    }

    private AbstractTreeIterator tree(String commit, ObjectReader reader) throws IOException {
        if (commit == null) {
            return new EmptyTreeIterator();
        }
        try (RevWalk walk = new RevWalk(reader)) {
            CanonicalTreeParser p = new CanonicalTreeParser();
            p.reset(reader, walk.parseCommit(ObjectId.fromString(commit)).getTree());
            return p;
        }
    }

    /** Modified, added, deleted and untracked (not ignored) files of the work tree and index, by JGit's walk. */
    Set<String> uncommittedFilesByJGit() {
        try (Git git = new Git(jgit())) {
            Status s = git.status().call();
            Set<String> files = new TreeSet<>();
            files.addAll(s.getAdded());
            files.addAll(s.getChanged());
            files.addAll(s.getModified());
            files.addAll(s.getRemoved());
            files.addAll(s.getMissing());
            files.addAll(s.getUntracked());
            files.addAll(s.getConflicting());
            return files;
        } catch (GitAPIException e) {
            throw failure("run git status", e);
        }
    }

    /**
     * Whether a file at a commit has at most {@value LineEdits#BINARY_THRESHOLD} bytes (the size up to which
     * {@link #edits} has line edits) and contains {@code text}; false when it is not a file there.
     */
    public boolean mentions(String commit, String path, String text) {
        return either(n -> n.fileBytes(commit, path, LineEdits.BINARY_THRESHOLD), () -> fileBytesByJGit(commit,
                path, LineEdits.BINARY_THRESHOLD)).map(bytes -> new String(bytes, StandardCharsets.UTF_8)
                .contains(text)).orElse(false);
    }

    /** A file's text at a commit, empty when it is not a file there. */
    public Optional<String> readFile(String commit, String path) {
        return either(n -> n.fileBytes(commit, path, Long.MAX_VALUE), () -> fileBytesByJGit(commit, path,
                Long.MAX_VALUE)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * A path at a commit with the links in it followed (inside the repository), as the work tree reads it; empty when
     * it is not there, or a link leads outside or loops.
     */
    Optional<String> resolveLinks(String commit, String path) {
        return LinkedPath.resolve(this, commit, path).map(LinkedPath.Resolved::path);
    }

    /** The blob id of the file a path names at a commit once its links are followed ({@link #resolveLinks}). */
    public Optional<String> blobIdThroughLinks(String commit, String path) {
        return LinkedPath.resolve(this, commit, path).map(LinkedPath.Resolved::entry).filter(TreeEntry::isFile)
                .map(TreeEntry::id);
    }

    /** {@link #readFile} of the file a path names at a commit once its links are followed ({@link #resolveLinks}). */
    public Optional<String> readFileThroughLinks(String commit, String path) {
        return blobIdThroughLinks(commit, path).map(this::readBlob);
    }

    private Optional<byte[]> fileBytesByJGit(String commit, String path, long maxSize) {
        Repository repository = jgit();
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tw = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            if (tw == null || tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                return Optional.empty();
            }
            ObjectLoader blob = repository.open(tw.getObjectId(0));
            if (blob.getSize() > maxSize) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            blob.copyTo(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw failure("read " + path + " at " + commit, e);
        }
    }

    /**
     * HEAD's first-parent line, newest first, down to the commits that {@code stop} (a merge-base) already holds:
     * after main was merged into a branch, the line does not run on into main's history. It ends early at the first
     * commit or at a shallow clone's boundary.
     */
    public List<String> firstParentLine(String head, Optional<String> stop) {
        return lines.computeIfAbsent(head + ".." + stop.orElse(""), k -> List.copyOf(firstParentLine(head, stop,
                Integer.MAX_VALUE)));
    }

    private List<String> firstParentLine(String head, Optional<String> stop, int limit) {
        return either(n -> n.firstParentLine(head, stop, limit), () -> firstParentLineByJGit(head, stop, limit));
    }

    private List<String> firstParentLineByJGit(String head, Optional<String> stop, int limit) {
        List<String> line = new ArrayList<>();
        Set<String> own = stop.map(base -> onlyInByJGit(head, base)).orElse(null); // null: no stop
        try (RevWalk walk = new RevWalk(jgit())) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(head));
            while (c != null && line.size() < limit && (own == null || own.contains(c.getName()))) {
                line.add(c.getName());
                c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            }
            return line;
        } catch (MissingObjectException e) {
            return line; // a shallow boundary's parent: the line known so far is what there is
        } catch (IOException e) {
            throw failure("walk the history of " + head, e);
        }
    }

    /** The commits reachable from {@code head} but not from {@code base}: what a branch adds to it. */
    private Set<String> onlyInByJGit(String head, String base) {
        try (RevWalk walk = new RevWalk(jgit())) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            walk.markUninteresting(walk.parseCommit(ObjectId.fromString(base)));
            Set<String> commits = new HashSet<>();
            for (RevCommit c : walk) {
                commits.add(c.getName());
            }
            return commits;
        } catch (IOException e) {
            throw failure("compare the histories of " + head + " and " + base, e);
        }
    }

    /**
     * The newest commit on HEAD's first-parent line that changed a file the filter accepts (against its first
     * parent), looking back at most {@value #MAX_LOOK_BACK} commits.
     */
    public Optional<String> lastCommitTouching(String head, Predicate<String> files) {
        List<String> line = firstParentLine(head, Optional.empty(), MAX_LOOK_BACK + 1);
        List<String> commits = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < Math.min(line.size(), MAX_LOOK_BACK); i++) {
            String parent = i + 1 < line.size() ? line.get(i + 1) : null;
            if (parent == null && isShallow()) {
                break; // the boundary's parent is not here: its diff would be everything
            }
            commits.add(line.get(i));
            parents.add(parent);
        }
        // the installed git diffs the newest few in one process, then the rest: a thousand diffs asked one by one
        // would each start a git process
        for (int from = 0, to; from < commits.size(); from = to) {
            to = Math.min(commits.size(), from * 8 + 16);
            List<String> some = commits.subList(from, to);
            List<String> theirParents = parents.subList(from, to);
            List<Set<String>> changed = either(n -> n.changedFilesOfEach(some, theirParents), () -> {
                List<Set<String>> byJGit = new ArrayList<>();
                for (int i = 0; i < some.size(); i++) {
                    byJGit.add(changedFilesByJGit(theirParents.get(i), some.get(i)));
                }
                return byJGit;
            });
            for (int i = 0; i < some.size(); i++) {
                if (changed.get(i).stream().anyMatch(files)) {
                    return Optional.of(some.get(i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a commit's tree holds at a path: a file or a folder, with its object id.
     *
     * @param mode git's mode bits ({@code 040000} a folder, {@code 100644} a file, {@code 120000} a link)
     */
    public record TreeEntry(int mode, String id) {

        public boolean isFolder() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        /** A regular or executable file: not a link, whose blob is the text of its target. */
        public boolean isFile() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
        }

        /** A symbolic link: its blob is the text of its target. */
        public boolean isLink() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
        }
    }

    /** The entry at a path of a commit ("." for its root), empty when there is none. */
    public Optional<TreeEntry> entry(String commit, String path) {
        return either(n -> n.entry(commit, path), () -> entryByJGit(commit, path));
    }

    private Optional<TreeEntry> entryByJGit(String commit, String path) {
        Repository repository = jgit();
        try (RevWalk walk = new RevWalk(repository)) {
            var tree = walk.parseCommit(ObjectId.fromString(commit)).getTree();
            if (path.equals(".")) {
                return Optional.of(new TreeEntry(FileMode.TREE.getBits(), tree.name()));
            }
            try (TreeWalk tw = TreeWalk.forPath(repository, path, tree)) {
                return tw == null ? Optional.empty()
                        : Optional.of(new TreeEntry(tw.getRawMode(0), tw.getObjectId(0).name()));
            }
        } catch (IOException e) {
            throw failure("find " + path + " at " + commit, e);
        }
    }

    /** The blob id of a file at a commit, empty when the file does not exist there. */
    public Optional<String> blobId(String commit, String path) {
        return either(n -> n.blobId(commit, path), () -> blobIdByJGit(commit, path));
    }

    private Optional<String> blobIdByJGit(String commit, String path) {
        Repository repository = jgit();
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tw = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            return tw == null ? Optional.empty() : Optional.of(tw.getObjectId(0).name());
        } catch (IOException e) {
            throw failure("find " + path + " at " + commit, e);
        }
    }

    /** A blob's text (UTF-8). */
    public String readBlob(String blobId) {
        return either(n -> n.readBlob(blobId), () -> readBlobByJGit(blobId));
    }

    private String readBlobByJGit(String blobId) {
        try {
            return new String(jgit().open(ObjectId.fromString(blobId)).getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("read blob " + blobId, e);
        }
    }

    /** Files tracked at a commit below a folder ("." for all). */
    public List<String> trackedFiles(String commit, String folder) {
        return either(n -> n.trackedFiles(commit, folder), () -> trackedFilesByJGit(commit, folder));
    }

    private List<String> trackedFilesByJGit(String commit, String folder) {
        Repository repository = jgit();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tw = new TreeWalk(repository)) {
            tw.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tw.setRecursive(true);
            if (!folder.equals(".")) {
                tw.setFilter(PathFilter.create(folder));
            }
            List<String> files = new ArrayList<>();
            while (tw.next()) {
                files.add(tw.getPathString());
            }
            return files;
        } catch (IOException e) {
            throw failure("list the files of " + commit, e);
        }
    }

    @Override
    public synchronized void close() {
        if (nativeGit != null) {
            nativeGit.close();
        }
        if (repository != null) {
            repository.close();
        }
    }
}
