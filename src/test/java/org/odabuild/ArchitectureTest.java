package org.odabuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays free of Maven types so it can be tested and reused without a Maven runtime. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/odabuild");

    @Test
    void coreHasNoMavenImports() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("core"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).lines().anyMatch(l -> l.matches("\\s*import\\s+(static\\s+)?org\\.apache\\.maven\\..*")))
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).as("core classes importing org.apache.maven").isEmpty();
        }
    }

    @Test
    void everyMainPackageIsCoreOrMaven() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("core", "maven");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
