package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.odabuild.core.OdaException;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileStages;
import org.odabuild.core.dockerfile.DockerfileText;

/**
 * Every reading of a Dockerfile the plugin makes before the daemon sees it (instructions, stages, base images, the
 * FROM lines to pin) answers any text, however broken: with an answer or with the plugin's own error, never with
 * another exception; and every Dockerfile it rewrites for the daemon keeps its line count, so the daemon's line
 * numbers stay the user's.
 */
class DockerfileParsersProperties {

    private static final List<String> SEEDS = List.of(
            "ARG REG=r.io\nARG TAG=1\nFROM ${REG}/base:${TAG} AS build\nRUN make \\\n  all\n"
                    + "FROM --platform=$BUILDPLATFORM golang:1.22 AS tools\nCOPY --from=build /out /out\n"
                    + "FROM scratch\nCOPY --from=tools /x /x\nCOPY --from=alpine:3 /etc/passwd /p\n",
            "# syntax=docker/dockerfile:1\n# escape=`\nFROM python:3.12 `\n  AS base\nRUN echo `\n hi\nFROM base\n",
            "\uFEFFFROM r.io/a/b@sha256:" + "0".repeat(64) + "\nRUN <<EOF\necho FROM x\nEOF\nFROM r.io/c:1 as final\n"
                    + "COPY --from=0 / /\n",
            "ARG BASE\nFROM $BASE\nFROM ${BASE:-debian}:12\nFROM ${BASE:+x}y\nONBUILD RUN x\nHEALTHCHECK CMD x\n");
    private static final Map<String, String> ARGS = Map.of("TARGETPLATFORM", "linux/arm64", "BUILDPLATFORM",
            "linux/amd64", "TARGETARCH", "arm64", "TARGETOS", "linux", "REG", "127.0.0.1:5000");

    @Property(tries = 2000)
    void anyTextIsAnsweredAndRewritesKeepTheLineNumbers(@ForAll("dockerfiles") byte[] bytes) {
        String text = DockerfileText.of(bytes);
        try {
            DockerfileInstructions.of(text);
            DockerfileStages.of(text, ARGS);
            BaseImages.of(text, ARGS);
            BaseImages.runsNothing(text);
            BaseImages.imagesCopiedFrom(text);
            BaseImages.platformArgInFrom(text);
            FromPlatformArgs.of(bytes, ARGS).ifPresent(b -> assertThat(lines(b)).isEqualTo(lines(bytes)));
            UnneededStages.of(bytes, ARGS).ifPresent(u -> assertThat(lines(u.dockerfile())).isEqualTo(lines(bytes)));
            Map<FromDigests.Pull, String> pins = new LinkedHashMap<>();
            FromDigests.pulls(text, ARGS).forEach(p -> pins.put(p, "pinned.io/x@sha256:" + "a".repeat(64)));
            Optional<byte[]> pinned = FromDigests.pin(bytes, pins);
            pinned.ifPresent(b -> assertThat(lines(b)).isEqualTo(lines(bytes)));
            CopySources.pin(bytes, source -> Optional.of("pinned.io/x@sha256:" + "b".repeat(64)))
                    .ifPresent(b -> assertThat(lines(b)).isEqualTo(lines(bytes)));
        } catch (OdaException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static int lines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    @Provide
    Arbitrary<byte[]> dockerfiles() {
        Arbitrary<String> token = Arbitraries.of("\\\n", "`\n", "$", "${", "}", "${A:-", "--platform=", "--from=",
                " AS ", "FROM ", "COPY ", "ARG ", "RUN ", "=", "\"", "'", "#", "\t", "\r", "\n", "<<EOF\n", "EOF\n",
                "@sha256:", ":", "/", "\u00e9", "\u0000", "\uFEFF", " ", "scratch", "0", "99999999999",
                "# escape=\\\n", "# escape=`\n", "[\"", "\"]", "\uD83D\uDE80", "\u2028");
        Arbitrary<int[]> at = Arbitraries.integers().between(0, 10_000).array(int[].class).ofSize(2);
        Arbitrary<List<Object[]>> edits = Combinators.combine(at, token).as((p, t) -> new Object[] {p, t}).list()
                .ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(Arbitraries.of(SEEDS), edits, Arbitraries.of(true, false)).as((seed, es, latin1) -> {
            String s = seed;
            for (Object[] e : es) {
                int[] p = (int[]) e[0];
                int from = p[0] % (s.length() + 1);
                // insert the token, or cut up to 12 chars when the second number is odd
                s = p[1] % 2 == 0 ? s.substring(0, from) + e[1] + s.substring(from)
                        : s.substring(0, from) + s.substring(Math.min(s.length(), from + p[1] % 12));
            }
            return s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        });
    }
}
