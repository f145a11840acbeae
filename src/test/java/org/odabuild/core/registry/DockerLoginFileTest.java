package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.InvalidInputException;

/** The docker client's login file, checked as the docker CLI reads it; faults are said with file, line and entry. */
class DockerLoginFileTest {

    @TempDir
    Path dir;

    @Test
    void whatDockerLoginWritesPasses() throws IOException {
        // docker login's own output, a credential helper, a store, and fields the plugin does not read
        Path file = write("""
                {
                \t"auths": {
                \t\t"ghcr.io": {
                \t\t\t"auth": "Ym9iOnMzY3IzdA=="
                \t\t},
                \t\t"https://index.docker.io/v1/": {},
                \t\t"r.example": {"identitytoken": "tok", "auth": ""}
                \t},
                \t"credHelpers": {"123.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"},
                \t"credsStore": "desktop",
                \t"currentContext": "default",
                \t"proxies": {"default": {"httpProxy": "http://p:3128"}},
                \t"plugins": [1, {"x": null}]
                }""");
        assertThatCode(() -> DockerLoginFile.check(file)).doesNotThrowAnyException();
    }

    @Test
    void anAbsentEmptyOrMarkedFileHoldsNoLoginAndPasses() throws IOException {
        assertThatCode(() -> DockerLoginFile.check(dir.resolve("none.json"))).doesNotThrowAnyException();
        assertThatCode(() -> DockerLoginFile.check(write(""))).doesNotThrowAnyException();
        assertThatCode(() -> DockerLoginFile.check(write("\uFEFF{\"auths\": {}}"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '{\n  "auths": {\n    "r.io": {\n      "auth": "Ym9i"\n    }\n  }\n}'       | :4: 'auth' of the login for 'r.io' in 'auths' is not base64 of user:password: run 'docker login r.io' again
            '{\n  "auths": {\n    "r.io": {\n      "auth": "!!!"\n    }\n  }\n}'        | :4: 'auth' of the login for 'r.io' in 'auths' is not base64 of user:password
            '{\n  "auths": {\n    "r.io": {\n      "auth": 7\n    }\n  }\n}'            | :4: 'auth' of the login for 'r.io' in 'auths' is a number, not text as the docker CLI expects
            '{\n  "auths": {\n    "r.io": null\n  }\n}'                                  | :3: the login for 'r.io' in 'auths' is null, not an object
            '{\n  "auths": {\n    "r.io": "x"\n  }\n}'                                   | :3: the login for 'r.io' in 'auths' is text, not an object
            '{\n\n  "auths": []\n}'                                                      | :3: 'auths' is a list, not an object
            '{\n  "credHelpers": {\n    "r.io": true\n  }\n}'                            | :3: the credential helper of 'r.io' in 'credHelpers' is true or false, not text
            '{\n  "credsStore": {}\n}'                                                   | :2: 'credsStore' is an object, not text
            '[]'                                                                         | :1: the file is a list, not an object
            '{\n  "auths": {\n    "r.io": {"password": ["x"]}\n  }\n}'                   | :3: 'password' of the login for 'r.io' in 'auths' is a list, not text
            """)
    void aFaultIsSaidWithItsLineAndEntry(String json, String said) throws IOException {
        Path file = write(json.replace("\\n", "\n"));
        assertThatThrownBy(() -> DockerLoginFile.check(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(said);
    }

    @Test
    void malformedJsonIsSaidWithGsonsLineAndColumn() throws IOException {
        Path file = write("{\n  \"auths\": {\n    \"r.io\": {\"auth\": \"Ym9iOnB3\"},\n  }\n");
        assertThatThrownBy(() -> DockerLoginFile.check(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": not valid JSON").hasMessageContaining("line 4");
    }

    @Test
    void noSecretOfTheFileIsRepeated() throws IOException {
        Path file = write("{\"auths\": {\"r.io\": {\"auth\": \"Ym9iOnMzY3IzdA==\", \"password\": 5}}}");
        assertThatThrownBy(() -> DockerLoginFile.check(file)).hasMessageNotContaining("Ym9iOnMzY3IzdA")
                .hasMessageContaining("'password' of the login for 'r.io'");
    }

    @Test
    void theFileIsWhereFabric8LooksForIt() {
        assertThat(DockerLoginFile.of(Map.of("DOCKER_CONFIG", "/c", "HOME", "/h"))).isEqualTo(Path.of("/c/config.json"));
        assertThat(DockerLoginFile.of(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.docker/config.json"));
        assertThat(DockerLoginFile.of(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"),
                ".docker/config.json"));
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.writeString(file, text);
        return file;
    }
}
