package org.odabuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker daemon the tests build with: {@code DOCKER_HOST}, which .ci/run sets after starting Debian's
 * {@code dockerd} (vfs storage, no iptables, no bridge, its own socket). Without it the calling test is skipped,
 * except on CI where it fails: CI must run these tests.
 */
public final class LocalDocker {

    /** {@link #modernCli}, once looked for; empty when there is none. */
    private static String modernCli;

    private LocalDocker() {
    }

    /**
     * The same daemon on a loopback TCP port ({@code tcp://127.0.0.1:PORT}, from {@code ODA_TEST_DOCKER_TCP}, which
     * .ci/run sets); skipped locally without it, required on CI.
     */
    public static String tcpHost() {
        String host = System.getenv("ODA_TEST_DOCKER_TCP");
        if (host != null && !host.isBlank()) {
            return host;
        }
        String why = "ODA_TEST_DOCKER_TCP is not set (start dockerd with -H tcp://127.0.0.1:PORT as .ci/run does)";
        Skip.because(why, "on CI the tcp daemon test must run");
        return null;
    }

    public static String host() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return host;
        }
        String why = "DOCKER_HOST is not set (start dockerd as .ci/run does and export DOCKER_HOST)";
        Skip.because(why, "on CI the daemon tests must run");
        return null;
    }

    /** Whether the daemon keeps its images in containerd's image store ({@code containerd-snapshotter}). */
    public static boolean containerdImageStore(String host) {
        return cli(host, "info", "--format", "{{json .DriverStatus}}").contains("io.containerd.snapshotter");
    }

    /** The daemon's version, as {@code docker version} gives it ({@code 20.10.24+dfsg1}). */
    public static String serverVersion(String host) {
        return cli(host, "version", "--format", "{{.Server.Version}}").strip();
    }

    /** A docker CLI command against {@code host}; what it printed. */
    public static String cli(String host, String... command) {
        try {
            List<String> line = new java.util.ArrayList<>(List.of(Files.isExecutable(Path.of("/usr/bin/docker"))
                    ? "/usr/bin/docker" : "docker", "-H", host));
            line.addAll(List.of(command));
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("docker " + command[0] + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the docker CLI's classic builder made of a context: the image id, or why it failed. */
    public record CliBuild(boolean built, String answer) {
    }

    /**
     * {@code docker build} with the classic builder ({@code DOCKER_BUILDKIT=0}), as the reference the plugin is held
     * to: the daemon's own package's CLI (Debian's docker.io) when there is one, newer CLIs drop the classic builder.
     */
    public static CliBuild classicBuild(String host, Path context, Path dockerfile) {
        return classicBuild(host, context, dockerfile, true);
    }

    /** As {@link #classicBuild}, answering with what the CLI printed of each step ({@code Step 1/3 : FROM ...}). */
    public static CliBuild classicBuildSteps(String host, Path context, Path dockerfile) {
        return classicBuild(host, context, dockerfile, false);
    }

    private static CliBuild classicBuild(String host, Path context, Path dockerfile, boolean quiet) {
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        return classicBuild(docker, host, context, dockerfile, quiet);
    }

    /**
     * {@code docker build} with the classic builder of a docker CLI of version 23 or later ({@link #modernCli}), which
     * reads a {@code .dockerignore} with BuildKit's matcher (moby's patternmatcher {@code MatchesUsingParentResults}),
     * where the 20.10 CLI's own differs.
     */
    public static CliBuild modernClassicBuild(String host, Path context, Path dockerfile) {
        return classicBuild(modernCli(), host, context, dockerfile, true);
    }

    /**
     * The first {@code docker} on the PATH of version 23 or later (this machine kind has 28.2.2 in /usr/local/bin);
     * skipped locally without one, required on CI.
     */
    public static synchronized String modernCli() {
        if (modernCli == null) {
            modernCli = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                    .map(folder -> Path.of(folder, "docker")).filter(Files::isExecutable).map(Path::toString)
                    .filter(cli -> majorVersion(cli) >= 23).findFirst().orElse("");
        }
        if (modernCli.isEmpty()) {
            Skip.because("no docker CLI of version 23 or later on the PATH", "on CI its classic builder is the"
                    + " reference for .dockerignore files");
        }
        return modernCli;
    }

    private static int majorVersion(String cli) {
        try {
            Process p = new ProcessBuilder(cli, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            var version = java.util.regex.Pattern.compile("Docker version (\\d+)\\.").matcher(out);
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CliBuild classicBuild(String docker, String host, Path context, Path dockerfile, boolean quiet) {
        ProcessBuilder cli = new ProcessBuilder(docker, "build", quiet ? "-q" : "--rm", "--no-cache", "-f",
                dockerfile.toString(), context.toString());
        cli.environment().put("DOCKER_HOST", host);
        cli.environment().put("DOCKER_BUILDKIT", "0");
        try {
            Process process = cli.start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            String err = new String(process.getErrorStream().readAllBytes());
            if (process.waitFor() != 0) {
                return new CliBuild(false, err);
            }
            return new CliBuild(true, quiet ? out.substring(out.lastIndexOf('\n') + 1) : out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code docker rmi -f}, with the daemon's own package's CLI when there is one: a later build must pull it. */
    public static void remove(String host, String reference) {
        try {
            ProcessBuilder rmi = new ProcessBuilder(Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker"
                    : "docker", "rmi", "-f", reference).redirectErrorStream(true);
            rmi.environment().put("DOCKER_HOST", host);
            Process p = rmi.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker rmi -f " + reference + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A static executable for {@code FROM scratch} test images (no base image can be pulled here): prints the
     * file named by its first argument and exits with the second.
     */
    public static Path staticCat(Path dir) {
        return staticProgram(dir, "cat", """
                #include <stdio.h>
                #include <stdlib.h>
                int main(int argc, char **argv) {
                  FILE *f = fopen(argv[1], "r");
                  if (!f) return 2;
                  int c;
                  while ((c = fgetc(f)) != EOF) putchar(c);
                  return argc > 2 ? atoi(argv[2]) : 0;
                }
                """);
    }

    /** A static executable that prints {@code running} and then never ends, as a hung test does. */
    public static Path staticHang(Path dir) {
        return staticProgram(dir, "hang", """
                #include <stdio.h>
                #include <unistd.h>
                int main(void) {
                  puts("running");
                  fflush(stdout);
                  for (;;) pause();
                }
                """);
    }

    private static Path staticProgram(Path dir, String name, String code) {
        try {
            Files.createDirectories(dir);
            Path source = dir.resolve(name + ".c");
            Files.writeString(source, code);
            Path binary = dir.resolve(name);
            Process p = new ProcessBuilder("gcc", "-static", "-Os", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gcc -static failed: " + out);
            }
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
