package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.testing.TestGit;

/** Blob ids taken from git's index for unchanged files give exactly the hash that reading every file gives. */
class IndexedSourceHashTest {

    @TempDir
    Path dir;

    TestGit git;

    @BeforeEach
    void repo() throws Exception {
        git = TestGit.init(dir);
        git.write("ctx/Dockerfile", "FROM scratch\nCOPY . /app/\n");
        for (int i = 0; i < 20; i++) {
            git.write("ctx/f" + i + ".txt", "file " + i + "\n");
        }
        git.commit("base");
        // what a checkout leaves: the files older than the index that records them
        Path index = dir.resolve(".git/index");
        FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(index).toMillis() + 5_000);
        Files.setLastModifiedTime(index, later);
    }

    @AfterEach
    void close() {
        git.close();
    }

    BuildContext context() {
        return BuildContext.of(dir.resolve("ctx"), dir.resolve("ctx/Dockerfile"));
    }

    String committedId(String path) throws Exception {
        Repository repo = git.git().getRepository();
        try (TreeWalk walk = TreeWalk.forPath(repo, path, repo.parseCommit(repo.resolve("HEAD")).getTree())) {
            return walk.getObjectId(0).name();
        }
    }

    @Test
    void unchangedFilesAreKnownByTheirCommittedIdsAndTheHashIsTheSameAsReadingThem() throws Exception {
        IndexedBlobs indexed = IndexedBlobs.read(dir);
        assertThat(indexed.blobId(dir.resolve("ctx/f3.txt"))).contains(committedId("ctx/f3.txt"));
        assertThat(SourceHash.of(context(), Optional.empty(), Map.of(), indexed))
                .isEqualTo(SourceHash.of(context(), Optional.empty(), Map.of(), IndexedBlobs.NONE));
    }

    @Test
    void aChangedFileIsReadEvenWithItsOldSizeAndTheHashFollowsIt() throws Exception {
        String before = SourceHash.of(context(), Optional.empty(), Map.of(), IndexedBlobs.NONE);
        Path f = dir.resolve("ctx/f3.txt");
        Files.writeString(f, "FILE 3\n"); // same size, new content, a new modification time
        IndexedBlobs indexed = IndexedBlobs.read(dir);
        assertThat(indexed.blobId(f)).isEmpty();
        String after = SourceHash.of(context(), Optional.empty(), Map.of(), indexed);
        assertThat(after).isNotEqualTo(before)
                .isEqualTo(SourceHash.of(context(), Optional.empty(), Map.of(), IndexedBlobs.NONE));
    }

    @Test
    void aFileModifiedInTheInstantTheIndexWasWrittenIsNotTrusted() throws Exception {
        Path f = dir.resolve("ctx/f4.txt");
        FileTime indexTime = Files.getLastModifiedTime(dir.resolve(".git/index"));
        IndexedBlobs before = IndexedBlobs.read(dir);
        assertThat(before.blobId(f)).isPresent();
        // racy git: the index cannot tell a change made in its own instant
        Files.setLastModifiedTime(dir.resolve(".git/index"), Files.getLastModifiedTime(f));
        assertThat(IndexedBlobs.read(dir).blobId(f)).isEmpty();
        Files.setLastModifiedTime(dir.resolve(".git/index"), indexTime);
    }

    @Test
    void untrackedFilesAndFilesOutsideTheRepositoryAreNotKnown() throws Exception {
        Files.writeString(dir.resolve("ctx/new.txt"), "new\n");
        IndexedBlobs indexed = IndexedBlobs.read(dir);
        assertThat(indexed.blobId(dir.resolve("ctx/new.txt"))).isEmpty();
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            assertThat(indexed.blobId(outside)).isEmpty();
        } finally {
            Files.delete(outside);
        }
        assertThat(SourceHash.of(context(), Optional.empty(), Map.of(), indexed))
                .isEqualTo(SourceHash.of(context(), Optional.empty(), Map.of(), IndexedBlobs.NONE));
    }

    @Test
    void noRepositoryMeansNothingKnown(@TempDir Path plain) throws Exception {
        Files.writeString(plain.resolve("a.txt"), "a\n");
        assertThat(IndexedBlobs.read(plain).blobId(plain.resolve("a.txt"))).isEmpty();
    }

    @Test
    void aSmallContextIsHashedDirectlyALargeOneAsksTheIndex() throws Exception {
        assertThat(SourceHash.cheaperThanTheIndex(context())).as("21 small files").isTrue();

        for (int i = 20; i <= SourceHash.DIRECT_FILES; i++) {
            Files.writeString(dir.resolve("ctx/f" + i + ".txt"), "file " + i + "\n");
        }
        assertThat(SourceHash.cheaperThanTheIndex(context())).as("more files than the limit").isFalse();
    }

    @Test
    void aContextOfFewLargeFilesAsksTheIndex() throws Exception {
        Files.write(dir.resolve("ctx/big.bin"), new byte[(int) SourceHash.DIRECT_BYTES]);
        assertThat(SourceHash.cheaperThanTheIndex(context())).as("more bytes than the limit").isFalse();
        Files.write(dir.resolve("ctx/big.bin"), new byte[(int) SourceHash.DIRECT_BYTES / 2]);
        assertThat(SourceHash.cheaperThanTheIndex(context())).isTrue();
    }

    @Test
    void aLinkCountsAsAFileNotAsWhatItPointsTo() throws Exception {
        Files.write(dir.resolve("big.bin"), new byte[(int) SourceHash.DIRECT_BYTES + 1]);
        Files.createSymbolicLink(dir.resolve("ctx/link"), dir.resolve("big.bin"));
        assertThat(SourceHash.cheaperThanTheIndex(context())).isTrue();
    }
}
