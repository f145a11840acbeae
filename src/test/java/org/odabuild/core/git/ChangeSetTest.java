package org.odabuild.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

    static final String SHA = "0b1126db02ef531711cc1da66ea336ab3cb950cd";

    @Test
    void theBaseIsNamedWithItsIdOnce() {
        assertThat(new ChangeSet(Optional.of(SHA), "merge-base with origin/main", true, Set.of(), Optional.empty())
                .baseNamed()).isEqualTo("0b1126d (merge-base with origin/main)");
        assertThat(new ChangeSet(Optional.of(SHA), "the merge queue's base 0b1126d", true, Set.of(), Optional.empty())
                .baseNamed()).isEqualTo("the merge queue's base 0b1126d");
        ChangeSet unknown = ChangeSet.unknown("HEAD's parent (not in this shallow clone)", "HEAD's parent is not in"
                + " this shallow clone", "fetch with depth 2 or more");
        assertThat(unknown.baseNamed()).isEqualTo("HEAD's parent (not in this shallow clone)");
        assertThat(unknown.warning()).contains("HEAD's parent is not in this shallow clone: every image counts as"
                + " changed; fetch with depth 2 or more");
        assertThat(unknown.remedy()).isEqualTo("fetch with depth 2 or more");
    }
}
