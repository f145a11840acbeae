package org.odabuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker registry (Debian's {@code docker-registry}, distribution v2) on a free loopback port, optionally
 * with htpasswd Basic auth. Without the binary the calling test is skipped, except on CI ({@code CI} set) where
 * it fails: CI must run these tests.
 */
public final class LocalRegistry implements AutoCloseable {

    private Process process;
    private final int port;
    private final Path dir;

    private LocalRegistry(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The registry binary, or skips/fails the test as described above. */
    public static Path binary() {
        for (String candidate : List.of("/usr/bin/docker-registry", "/usr/sbin/docker-registry")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String why = "docker-registry is not installed (apt-get install docker-registry apache2-utils)";
        Skip.because(why, "on CI the registry tests must run; .ci/run installs it");
        return null;
    }

    public static LocalRegistry start(Path dir) {
        return start(dir, null, null);
    }

    /** Starts a registry; with a user and password it requires Basic auth (bcrypt htpasswd). */
    public static LocalRegistry start(Path dir, String user, String password) {
        Path bin = binary();
        try {
            Files.createDirectories(dir);
            int port = freePort();
            StringBuilder config = new StringBuilder()
                    .append("version: 0.1\n")
                    .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
            if (user != null) {
                Path htpasswd = dir.resolve("htpasswd");
                Files.writeString(htpasswd, bcryptEntry(user, password));
                config.append("auth:\n  htpasswd:\n    realm: oda-test\n    path: ").append(htpasswd).append('\n');
            }
            Path file = dir.resolve("config.yml");
            Files.writeString(file, config);
            Process p = new ProcessBuilder(bin.toString(), "serve", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            LocalRegistry registry = new LocalRegistry(p, port, dir);
            registry.awaitReady();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bcryptEntry(String user, String password) throws IOException {
        Process p = new ProcessBuilder("htpasswd", "-Bbn", user, password).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || !out.startsWith(user + ":")) {
                throw new IllegalStateException("htpasswd failed (apt-get install apache2-utils)");
            }
            return out + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + log());
            }
            try {
                int code = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (code == 200 || code == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not start within 20 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code 127.0.0.1:port}, the registry part of image names. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the stopped registry again on the same port and storage (after a test stopped it mid-push). */
    public void restart() {
        close();
        try {
            process = new ProcessBuilder(binary().toString(), "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
