package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odabuild.testing.Skip;
import org.odabuild.testing.TestGit;

/**
 * The installed git and JGit's index reading may each call a file unchanged only when the blob id they give is the
 * id of the file's content now; the installed git must know the plainly unchanged files as JGit does.
 */
class IndexedBlobsTest {

    @TempDir
    Path dir;

    private TestGit git;
    private final List<String> files = List.of("clean.txt", "run.sh", "modified.txt", "staged.txt", "assumed.txt",
            "skipped.txt", "untracked.txt", "link", "sub/deep.txt");

    @BeforeEach
    void repository() throws Exception {
        if (!TestGit.gitInstalled()) {
            Skip.because("no git executable on the PATH", ".ci/run installs git");
        }
        git = TestGit.init(dir.resolve("repo"));
        for (String f : List.of("clean.txt", "modified.txt", "staged.txt", "assumed.txt", "skipped.txt", "sub/deep.txt",
                "gone.txt")) {
            git.write(f, f + "\n");
        }
        git.write("run.sh", "echo\n");
        Files.setPosixFilePermissions(git.root().resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        git.commit("base");
        // what a checkout leaves: the files older than the index that records them
        later(git.root().resolve(".git/index"), 5);
        for (String f : List.of("assumed.txt", "skipped.txt")) {
            assertThat(installed("git", "-C", git.root().toString(), "update-index",
                    f.equals("assumed.txt") ? "--assume-unchanged" : "--skip-worktree", f)).isTrue();
        }
        // each then changed in the work tree without changing its size
        for (String f : List.of("modified.txt", "assumed.txt", "skipped.txt", "staged.txt")) {
            git.write(f, f.toUpperCase().replace("TXT", "txt") + "\n");
        }
        assertThat(installed("git", "-C", git.root().toString(), "add", "staged.txt")).isTrue();
        later(git.root().resolve(".git/index"), 5);
        git.write("untracked.txt", "new\n").delete("gone.txt");
        Files.createSymbolicLink(git.root().resolve("link"), Path.of("clean.txt"));
    }

    private static void later(Path file, int seconds) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + seconds * 1000L));
    }

    private static boolean installed(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private Map<String, Optional<String>> known(IndexedBlobs blobs) {
        Map<String, Optional<String>> known = new LinkedHashMap<>();
        files.forEach(f -> known.put(f, blobs.blobId(git.root().resolve(f))));
        return known;
    }

    private static String contentId(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + data.length + "\0").getBytes());
        return HexFormat.of().formatHex(sha1.digest(data));
    }

    @Test
    void anIdGivenIsTheContentsIdAndThePlainlyUnchangedFilesAreKnownToBoth() throws Exception {
        Optional<IndexedBlobs> byGit = IndexedBlobs.readByGit(GitProcess.installed(), git.root());
        assertThat(byGit).as("the installed git answers").isPresent();
        Map<String, Optional<String>> nativeIds = known(byGit.get());
        Map<String, Optional<String>> jgitIds = known(IndexedBlobs.readByJGit(git.root()));
        for (Map<String, Optional<String>> ids : List.of(nativeIds, jgitIds)) {
            for (var e : ids.entrySet()) {
                if (e.getValue().isPresent()) {
                    assertThat(e.getValue()).as(e.getKey()).contains(contentId(git.root().resolve(e.getKey())));
                }
            }
            assertThat(ids.get("clean.txt")).isPresent();
            assertThat(ids.get("run.sh")).isPresent();
            assertThat(ids.get("sub/deep.txt")).isPresent();
            for (String never : List.of("modified.txt", "assumed.txt", "skipped.txt", "untracked.txt", "link")) {
                assertThat(ids.get(never)).as(never).isEmpty();
            }
        }
        // a staged file equal to its index entry: JGit knows it by the stat data, the installed git leaves it out
        // (status names it as staged) and it is hashed: slower, never wrong
        assertThat(jgitIds.get("staged.txt")).contains(contentId(git.root().resolve("staged.txt")));
    }

    @Test
    void aFileChangedAfterGitLookedIsNotTrusted() throws Exception {
        // as in use: the file older than the index, the index written before now
        Path clean = git.root().resolve("clean.txt");
        later(clean, -10);
        assertThat(installed("git", "-C", git.root().toString(), "update-index", "-q", "--refresh")).isTrue();
        Thread.sleep(20);
        IndexedBlobs byGit = IndexedBlobs.readByGit(GitProcess.installed(), git.root()).orElseThrow();
        assertThat(byGit.blobId(clean)).isPresent();
        Files.writeString(clean, "CLEAN.txt\n"); // now newer than the index
        assertThat(byGit.blobId(clean)).isEmpty();
    }

    @Test
    void withoutAnAnswerJGitReadsTheIndex() throws Exception {
        GitProcess missing = new GitProcess(dir.resolve("no-such-git").toString(), java.time.Duration.ofSeconds(5));
        assertThat(IndexedBlobs.readByGit(missing, git.root())).isEmpty();
        assertThat(IndexedBlobs.read(git.root()).blobId(git.root().resolve("clean.txt"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {".gitattributes:*.txt eol=crlf", ".gitattributes:*.txt text", "autocrlf:true",
            ".git/info/attributes:*.txt filter=lfs diff=lfs merge=lfs -text", "sub/.gitattributes:*.txt ident"})
    void aFileGitMayConvertIsHashedNotTakenFromTheIndex(String how) throws Exception {
        // line endings (eol, text, core.autocrlf) and filters (git-lfs, ident) make the work tree's bytes other
        // than the blob's: its id would then say "unchanged" of an image built from other bytes
        TestGit converted = TestGit.init(dir.resolve("converted"));
        Path root = converted.root();
        String[] kind = how.split(":", 2);
        converted.write("sub/a.txt", "one\r\ntwo\r\n").write("plain.bin", "x\n");
        converted.commit("crlf in the work tree");
        if (kind[0].equals("autocrlf")) {
            assertThat(installed("git", "-C", root.toString(), "config", "core.autocrlf", kind[1])).isTrue();
        } else {
            converted.write(kind[0], kind[1] + "\n");
        }
        // git stores what its conversion makes of the file; the work tree keeps its bytes
        assertThat(installed("git", "-C", root.toString(), "add", "--renormalize", ".")).isTrue();
        assertThat(installed("git", "-C", root.toString(), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm",
                "renormalized", "--allow-empty")).isTrue();
        later(root.resolve(".git/index"), 5);
        Path file = root.resolve("sub/a.txt");
        String content = contentId(file);
        for (IndexedBlobs blobs : List.of(IndexedBlobs.readByGit(GitProcess.installed(), root).orElseThrow(),
                IndexedBlobs.readByJGit(root))) {
            blobs.blobId(file).ifPresent(id -> assertThat(id).as(how).isEqualTo(content));
        }
        converted.close();
    }
}
