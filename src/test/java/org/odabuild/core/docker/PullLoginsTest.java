package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The {@code X-Registry-Config} header as the docker CLI writes it: base64url JSON keyed by registry. */
class PullLoginsTest {

    @Test
    void dockerHubIsKeyedAsDockerLoginWritesItAndATokenReplacesThePassword() {
        PullLogins logins = PullLogins.NONE.with("docker.io", "hub", "hub-s3cret", null)
                .with("ghcr.io", null, null, "refresh-token");
        JsonObject json = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(logins.header()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(json.getAsJsonObject("https://index.docker.io/v1/").get("password").getAsString())
                .isEqualTo("hub-s3cret");
        assertThat(json.getAsJsonObject("ghcr.io").keySet()).containsExactly("identitytoken");
        assertThat(logins).hasToString("logins for [https://index.docker.io/v1/, ghcr.io]");
        assertThat(logins.toString()).doesNotContain("s3cret").doesNotContain("refresh-token");
        assertThat(PullLogins.NONE.isEmpty()).isTrue();
    }
}
