package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.InvalidInputException;

/** The docker CLI's {@code ParseProxyConfig}: the daemon host's entry, else {@code default}; the user's args first. */
class ClientProxiesTest {

    @TempDir
    Path home;

    @Test
    void theDaemonsOwnEntryComesBeforeDefaultAndTheUsersArgsBeforeBoth() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), """
                {"auths": {}, "proxies": {"default": {"httpsProxy": "http://default:3128"},
                 "tcp://build-host:2376": {"httpsProxy": "http://near:3128", "allProxy": "socks5://near:1080"}}}
                """);
        Map<String, String> env = Map.of("HOME", home.toString());

        assertThat(ClientProxies.buildArgs(env, "unix:///var/run/docker.sock")).containsOnly(
                Map.entry("HTTPS_PROXY", "http://default:3128"), Map.entry("https_proxy", "http://default:3128"));
        Map<String, String> near = ClientProxies.buildArgs(env, "tcp://build-host:2376");
        assertThat(near).containsEntry("HTTPS_PROXY", "http://near:3128").containsEntry("all_proxy", "socks5://near:1080");
        assertThat(ClientProxies.under(Map.of("https_proxy", "mine"), near)).containsEntry("https_proxy", "mine")
                .containsEntry("HTTPS_PROXY", "http://near:3128");
    }

    @Test
    void noConfigIsNoProxyAndABrokenOneIsSaid() throws Exception {
        assertThat(ClientProxies.buildArgs(Map.of("HOME", home.toString()), "unix:///x")).isEmpty();
        assertThat(ClientProxies.buildArgs(Map.of(), "unix:///x")).isEmpty();
        Path config = Files.createDirectories(home.resolve("cfg"));
        Files.writeString(config.resolve("config.json"), "{\"proxies\": ");
        assertThatThrownBy(() -> ClientProxies.buildArgs(Map.of("DOCKER_CONFIG", config.toString()), "unix:///x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("config.json cannot be read as JSON")
                .hasMessageContaining("DOCKER_CONFIG");
    }
}
