package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageTag;
import org.odabuild.core.version.PrereleaseSuffix;
import org.odabuild.core.version.SemVer;

/** What the refusal of a {@code RUN --mount} says to do instead depends on what it mounts. */
class BuildkitOnlySyntaxTest {

    static final ResolvedImage IMAGE = new ResolvedImage(new ImageConfig("op", "op", "op",
            "charts/a/values.yaml", YqPath.parse(".op.image"), YqPath.parse(".op.version"), Optional.empty(),
            List.of("src/*"), "src", "src/Dockerfile", Optional.empty(), ImageConfig.DEFAULT_PLATFORMS, false,
            new SourceLocation("dockerbuild-config.yaml", 1, 1), Map.of()), new ImageName("org/op"),
            new ImageTag(SemVer.parseRelease("1.0.0"), PrereleaseSuffix.parse("")),
            new SourceLocation("charts/a/values.yaml", 3, 12), Optional.empty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "RUN --mount=type=cache,target=/root/.cache/pip pip install . | pip install --no-cache-dir",
        "RUN --mount=target=/root/.cache,type=cache make            | the step without it, which gives the same files",
        "RUN --mount=type=secret,id=npm npm ci                       | fetch what needs it before the build",
        "RUN --mount=type=ssh git clone git@host:x                   | a build arg stays in its history",
        "RUN --mount=type=tmpfs,target=/tmp make                     | removing what it writes there",
        "RUN --mount=type=bind,source=x,target=/x make               | COPY what it mounts",
        "RUN --mount=target=/x make                                  | COPY what it mounts",
        "RUN --network=none make                                     | the step without it"})
    void whatToDoInstead(String run, String advice) {
        Optional<DockerException> refused = BuildkitOnlySyntax.find(IMAGE, "src/Dockerfile",
                "FROM scratch\n" + run.strip() + "\n");
        assertThat(refused).get().extracting(Throwable::getMessage).asString()
                .startsWith("image op: src/Dockerfile:2 uses --")
                .contains(advice.strip());
    }
}
