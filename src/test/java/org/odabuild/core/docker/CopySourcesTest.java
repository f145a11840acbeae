package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopySourcesTest {

    static final String DOCKERFILE = """
            FROM scratch AS files
            FROM scratch
            COPY --from=files /a /a
            COPY --from=0 /b /b
            COPY --chown=1:1 --from=org/base:1.0 /c /c
            COPY --from=${BASE} /d /d
            COPY \\
              --from=org/base:1.0 /e /e
            COPY --from=Files /f /f
            """;

    @Test
    void onlyImagesAreSourcesNotStagesByNameOrNumberNorArgs() {
        assertThat(CopySources.of(DOCKERFILE)).containsExactly(new CopySources.Source(5, "org/base:1.0"),
                new CopySources.Source(7, "org/base:1.0"));
    }

    @Test
    void aSourceIsRenamedOnItsOwnLineEveryOtherByteKept() {
        Optional<byte[]> pinned = CopySources.pin(DOCKERFILE.getBytes(StandardCharsets.UTF_8),
                source -> source.line() == 7 ? Optional.of("fork.io/me/base@sha256:" + "a".repeat(64))
                        : Optional.empty());
        assertThat(pinned).map(b -> new String(b, StandardCharsets.UTF_8)).contains(DOCKERFILE.replace(
                "  --from=org/base:1.0 /e /e", "  --from=fork.io/me/base@sha256:" + "a".repeat(64) + " /e /e"));
        assertThat(CopySources.pin(DOCKERFILE.getBytes(StandardCharsets.UTF_8), source -> Optional.empty()))
                .isEmpty();
    }
}
