package org.odabuild.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Helpers for the invoker integration tests' groovy scripts (they run with the test classpath): a real git
 * repository, a real registry that the project's build can reach, and the per-project Maven config.
 */
public final class ItSupport {

    private static final PersonIdent ME = new PersonIdent("oda-it", "oda-it@example.org");

    private ItSupport() {
    }

    /** git init on {@code branch}, ignore build output, commit everything. */
    public static Git gitInit(File basedir, String branch) {
        try {
            Files.writeString(basedir.toPath().resolve(".gitignore"), "build.log\ntarget/\nregistry/\n");
            Git git = Git.init().setDirectory(basedir).setInitialBranch(branch).call();
            commitAll(git, "initial");
            return git;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void commitAll(Git git, String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a registry below {@code basedir/registry} that lives until {@link #stopRegistry} or the JVM's end, and
     * lets the project's build reach it over HTTP ({@code .mvn/maven.config}).
     */
    public static String startRegistry(File basedir, String user, String password) {
        LocalRegistry registry = LocalRegistry.start(basedir.toPath().resolve("registry"), user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        write(basedir.toPath().resolve("registry/pid"), Long.toString(registry.pid()));
        mavenConfig(basedir, "-Doda.insecureRegistries=" + registry.host());
        return registry.host();
    }

    /** A loopback address where no registry listens (one was started there and stopped again). */
    public static String stoppedRegistry(File basedir) {
        String host;
        try (LocalRegistry registry = LocalRegistry.start(basedir.toPath().resolve("registry"))) {
            host = registry.host();
        }
        mavenConfig(basedir, "-Doda.insecureRegistries=" + host);
        return host;
    }

    public static void stopRegistry(File basedir) {
        Path pid = basedir.toPath().resolve("registry/pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(read(pid).strip())).ifPresent(ProcessHandle::destroy);
        }
    }

    /** A docker config.json (for {@code DOCKER_CONFIG}) holding a login for {@code host}. */
    public static void dockerLogin(File dir, String host, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        write(dir.toPath().resolve("config.json"), "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
    }

    public static void mavenConfig(File basedir, String line) {
        write(basedir.toPath().resolve(".mvn/maven.config"), line + "\n");
    }

    public static void replace(File file, String from, String to) {
        String text = read(file.toPath());
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        write(file.toPath(), text.replace(from, to));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
