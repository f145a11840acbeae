package org.odabuild.core.git;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.FileMode;
import org.odabuild.core.DaemonThreads;
import org.odabuild.core.OdaException;
import org.odabuild.core.git.GitRepository.TreeEntry;

/**
 * Commits and files read through the installed git: one {@code git cat-file --batch-command} process answers every
 * object question over a pipe, a {@code diff-tree} or {@code merge-base} process the rest. In a cold JVM a question
 * costs a millisecond or two, where JGit's set-up alone (its message bundle, configuration, the repository) took 0.2 s
 * of a plan. It answers only what it can say exactly as JGit would: anything else (an unusual path, an ambiguous
 * name, an object it cannot read, a git that fails) throws {@link Unanswered} and {@link GitRepository} asks JGit.
 */
final class NativeGit implements AutoCloseable {

    /** Not answered here: JGit is asked instead (it never reaches the user; if it did, it would say why). */
    static final class Unanswered extends OdaException {
        private static final long serialVersionUID = 1L;

        Unanswered(String why) {
            super("the installed git could not answer (" + why + ")");
        }
    }

    private record GitObject(String id, String type, long size) {
    }

    /** What the plan reads of a commit, parsed as JGit's RevCommit parses it. */
    private record Commit(List<String> parents, int time, String message) {
    }

    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern MODE = Pattern.compile("[0-7]{6}");
    /** git knows the empty tree without storing it: "no base" is a diff against it. */
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private final GitProcess git;
    private final Path root;
    private final boolean shallow;
    private final Set<String> shallowCommits;
    private final String headRef;
    private final Process batch;
    private final OutputStream requests;
    private final InputStream answers;
    /** Set when an answer was not understood: the pipe may be out of step, nothing more is asked through it. */
    private boolean broken;
    /** Commits already found here. */
    private final Set<String> commits = new HashSet<>();

    /** When the pending request was sent (System.nanoTime), 0 when none is. */
    private volatile long askedAt;

    private NativeGit(GitProcess git, Path root, boolean shallow, Set<String> shallowCommits, String headRef,
            Process batch) {
        this.git = git;
        this.root = root;
        this.shallow = shallow;
        this.shallowCommits = shallowCommits;
        this.headRef = headRef;
        this.batch = batch;
        this.requests = new BufferedOutputStream(batch.getOutputStream());
        this.answers = new BufferedInputStream(batch.getInputStream());
        new DaemonThreads("oda-git-watchdog").newThread(this::endWhenStuck).start();
    }

    /** A git that does not answer in time is ended: the read waiting for it then fails, and JGit is asked. */
    private void endWhenStuck() {
        long limit = git.timeout().toNanos();
        long poll = Math.max(10, Math.min(git.timeout().toMillis() / 10, 1000));
        try {
            while (batch.isAlive()) {
                long asked = askedAt;
                if (asked != 0 && System.nanoTime() - asked > limit) {
                    GitProcess.end(batch);
                    return;
                }
                Thread.sleep(poll);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The installed git at a work tree's root whose HEAD is a commit; empty when there is no git, it refuses the
     * repository (e.g. {@code safe.directory}) or is too old for {@code cat-file --batch-command} (git 2.36).
     */
    static Optional<NativeGit> open(GitProcess git, Path root) {
        if (!GitProcess.isWorkTreeRoot(root)) {
            return Optional.empty();
        }
        // the reader starts while rev-parse runs: two git start-ups at once, not one after the other
        Process batch;
        try {
            batch = git.command(root, "cat-file", "--batch-command").start();
        } catch (IOException e) {
            return Optional.empty(); // no git
        }
        List<String> facts = git.run(root, "rev-parse", "--is-shallow-repository", "--git-path", "shallow",
                "--symbolic-full-name", "HEAD").filter(r -> r.exitCode() == 0)
                .map(r -> new String(r.output(), StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
        if (facts.size() != 3 || !facts.get(0).matches("true|false")) {
            GitProcess.end(batch);
            return Optional.empty();
        }
        boolean shallow = facts.get(0).equals("true");
        NativeGit reader = null;
        try {
            Set<String> shallowCommits = shallow ? shallowCommits(root.resolve(facts.get(1))) : Set.of();
            reader = new NativeGit(git, root, shallow, shallowCommits, facts.get(2), batch);
            if (!reader.object("info", "HEAD").map(o -> o.type().equals("commit")).orElse(false)) {
                reader.close();
                return Optional.empty();
            }
            return Optional.of(reader);
        } catch (IOException | Unanswered e) {
            if (reader != null) {
                reader.close();
            } else {
                GitProcess.end(batch);
            }
            return Optional.empty();
        }
    }

    private static Set<String> shallowCommits(Path file) throws IOException {
        return Files.exists(file) ? Set.copyOf(Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList()) : Set.of();
    }

    HeadCommit head() {
        GitObject head = object("info", "HEAD").orElseThrow(() -> new Unanswered("HEAD"));
        Commit c = commit(head.id());
        Optional<String> branch = headRef.startsWith("refs/heads/")
                ? Optional.of(headRef.substring("refs/heads/".length())) : Optional.empty();
        return new HeadCommit(head.id(), Instant.ofEpochSecond(c.time()), c.message(), branch);
    }

    Optional<String> resolveCommit(String revision) {
        Optional<GitObject> o = object("info", plain(revision) + "^{commit}");
        return o.filter(c -> c.type().equals("commit")).map(GitObject::id);
    }

    boolean hasCommit(String sha) {
        return object("info", sha(sha)).isPresent();
    }

    List<String> parents(String commit) {
        if (shallowCommits.contains(sha(commit))) {
            return List.of(); // a shallow boundary: its parents are not in this clone, as JGit sees it
        }
        return commit(commit).parents();
    }

    boolean isShallow() {
        return shallow;
    }

    Instant commitTime(String commit) {
        return Instant.ofEpochSecond(commit(commit).time());
    }

    String message(String commit) {
        return commit(commit).message();
    }

    /** Every best common ancestor ({@code merge-base --all}); none when the histories do not meet here. */
    List<String> mergeBases(String a, String b) {
        GitProcess.Result r = git.run(root, "merge-base", "--all", sha(a), sha(b))
                .orElseThrow(() -> new Unanswered("merge-base"));
        if (r.exitCode() == 1 && r.output().length == 0) {
            return List.of();
        }
        if (r.exitCode() != 0) {
            throw new Unanswered("merge-base exit " + r.exitCode());
        }
        return new String(r.output(), StandardCharsets.US_ASCII).lines().map(NativeGit::sha).toList();
    }

    Set<String> changedFiles(String base, String head) {
        GitProcess.Result r = git.run(root, "diff-tree", "-r", "-z", "--no-renames", "--name-only",
                "--ignore-submodules=none", base == null ? EMPTY_TREE : sha(base), sha(head))
                .filter(x -> x.exitCode() == 0).orElseThrow(() -> new Unanswered("diff-tree"));
        return new TreeSet<>(GitProcess.nulTerminated(r.output()).orElseThrow(() -> new Unanswered("diff-tree output")));
    }

    /**
     * {@link GitRepository#edits}' file list: {@code diff-tree --raw}, whose {@code T} (a file that became a link, or
     * the reverse) is a deletion and an addition, as JGit lists it.
     */
    List<TreeChange> treeChanges(String base, String head) {
        GitProcess.Result r = git.run(root, "diff-tree", "-r", "-z", "--no-renames", "--raw", "--no-abbrev",
                "--ignore-submodules=none", base == null ? EMPTY_TREE : sha(base), sha(head))
                .filter(x -> x.exitCode() == 0).orElseThrow(() -> new Unanswered("diff-tree --raw"));
        List<String> fields = GitProcess.nulTerminated(r.output())
                .orElseThrow(() -> new Unanswered("diff-tree --raw output"));
        if (fields.size() % 2 != 0) {
            throw new Unanswered("diff-tree --raw output");
        }
        List<TreeChange> changes = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += 2) {
            changes.addAll(treeChange(fields.get(i), fields.get(i + 1)));
        }
        return changes;
    }

    /** {@code :oldmode newmode oldid newid status} and the path. */
    private static List<TreeChange> treeChange(String raw, String path) {
        String[] f = raw.split(" ");
        if (f.length != 5 || !f[0].startsWith(":") || !SHA1.matcher(f[2]).matches() || !SHA1.matcher(f[3]).matches()) {
            throw new Unanswered("diff-tree --raw record " + raw);
        }
        FileMode before = mode(f[0].substring(1));
        FileMode after = mode(f[1]);
        String zero = TreeChange.ABSENT;
        return switch (f[4]) {
            case "A" -> List.of(new TreeChange(ChangeType.ADD, path, before, after, zero, f[3]));
            case "D" -> List.of(new TreeChange(ChangeType.DELETE, path, before, after, f[2], zero));
            case "M" -> List.of(new TreeChange(ChangeType.MODIFY, path, before, after, f[2], f[3]));
            case "T" -> List.of(new TreeChange(ChangeType.DELETE, path, before, FileMode.MISSING, f[2], zero),
                    new TreeChange(ChangeType.ADD, path, FileMode.MISSING, after, zero, f[3]));
            default -> throw new Unanswered("diff-tree --raw status " + f[4]);
        };
    }

    private static FileMode mode(String octal) {
        if (!MODE.matcher(octal).matches()) {
            throw new Unanswered("diff-tree --raw mode " + octal);
        }
        return FileMode.fromBits(Integer.parseInt(octal, 8));
    }

    /** A blob's bytes; empty when it has more than {@code maxSize}. */
    Optional<byte[]> blob(String id, long maxSize) {
        GitObject o = object("info", sha(id)).orElseThrow(() -> new Unanswered("missing object " + id));
        return o.size() > maxSize ? Optional.empty() : Optional.of(contents(o.id(), "blob"));
    }

    /**
     * The files each commit changed against its given parent (null: against nothing), from one {@code diff-tree
     * --stdin}: its output names each commit (always, even one that changed nothing), then that commit's files.
     */
    List<Set<String>> changedFilesOfEach(List<String> commits, List<String> parents) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < commits.size(); i++) {
            input.append(sha(commits.get(i)));
            if (parents.get(i) != null) {
                input.append(' ').append(sha(parents.get(i)));
            }
            input.append('\n');
        }
        GitProcess.Result r = git.run(root, input.toString().getBytes(StandardCharsets.US_ASCII), "diff-tree",
                "--stdin", "-r", "-z", "--name-only", "--no-renames", "--root", "--always",
                "--ignore-submodules=none").filter(x -> x.exitCode() == 0)
                .orElseThrow(() -> new Unanswered("diff-tree --stdin"));
        List<String> records = GitProcess.nulTerminated(r.output())
                .orElseThrow(() -> new Unanswered("diff-tree output"));
        List<Set<String>> changed = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < commits.size(); i++) {
            if (at >= records.size() || !records.get(at).equals(commits.get(i))) {
                throw new Unanswered("diff-tree output out of step at " + commits.get(i));
            }
            at++;
            Set<String> files = new TreeSet<>();
            String next = i + 1 < commits.size() ? commits.get(i + 1) : null;
            while (at < records.size() && !records.get(at).equals(next)) {
                files.add(records.get(at++));
            }
            changed.add(files);
        }
        return changed;
    }

    /** See {@link GitRepository#trackedFiles}: {@code ls-tree -r}, in the same (tree) order as JGit's walk. */
    List<String> trackedFiles(String commit, String folder) {
        List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--name-only", "--full-tree",
                requireCommit(commit)));
        if (!folder.equals(".")) {
            args.add("--");
            args.add(plainPath(folder));
        }
        GitProcess.Result r = git.run(root, args.toArray(String[]::new)).filter(x -> x.exitCode() == 0)
                .orElseThrow(() -> new Unanswered("ls-tree"));
        return GitProcess.nulTerminated(r.output()).orElseThrow(() -> new Unanswered("ls-tree output"));
    }

    /** See {@link GitRepository#entry}: {@code ls-tree} of one path; the commit's own tree for ".". */
    Optional<TreeEntry> entry(String commit, String path) {
        if (path.equals(".")) {
            return object("info", requireCommit(commit) + "^{tree}").map(o -> new TreeEntry(FileMode.TREE.getBits(), o.id()));
        }
        String name = plainPath(path);
        // a folder is told over the pipe; only a blob needs ls-tree, for its mode (a file or a link)
        Optional<GitObject> o = object("info", inCommit(commit, path));
        if (o.isEmpty() || o.get().type().equals("tree")) {
            return o.map(tree -> new TreeEntry(FileMode.TREE.getBits(), tree.id()));
        }
        GitProcess.Result r = git.run(root, "ls-tree", "-z", "--full-tree", requireCommit(commit), "--", name)
                .filter(x -> x.exitCode() == 0).orElseThrow(() -> new Unanswered("ls-tree"));
        List<String> records = GitProcess.nulTerminated(r.output()).orElseThrow(() -> new Unanswered(
                "ls-tree output"));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        // "<mode> SP <type> SP <id> TAB <path>": one record, of the path asked (a folder's contents need a '/')
        String[] f = records.get(0).split("[ \t]", 4);
        if (records.size() != 1 || f.length != 4 || !f[3].equals(name) || !SHA1.matcher(f[2]).matches()) {
            throw new Unanswered("ls-tree record " + records.get(0));
        }
        return Optional.of(new TreeEntry(mode(f[0]).getBits(), f[2]));
    }

    /** A file's bytes at a commit; empty when it is not a file there. */
    Optional<byte[]> fileBytes(String commit, String path, long maxSize) {
        String name = inCommit(commit, path);
        Optional<GitObject> o = object("info", name);
        if (o.isEmpty() || !o.get().type().equals("blob") || o.get().size() > maxSize) {
            return Optional.empty();
        }
        return Optional.of(contents(o.get().id()));
    }

    Optional<String> blobId(String commit, String path) {
        return object("info", inCommit(commit, path)).map(GitObject::id);
    }

    String readBlob(String blobId) {
        return new String(contents(sha(blobId)), StandardCharsets.UTF_8);
    }

    /**
     * {@code commit:path} for the batch protocol, once the commit is known to be one here: {@code missing} would not
     * tell an absent file from an absent commit (which JGit reports as an error).
     */
    private String inCommit(String commit, String path) {
        String name = plainPath(path);
        return requireCommit(commit) + ":" + name;
    }

    /** A full id that names a commit here (else JGit says what is wrong with it). */
    private synchronized String requireCommit(String commit) {
        String id = sha(commit);
        if (!commits.contains(id)) {
            if (!object("info", id).map(o -> o.type().equals("commit")).orElse(false)) {
                throw new Unanswered("not a commit here: " + id);
            }
            commits.add(id);
        }
        return id;
    }

    /** See {@link GitRepository#firstParentLine}; the commits only HEAD's side holds come from one rev-list. */
    List<String> firstParentLine(String head, Optional<String> stop, int limit) {
        Optional<Set<String>> own = stop.map(base -> onlyIn(head, base));
        List<String> line = new ArrayList<>();
        String c = sha(head);
        while (c != null && line.size() < limit && (own.isEmpty() || own.get().contains(c))) {
            line.add(c);
            List<String> p = parents(c);
            c = p.isEmpty() ? null : p.get(0);
        }
        return line;
    }

    /** The commits reachable from {@code head} but not from {@code base} ({@code rev-list head ^base}). */
    private Set<String> onlyIn(String head, String base) {
        GitProcess.Result r = git.run(root, "rev-list", requireCommit(head), "^" + requireCommit(base))
                .filter(x -> x.exitCode() == 0)
                .orElseThrow(() -> new Unanswered("rev-list"));
        Set<String> commits = new HashSet<>();
        new String(r.output(), StandardCharsets.US_ASCII).lines().map(NativeGit::sha).forEach(commits::add);
        return commits;
    }

    /**
     * A commit's parents, committer time and message, read as JGit's {@code RevCommit} reads them (its own parser
     * would set up JGit's configuration to pick a SHA-1 implementation for an id already known).
     */
    private Commit commit(String sha) {
        byte[] raw = contents(sha(sha), "commit");
        if (!startsWith(raw, 0, "tree ") || raw.length < 46 || raw[45] != '\n') {
            throw new Unanswered("not a commit: " + sha);
        }
        List<String> parents = new ArrayList<>();
        int ptr = 46;
        while (startsWith(raw, ptr, "parent ") && ptr + 48 <= raw.length && raw[ptr + 47] == '\n') {
            parents.add(sha(new String(raw, ptr + 7, 40, StandardCharsets.US_ASCII)));
            ptr += 48;
        }
        return new Commit(List.copyOf(parents), CommitText.committerTime(raw), CommitText.message(raw));
    }

    private static boolean startsWith(byte[] raw, int at, String prefix) {
        if (at + prefix.length() > raw.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private byte[] contents(String id) {
        return contents(id, null);
    }

    /** An object's bytes; of the given type only (null: any), as JGit parses a commit only from a commit. */
    private synchronized byte[] contents(String id, String type) {
        GitObject o = object("contents", id).orElseThrow(() -> new Unanswered("missing object " + id));
        askedAt = System.nanoTime();
        try {
            // a blob larger than an array was announced: the pipe cannot be read past it
            byte[] data = o.size() > Integer.MAX_VALUE - 16 ? null : answers.readNBytes((int) o.size());
            if (data == null || data.length != o.size() || answers.read() != '\n') {
                throw brokenPipe("cat-file output");
            }
            if (type != null && !type.equals(o.type())) {
                throw new Unanswered(id + " is a " + o.type() + ", not a " + type);
            }
            return data;
        } catch (IOException e) {
            throw brokenPipe(e.getMessage());
        } finally {
            askedAt = 0;
        }
    }

    private synchronized Optional<GitObject> object(String command, String name) {
        if (broken) {
            throw new Unanswered("the cat-file pipe is out of step");
        }
        askedAt = System.nanoTime();
        try {
            return ask(command, name);
        } catch (IOException e) {
            throw brokenPipe(e.getMessage());
        } finally {
            askedAt = 0;
        }
    }

    private Unanswered brokenPipe(String why) {
        broken = true;
        return new Unanswered(why);
    }

    /**
     * One request to the batch process: its header, or empty when the object is missing. An ambiguous name or an
     * answer not understood is not answered (JGit then says what it says about it).
     */
    private Optional<GitObject> ask(String command, String name) throws IOException {
        requests.write((command + " " + name + "\n").getBytes(StandardCharsets.UTF_8));
        requests.flush();
        String header = line();
        if (header.equals(name + " missing")) {
            return Optional.empty();
        }
        if (header.equals(name + " ambiguous")) {
            throw new Unanswered(name + " is ambiguous");
        }
        String[] parts = header.split(" ");
        if (parts.length != 3 || !SHA1.matcher(parts[0]).matches() || !parts[2].matches("\\d{1,18}")) {
            throw brokenPipe("cat-file said: " + header);
        }
        return Optional.of(new GitObject(parts[0], parts[1], Long.parseLong(parts[2])));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(96);
        for (int b = answers.read(); b != '\n'; b = answers.read()) {
            if (b < 0) {
                throw new EOFException("git cat-file ended");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** A full lower-case SHA-1, as JGit's ObjectId takes it; anything else is left to JGit to refuse. */
    private static String sha(String id) {
        if (id == null || !SHA1.matcher(id).matches()) {
            throw new Unanswered("not a full commit id: " + id);
        }
        return id;
    }

    /** A revision name the batch protocol carries as it is: one line, no surrounding blanks. */
    private static String plain(String revision) {
        if (revision.isEmpty() || !revision.equals(revision.strip()) || revision.indexOf('\n') >= 0
                || revision.indexOf('\r') >= 0) {
            throw new Unanswered("revision " + revision);
        }
        return revision;
    }

    /**
     * A path from the tree's root as git and JGit read it alike: no {@code ./} or {@code ../} (git reads those from
     * the current folder), no empty or dot segment, no line break (the batch protocol is one line per request).
     */
    private static String plainPath(String path) {
        plain(path);
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new Unanswered("path " + path);
            }
        }
        return path;
    }

    @Override
    public void close() {
        try {
            requests.close(); // git ends at the end of its input
        } catch (IOException ignored) {
            // it is ended below either way
        }
        try {
            if (!batch.waitFor(200, TimeUnit.MILLISECONDS)) {
                GitProcess.end(batch);
            }
        } catch (InterruptedException e) {
            GitProcess.end(batch);
            Thread.currentThread().interrupt();
        }
    }
}
