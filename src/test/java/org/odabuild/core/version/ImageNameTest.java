package org.odabuild.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageNameTest {

    @ParameterizedTest
    @CsvSource({
        "tmforumodacanvas/compcrdwebhook, docker.io, tmforumodacanvas/compcrdwebhook",
        "nginx, docker.io, library/nginx",
        "localhost:5000/odabuild/hello, localhost:5000, odabuild/hello",
        "localhost/x, localhost, x",
        "ghcr.io/tmforum-oda/a.b_c__d, ghcr.io, tmforum-oda/a.b_c__d",
        "127.0.0.1:41234/demo, 127.0.0.1:41234, demo",
        "Registry.Example.com:5000/org/op, Registry.Example.com:5000, org/op"
    })
    void splitsRegistryAndRepository(String name, String registry, String repository) {
        ImageName image = new ImageName(name);
        assertThat(image.registry()).isEqualTo(registry);
        assertThat(image.repository()).isEqualTo(repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper/Case", "UPPER/x", "MyOrg/op", "a//b", "-a", "a-", "has space", ""})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> new ImageName(name)).hasMessageContaining("not a valid Docker repository name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tmforumodacanvas/x:1.0.0", "localhost:5000/x:latest"})
    void rejectsTags(String name) {
        assertThatThrownBy(() -> new ImageName(name)).hasMessageContaining("must not contain a tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@sha256:abc"})
    void rejectsDigests(String name) {
        assertThatThrownBy(() -> new ImageName(name)).hasMessageContaining("must not contain a digest");
    }
}
