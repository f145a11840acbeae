package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive the daemon gets, read back with commons-compress (an independent tar reader). */
class ContextArchiveTest {

    @TempDir
    Path dir;

    /** Every kind of entry a context holds, at the sizes where the writer changes how it sends a file. */
    static Map<String, byte[]> awkwardContext(Path ctx) throws IOException {
        Random random = new Random(7);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty", new byte[0]);
        files.put("small.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
        files.put("exactly-one-block", bytes(random, 512));
        files.put("staged-limit.bin", bytes(random, 128 * 1024));
        files.put("just-over.bin", bytes(random, 128 * 1024 + 1));
        files.put("big.bin", bytes(random, 3 * 1024 * 1024 + 7));
        for (int i = 0; i < 300; i++) { // more than the staging buffer holds
            files.put(String.format("many/f%03d", i), bytes(random, 5000 + i));
        }
        files.put("d".repeat(60) + "/" + "e".repeat(60) + "/long-name.txt", bytes(random, 10));
        files.put("n".repeat(99), bytes(random, 11));        // 99 bytes: the last name that fits ustar
        files.put("m".repeat(100), bytes(random, 12));       // 100 bytes: needs PAX
        files.put("données/naïve-ß-日本.txt", "unicode\n".getBytes(StandardCharsets.UTF_8));
        files.put("run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = ctx.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        Files.setPosixFilePermissions(ctx.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(ctx.resolve("long-link"), Path.of("t".repeat(150)));
        Files.createSymbolicLink(ctx.resolve("short-link"), Path.of("small.txt"));
        return files;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void everyEntryComesBackWithItsNameContentModeAndLinkAndTheLengthIsExact() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Map<String, byte[]> files = awkwardContext(ctx);
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /\n");
        BuildContext context = BuildContext.of(ctx, dir.resolve("Dockerfile"));
        ContextArchive archive = context.archive();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.writeTo(Channels.newChannel(out));
        assertThat((long) out.size()).isEqualTo(archive.length());

        Map<String, byte[]> read = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, Integer> modes = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()),
                "UTF-8")) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getModTime().getTime()).isZero();
                assertThat(e.getLongUserId()).isZero();
                modes.put(e.getName(), e.getMode());
                if (e.isSymbolicLink()) {
                    links.put(e.getName(), e.getLinkName());
                } else {
                    read.put(e.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(links).containsOnly(Map.entry("long-link", "t".repeat(150)),
                Map.entry("short-link", "small.txt"));
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(with(files.keySet(),
                BuildContext.OUTSIDE_DOCKERFILE, ".dockerignore"));
        files.forEach((name, content) -> assertThat(read.get(name)).as(name).isEqualTo(content));
        assertThat(new String(read.get(BuildContext.OUTSIDE_DOCKERFILE), StandardCharsets.UTF_8))
                .isEqualTo("FROM scratch\nCOPY . /\n");
        assertThat(new String(read.get(".dockerignore"), StandardCharsets.UTF_8))
                .isEqualTo(".dockerignore\n" + BuildContext.OUTSIDE_DOCKERFILE + "\n");
        assertThat(modes.get("run.sh")).isEqualTo(0100755);
        assertThat(modes.get("small.txt")).isEqualTo(0100644);

        // the same inputs give the same bytes, and the file written for tests is that archive
        byte[] again = Files.readAllBytes(context.writeTar(dir.resolve("out.tar")));
        assertThat(again).isEqualTo(out.toByteArray());
    }

    @Test
    void timesAreClampedToTheCeilingAndAnOlderTimeStays() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Path fresh = Files.writeString(ctx.resolve("fresh.txt"), "checked out after the commit\n");
        Path old = Files.writeString(ctx.resolve("old.txt"), "unpacked from 2001\n");
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("fresh.txt"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Instant commit = Instant.parse("2024-07-30T12:32:02Z");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2001-09-09T01:46:40Z")));
        BuildContext context = BuildContext.of(ctx, dir.resolve("Dockerfile"));

        assertThat(times(context)).as("without a ceiling every time is 0").allSatisfy((name, time) ->
                assertThat(time).as(name).isEqualTo(Instant.EPOCH));
        assertThat(times(context.withTimesClampedTo(commit))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fresh.txt", commit, "old.txt", Instant.parse("2001-09-09T01:46:40Z"), "link", commit,
                // what the archive writes itself (an outside Dockerfile, the .dockerignore that drops it)
                BuildContext.OUTSIDE_DOCKERFILE, commit, ".dockerignore", commit));
    }

    @Test
    void aTimeBeyondWhatTarHoldsIsItsLastSecondAndATimeBefore1970IsZero() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Path before = Files.writeString(ctx.resolve("before.txt"), "from 1960\n");
        Files.setLastModifiedTime(before, FileTime.from(Instant.parse("1960-01-01T00:00:00Z")));
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        // git takes a commit dated in the year 3000; ustar's 11 octal digits end in 2242
        Map<String, Instant> times = times(BuildContext.of(ctx, dir.resolve("Dockerfile"))
                .withTimesClampedTo(Instant.parse("3000-01-01T00:00:00Z")));
        assertThat(times.get("before.txt")).isEqualTo(Instant.EPOCH);
        assertThat(times.get(".dockerignore")).as("written by the archive, at the ceiling")
                .isEqualTo(Instant.ofEpochSecond(077777777777L));
    }

    private Map<String, Instant> times(BuildContext context) throws Exception {
        Map<String, Instant> times = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(
                Files.readAllBytes(context.writeTar(dir.resolve("times.tar")))), "UTF-8")) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                times.put(e.getName(), e.getLastModifiedDate().toInstant());
            }
        }
        return times;
    }

    private static List<String> with(Set<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all;
    }

    /** As git decides it (and records it in a commit): the owner's execute bit, whoever runs the build. */
    @Test
    void aFileIsExecutableWhenItsOwnerMayRunItAndEveryModeBecomes755Or644() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Map<String, String> perms = Map.of("owner-x", "rwxr--r--", "group-x-only", "rw-r-xr--", "other-x-only",
                "rw-r--r-x", "none", "rw-------", "all", "rwxrwxrwx");
        for (Map.Entry<String, String> p : perms.entrySet()) {
            Files.writeString(ctx.resolve(p.getKey()), p.getKey());
            Files.setPosixFilePermissions(ctx.resolve(p.getKey()), PosixFilePermissions.fromString(p.getValue()));
        }
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        Path tar = BuildContext.of(ctx, ctx.resolve("Dockerfile")).writeTar(dir.resolve("out.tar"));
        Map<String, Integer> modes = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                modes.put(e.getName(), e.getMode());
            }
        }
        assertThat(modes).containsEntry("owner-x", 0100755).containsEntry("all", 0100755)
                .containsEntry("group-x-only", 0100644).containsEntry("other-x-only", 0100644)
                .containsEntry("none", 0100644);
    }

    @Test
    void anUnreadableFileNamesItselfAndWhatToDo() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        Path secret = Files.writeString(ctx.resolve("secret"), "x");
        BuildContext context = BuildContext.of(ctx, ctx.resolve("Dockerfile"));
        ContextArchive archive = context.archive();
        Files.delete(secret); // unreadable in any way, also for root
        assertThatThrownBy(() -> archive.writeTo(Channels.newChannel(OutputStream.nullOutputStream())))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read " + secret + " of the build context (NoSuchFileException): make it readable,"
                        + " or list it in the context's .dockerignore");
    }

    @Test
    void aSizeBeyondUstarsElevenDigitsGoesIntoAPaxRecord() throws Exception {
        long nineGiB = 9L << 30;
        byte[] header = TarHeader.file("huge.bin", nineGiB, false, 0);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(header))) {
            TarArchiveEntry e = in.getNextEntry();
            assertThat(e.getName()).isEqualTo("huge.bin");
            assertThat(e.getSize()).isEqualTo(nineGiB);
        }
        assertThat(TarHeader.file("small.bin", 10, false, 0)).hasSize(TarHeader.BLOCK);
    }

    @Test
    void paxRecordLengthsCountTheirOwnDigits() throws Exception {
        // a record of 99 bytes without its count becomes 102 with it: the count gains a digit on the way
        for (int n = 80; n < 120; n++) {
            String name = "p/" + "x".repeat(n);
            try (TarArchiveInputStream in = new TarArchiveInputStream(
                    new ByteArrayInputStream(TarHeader.file(name, 1, false, 0)))) {
                assertThat(in.getNextEntry().getName()).isEqualTo(name);
            }
        }
    }

    @Test
    void aFileThatShrinksOrGrowsAfterTheSizesWereReadFailsTheUpload() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.write(ctx.resolve("small"), new byte[1000]);
        Files.write(ctx.resolve("large"), new byte[400_000]);
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        BuildContext context = BuildContext.of(ctx, ctx.resolve("Dockerfile"));

        ContextArchive shrunk = context.archive();
        Files.write(ctx.resolve("large"), new byte[100]);
        assertThatThrownBy(() -> shrunk.writeTo(Channels.newChannel(OutputStream.nullOutputStream())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(ctx.resolve("large") + " changed while it was sent to the Docker daemon")
                .hasMessageContaining("build again");

        Files.write(ctx.resolve("large"), new byte[400_000]);
        ContextArchive grown = context.archive();
        Files.write(ctx.resolve("small"), new byte[1001]);
        assertThatThrownBy(() -> grown.writeTo(Channels.newChannel(OutputStream.nullOutputStream())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(ctx.resolve("small") + " changed while it was sent");
    }

}
