package org.odabuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlLoginTest {

    @Test
    void theLoginEndsAtTheLastAtSignBeforeThePath() {
        assertThat(UrlLogin.removed("https://u:p%40ss@host:8443/x@y")).isEqualTo("https://host:8443/x@y");
        assertThat(UrlLogin.hidden("https://u:p@ss@host/x")).isEqualTo("https://***@host/x");
        assertThat(UrlLogin.hidden("u:p@host/x")).isEqualTo("***@host/x");
        assertThat(UrlLogin.hidden("host/x?u=a@b")).isEqualTo("host/x?u=a@b");
        assertThat(UrlLogin.present("ghcr.io/me/op@sha256:abc")).isFalse();
        assertThat(UrlLogin.present("https://host/x")).isFalse();
        assertThat(UrlLogin.present("ssh://git@host/x")).isTrue();
    }
}
