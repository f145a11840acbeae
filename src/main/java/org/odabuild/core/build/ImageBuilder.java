package org.odabuild.core.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.BaseImages;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.resolve.ResolvedImage;

/** Builds one image through the daemon, tags it, and runs its test image before anything is pushed. */
final class ImageBuilder {

    private final DockerDaemon daemon;
    private final RepoLayout layout;
    private final Path outputDir;
    private final BuildLog log;

    ImageBuilder(DockerDaemon daemon, RepoLayout layout, Path outputDir, BuildLog log) {
        this.daemon = daemon;
        this.layout = layout;
        this.outputDir = outputDir;
        this.log = log;
    }

    /** The image's context with its Dockerfile, as sent to the daemon. */
    static BuildContext context(RepoLayout layout, ResolvedImage image) {
        return BuildContext.of(layout.folder(image.config().buildContext(), "buildContext of image " + image.key()),
                layout.file(image.config().buildDockerfile(), "buildDockerfile of image " + image.key()));
    }

    /** Fails for an explicit platform list the daemon cannot build; falls back to native for the default. */
    void checkPlatforms(ResolvedImage image) {
        String nativePlatform = daemon.nativePlatform();
        List<String> platforms = image.config().platforms();
        if (platforms.equals(List.of(nativePlatform))) {
            return;
        }
        if (image.config().platformsExplicit()) {
            throw new InvalidInputException(image.config().location() + ": image " + image.key() + " asks for"
                    + " platforms " + platforms + ", but this daemon builds only " + nativePlatform + " (no buildx):"
                    + " set 'platforms: " + nativePlatform + "' or build on a daemon with buildx");
        }
        log.warn("image " + image.key() + ": the default platforms " + platforms + " need buildx, which this daemon"
                + " lacks; building for " + nativePlatform + " only");
    }

    BuiltImage build(ResolvedImage image, BuildContext context, HeadCommit head, String branch, String source,
            String sourceHash, Map<String, String> userArgs, LatestTag latest, Duration testTimeout) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        Path tar = context.writeTar(outputDir.resolve("contexts/" + safe(image.key()) + ".tar"));
        Map<String, String> args = BuildArgs.of(head, now, userArgs);
        log.info("Building " + image.reference() + " from " + image.config().buildContext() + " ("
                + context.files().size() + " files)");
        try {
            daemon.build(image.reference(), tar, BuildContext.DOCKERFILE_ENTRY, args,
                    ImageLabels.of(image, head, branch, now, sourceHash, source));
        } catch (DockerException e) {
            deleteQuietly(tar);
            throw pullFailure(image, e).orElse(e);
        }
        List<String> tags = new ArrayList<>(List.of(image.reference()));
        if (latest.applies(image.isRelease())) {
            String latestRef = image.image().name() + ":latest";
            daemon.tag(image.reference(), latestRef);
            tags.add(latestRef);
        }
        String report = image.config().testDockerfile().map(t -> test(image, context, t, args, testTimeout))
                .orElse(null);
        deleteQuietly(tar);
        return new BuiltImage(image.key(), image.image().name(), image.tag().toString(), image.reference(),
                image.isRelease(), "built", tags, sourceHash, null, (System.nanoTime() - start) / 1_000_000, report,
                null);
    }

    /** A failed pull of a base image, said in the user's terms: which FROM, where, and the daemon's reason. */
    private Optional<DockerException> pullFailure(ResolvedImage image, DockerException e) {
        if (!BaseImages.isPullFailure(e.getMessage())) {
            return Optional.empty();
        }
        String dockerfile = image.config().buildDockerfile();
        List<BaseImages.From> bases;
        try {
            bases = BaseImages.of(Files.readString(layout.file(dockerfile, "buildDockerfile")));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        if (bases.isEmpty()) {
            return Optional.empty();
        }
        String which = BaseImages.culprit(bases, e.getMessage())
                .map(b -> "the base image '" + b.image() + "' (FROM at " + dockerfile + ":" + b.line() + ")")
                .orElse("one of the base images " + bases.stream().map(b -> b.image() + " (" + dockerfile + ":"
                        + b.line() + ")").toList());
        return Optional.of(new DockerException("image " + image.key() + ": " + which + " could not be pulled: "
                + e.getMessage() + ". Check its name and tag, that this machine reaches its registry, and the login"
                + " for it (docker login <registry>)", e));
    }

    /** oda-canvas' unit-test image: FROM the new image, its output is a JUnit report. */
    private String test(ResolvedImage image, BuildContext context, String testDockerfile, Map<String, String> args,
            Duration timeout) {
        BuildContext testContext = BuildContext.of(context.contextDir(), layout.file(testDockerfile,
                "testDockerfile of image " + image.key()));
        Path tar = testContext.writeTar(outputDir.resolve("contexts/" + safe(image.key()) + "-test.tar"));
        String testRef = "oda-test/" + safe(image.key()) + ":" + image.tag();
        Map<String, String> testArgs = new LinkedHashMap<>(args);
        testArgs.put("FROM_IMAGE", image.reference());
        log.info("Testing " + image.reference() + " with " + testDockerfile);
        buildWithin(timeout, testRef, () -> daemon.build(testRef, tar, BuildContext.DOCKERFILE_ENTRY, testArgs,
                Map.of()));
        deleteQuietly(tar);
        DockerDaemon.RunResult result = daemon.run(testRef, timeout);
        Path report = outputDir.resolve("test-reports/TEST-" + safe(image.key()) + ".xml");
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String shown = layout.display(report);
        JUnitReport junit;
        try {
            junit = JUnitReport.parse(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("tests of " + image.key(), List.of("the test image " + testDockerfile
                    + " did not print a JUnit report (" + e.getMessage() + "; exit code " + result.exitCode()
                    + "), see " + shown + (result.stderr().isBlank() ? "" : "; stderr: " + tail(result.stderr()))));
        }
        if (!junit.passed() || result.exitCode() != 0) {
            throw new RuleViolationException("tests of " + image.key(), List.of(junit.failures() + " failure(s) and "
                    + junit.errors() + " error(s) in " + junit.tests() + " test(s), exit code " + result.exitCode()
                    + ": see " + shown + "; nothing was pushed"));
        }
        log.info("Tests of " + image.key() + " passed: " + junit.tests() + " test(s), report " + shown);
        return shown;
    }

    /** The test image's build counts against {@code oda.testTimeout} as its run does: a test may not hang CI. */
    static void buildWithin(Duration timeout, String reference, Runnable build) {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            single.submit(build).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DockerException("building the test image " + reference + " took longer than "
                    + (timeout.toSeconds() >= 1 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                    + " (oda.testTimeout)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DockerException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("interrupted while building the test image " + reference);
        } finally {
            single.shutdownNow();
        }
    }

    static String safe(String key) {
        String s = key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return s.isEmpty() ? "image" : s;
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() > 500 ? "..." + t.substring(t.length() - 500) : t;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover archive in target/ is harmless
        }
    }

    static Optional<Path> testDockerfile(RepoLayout layout, ResolvedImage image) {
        return image.config().testDockerfile().map(t -> layout.file(t, "testDockerfile of image " + image.key()));
    }
}
