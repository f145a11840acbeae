package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.odabuild.core.docker.DockerException;

/** Which daemon refusals are the classic builder's cache mixing platforms, worth one more build without cache. */
class BuildFailureTest {

    private static boolean retried(String daemonSays) {
        return BuildFailure.isStageOfAnotherPlatform(new DockerException("Docker daemon at unix:///d.sock failed to"
                + " build op:1 for linux/amd64: " + daemonSays));
    }

    @Test
    void aStepTheCacheMadeForAnotherPlatformIsBuiltAgain() {
        // Docker 20.10, FROM scratch + COPY cached from an arm64 build, then COPY --from of a stage (measured)
        String id = "sha256:d2dd45cfa203cc4fd74ac6ca0172a087fd499110edcd1661c4e380da1e47b9c2";
        assertThat(retried("failed to get destination image \"" + id + "\": image with reference " + id + " was found"
                + " but does not match the specified platform: wanted linux/amd64, actual: linux/arm64")).isTrue();
        assertThat(retried("invalid from flag value files: image with reference sha256:abc was found but does not"
                + " match the specified platform: wanted linux/amd64, actual: linux/arm64")).isTrue();
        assertThat(retried("pull access denied for x, repository does not exist")).isFalse();
        assertThat(retried("failed to get destination image \"sha256:abc\": no such image")).isFalse();
    }
}
