package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odabuild.testing.LocalDocker;
import org.odabuild.testing.RecordingLog;

/**
 * What the daemon builds from is what the context holds, byte for byte: over its unix socket (sendfile, see
 * {@link UnixSocketPost}) and over tcp (fabric8's connection), read back from the image with {@code docker save}.
 */
class DaemonReceivesContextTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"DOCKER_HOST", "tcp"})
    void everyFileLinkAndModeArrivesInTheImage(String how) throws Exception {
        String host = how.equals("tcp") ? LocalDocker.tcpHost() : LocalDocker.host();
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Map<String, byte[]> files = ContextArchiveTest.awkwardContext(ctx);
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /ctx/\n");
        try (DmpDockerDaemon daemon = DmpDockerDaemon.connect(host, null, new RecordingLog())) {
            DockerDaemon.LocalImage built = daemon.build(new DockerDaemon.Build("oda-test/context:" + how.length(),
                    BuildContext.of(ctx, dockerfile), Map.of(), Optional.empty(), true));

            Map<String, byte[]> contents = new HashMap<>();
            Map<String, String> links = new HashMap<>();
            Map<String, Integer> modes = new HashMap<>();
            daemon.save(built.id(), in -> {
                readLayers(in, contents, links, modes);
                return null;
            });
            files.forEach((name, content) -> assertThat(contents.get("ctx/" + name)).as(name).isEqualTo(content));
            assertThat(links).containsEntry("ctx/long-link", "t".repeat(150))
                    .containsEntry("ctx/short-link", "small.txt");
            assertThat(modes.get("ctx/run.sh") & 0777).isEqualTo(0755);
            assertThat(modes.get("ctx/small.txt") & 0777).isEqualTo(0644);
            assertThat(new String(contents.get("ctx/.oda/Dockerfile"), StandardCharsets.UTF_8))
                    .isEqualTo("FROM scratch\nCOPY . /ctx/\n");
        }
    }

    /** The entries of every layer of a {@code docker save} archive. */
    private static void readLayers(InputStream saved, Map<String, byte[]> contents, Map<String, String> links,
            Map<String, Integer> modes) throws IOException {
        TarArchiveInputStream outer = new TarArchiveInputStream(saved);
        for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
            if (!e.getName().endsWith("layer.tar")) {
                continue;
            }
            TarArchiveInputStream layer = new TarArchiveInputStream(outer, "UTF-8");
            for (TarArchiveEntry f = layer.getNextEntry(); f != null; f = layer.getNextEntry()) {
                modes.put(f.getName(), f.getMode());
                if (f.isSymbolicLink()) {
                    links.put(f.getName(), f.getLinkName());
                } else if (f.isFile()) {
                    contents.put(f.getName(), layer.readAllBytes());
                }
            }
        }
    }
}
