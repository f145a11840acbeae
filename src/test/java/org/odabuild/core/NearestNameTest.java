package org.odabuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    @Test
    void aNameIsOfferedOnlyWhenItIsClearlyTheOneMeant() {
        assertThat(NearestName.closest("verison", Set.of("version", "image"))).contains("version");
        assertThat(NearestName.closest("IMAGE", Set.of("version", "image"))).contains("image");
        // two names as near: no guess
        assertThat(NearestName.closest("vers", Set.of("verb", "vert"))).isEmpty();
        // most of a short name would change
        assertThat(NearestName.closest("ab", Set.of("cd"))).isEmpty();
        assertThat(NearestName.closest("version", Set.of())).isEmpty();
    }
}
