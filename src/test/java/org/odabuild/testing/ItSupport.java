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

    /**
     * Runs Maven (the one running the invoker) in {@code dir} as a developer's laptop would, with the invoker's
     * settings and local repository and without the CI variables of the outer build. Appends the output to
     * {@code log}; returns the exit code.
     */
    public static int mvn(File dir, File log, String... args) {
        Path it = itDirectory(dir);
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B",
                "-s", it.resolve("interpolated-settings.xml").toString(),
                "-Dmaven.repo.local=" + it.resolveSibling("local-repo")));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().keySet().removeIf(k -> k.equals("CI") || k.startsWith("GITHUB_") || k.equals("MAVEN_ARGS"));
        try {
            Files.writeString(log.toPath(), System.lineSeparator() + "### mvn " + String.join(" ", args)
                    + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** target/it, the invoker's clone folder: its settings file, and target/local-repo beside it. */
    private static Path itDirectory(File dir) {
        for (Path p = dir.toPath().toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("interpolated-settings.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no target/it (interpolated-settings.xml) above " + dir);
    }

    /** The text of a file, for scripts that check logs. */
    public static String text(File file) {
        return read(file.toPath());
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
     * The feature-branch fixture of the build ITs: a registry of its own, master committed, then on
     * {@code feature/it-42} the image's version bumped to 1.0.1 with suffix {@code it-42} and its source changed;
     * HEAD's id is left in {@code head.txt} for the checks.
     */
    public static void featureBranchWithAChange(File basedir) {
        String host = startRegistry(basedir, null, null);
        replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host);
        try (Git git = gitInit(basedir, "master")) {
            git.checkout().setCreateBranch(true).setName("feature/it-42").call();
            replace(new File(basedir, "charts/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
                    "version: 1.0.1\n  prereleaseSuffix: it-42");
            write(basedir.toPath().resolve("src/op/app.txt"), "v2\n");
            commitAll(git, "feature work");
            write(basedir.toPath().resolve("head.txt"), git.getRepository().resolve("HEAD").name());
        } catch (GitAPIException | IOException e) {
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
