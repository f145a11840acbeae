package org.odabuild.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;

class NoPrereleaseCheckTest {

    @TempDir
    Path repo;

    private ResolveRequest request() {
        return new ResolveRequest(repo, Optional.empty(), Optional.empty(), repo.resolve("target/oda"));
    }

    private JsonObject report() throws Exception {
        return JsonParser.parseString(Files.readString(repo.resolve("target/oda/" + NoPrereleaseCheck.REPORT)))
                .getAsJsonObject();
    }

    @Test
    void passesOnOdaCanvasReleaseState() throws Exception {
        Fixtures.copyOdaCanvas(repo);
        RecordingLog log = new RecordingLog();
        assertThat(NoPrereleaseCheck.run(request(), log)).isEmpty();
        assertThat(report().get("passed").getAsBoolean()).isTrue();
        assertThat(report().get("imagesChecked").getAsInt()).isEqualTo(16);
        assertThat(log.infos).anyMatch(l -> l.contains("all 16 images point to release versions"));
    }

    @Test
    void failsListingFileLineKeyAndSuffix() throws Exception {
        Fixtures.copyOdaCanvas(repo);
        Path values = repo.resolve("charts/canvas-oda/values.yaml");
        Fixtures.replace(values, "compopPrereleaseSuffix: ", "compopPrereleaseSuffix: issue3456");
        Fixtures.replace(repo.resolve("baseimages/kubectl-curl/version.yaml"), "prereleaseSuffix:",
                "prereleaseSuffix: odaa-7");
        int line = lineOf(values, "compopPrereleaseSuffix: issue3456");

        assertThatThrownBy(() -> NoPrereleaseCheck.run(request(), new RecordingLog()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("check \"no prerelease suffixes\" failed")
                .hasMessageContaining("charts/canvas-oda/values.yaml:" + line + " component-operator=issue3456")
                .hasMessageContaining("baseimages/kubectl-curl/version.yaml:3 baseimage-kubectl-curl=odaa-7");
        JsonObject report = report();
        assertThat(report.get("passed").getAsBoolean()).isFalse();
        assertThat(report.getAsJsonArray("violations")).hasSize(2);
        JsonObject first = report.getAsJsonArray("violations").get(0).getAsJsonObject();
        assertThat(first.get("key").getAsString()).isEqualTo("component-operator");
        assertThat(first.get("line").getAsInt()).isEqualTo(line);
        assertThat(first.get("prereleaseSuffix").getAsString()).isEqualTo("issue3456");
    }

    private static int lineOf(Path file, String text) throws Exception {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
