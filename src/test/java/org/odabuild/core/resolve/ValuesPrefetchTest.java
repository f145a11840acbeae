package org.odabuild.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

/** A values file read ahead is the file the resolver would have read, and nothing it would refuse is read. */
class ValuesPrefetchTest {

    @TempDir
    Path repo;

    @Test
    void aFileNamedIsReadAheadAndTakenOnce() throws Exception {
        Files.createDirectories(repo.resolve("charts/a"));
        Files.writeString(repo.resolve("charts/a/values.yaml"), "op:\n  image: x/op\n  version: 1.2.3\n");
        try (ValuesPrefetch prefetch = new ValuesPrefetch(new RepoLayout(repo))) {
            prefetch.named("./charts/a/../a/values.yaml"); // as a config may write it: taken by the resolver's path
            Optional<ValuesDocument> read = prefetch.take("charts/a/values.yaml");
            assertThat(read).isPresent();
            assertThat(read.get().find(YqPath.parse(".op.version")).orElseThrow().textOrNull()).isEqualTo("1.2.3");
            assertThat(prefetch.take("charts/a/values.yaml")).as("taken already: the resolver keeps it").isEmpty();
        }
    }

    @Test
    void whatTheResolverRefusesIsNotRead() throws Exception {
        Path outside = Files.createTempFile("outside", ".yaml");
        Files.createDirectories(repo.resolve("charts/folder.yaml"));
        Files.createSymbolicLink(repo.resolve("charts/link.yaml"), outside);
        try (ValuesPrefetch prefetch = new ValuesPrefetch(new RepoLayout(repo))) {
            for (String raw : List.of("../x.yaml", outside.toString(), "charts/folder.yaml", "charts/missing.yaml",
                    "charts/link.yaml", "")) {
                prefetch.named(raw);
            }
            assertThat(prefetch.take("charts/folder.yaml")).isEmpty();
            assertThat(prefetch.take("charts/missing.yaml")).isEmpty();
            assertThat(prefetch.take("charts/link.yaml")).isEmpty();
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aFileThatDoesNotParseFailsAsReadingItDirectlyFails() throws Exception {
        Files.writeString(repo.resolve("values.yaml"), "op:\n  image: [x\n");
        String direct = "";
        try {
            ValuesDocument.load(repo.resolve("values.yaml"), "values.yaml");
        } catch (InvalidInputException e) {
            direct = e.getMessage();
        }
        assertThat(direct).contains("values.yaml:");
        try (ValuesPrefetch prefetch = new ValuesPrefetch(new RepoLayout(repo))) {
            prefetch.named("values.yaml");
            assertThatThrownBy(() -> prefetch.take("values.yaml")).isInstanceOf(InvalidInputException.class)
                    .hasMessage(direct);
        }
    }

    @Test
    void theResolutionOfOdaCanvasIsTheSameWithTheFilesReadAhead() {
        Fixtures.copyOdaCanvas(repo);
        ResolveRequest request = new ResolveRequest(repo, Optional.empty(), Optional.empty(),
                repo.resolve("target/oda"));
        Resolution ahead = Resolution.of(request, new RecordingLog());
        ImageResolver plain = new ImageResolver(ahead.layout(), new RecordingLog());
        assertThat(ahead.images()).hasSize(16);
        assertThat(ahead.images()).allSatisfy(image -> assertThat(plain.resolve(image.config())).isEqualTo(image));
    }
}
