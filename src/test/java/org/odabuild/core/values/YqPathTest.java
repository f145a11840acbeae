package org.odabuild.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YqPathTest {

    @Test
    void dottedKeysWithDashes() {
        assertThat(YqPath.parse(".oda-webhook.version").segments())
                .containsExactly(new YqPath.Key("oda-webhook"), new YqPath.Key("version"));
    }

    @Test
    void quotedKeysAndIndexes() {
        assertThat(YqPath.parse(".\"a.b\".list[0].[\"c d\"][12]").segments()).containsExactly(
                new YqPath.Key("a.b"), new YqPath.Key("list"), new YqPath.Index(0), new YqPath.Key("c d"),
                new YqPath.Index(12));
        assertThat(YqPath.parse(".[\"x\"]").segments()).containsExactly(new YqPath.Key("x"));
        assertThat(YqPath.parse(".\"q\\\"uote\"").segments()).containsExactly(new YqPath.Key("q\"uote"));
    }

    @Test
    void rootPath() {
        assertThat(YqPath.parse(".").segments()).isEmpty();
    }

    @Test
    void childAddsAKeyAndReadsBackAsTheSamePath() {
        assertThat(YqPath.parse(".").child("a")).hasToString(".a");
        assertThat(YqPath.parse(".list[0]").child("version")).hasToString(".list[0].version");
        YqPath odd = YqPath.parse(".a").child("x.y \"z\"");
        assertThat(YqPath.parse(odd.toString())).isEqualTo(odd);
    }

    @Test
    void parentDropsTheLastSegment() {
        assertThat(YqPath.parse(".a.b-c.version").parent()).hasToString(".a.b-c");
        assertThat(YqPath.parse(".a.b-c.version").parent().segments())
                .isEqualTo(List.of(new YqPath.Key("a"), new YqPath.Key("b-c")));
        assertThat(YqPath.parse(".\"x.y\".v").parent()).hasToString(".\"x.y\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", ".a..b", ".a[", ".a[x]", ".\"open", ".a b", "", ".a[\u0663]", ".a[\uFF11]"})
    void rejectsMalformedPaths(String text) {
        assertThatThrownBy(() -> YqPath.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a yq path");
    }
}
