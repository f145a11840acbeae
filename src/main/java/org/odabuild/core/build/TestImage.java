package org.odabuild.core.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.FailedStep;
import org.odabuild.core.docker.PullLogins;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * oda-canvas' unit-test image: built {@code FROM} the new image (its {@code FROM_IMAGE} arg), then run; what it prints
 * is a JUnit report. Tests that run in a {@code RUN} step of its build (oda-canvas' {@code DockerfileTest} runs pytest
 * so) fail its build instead: either way the tests failed, and nothing is pushed.
 */
final class TestImage {

    private final DockerDaemon daemon;
    private final RepoLayout layout;
    private final Path outputDir;
    private final BuildLog log;

    TestImage(DockerDaemon daemon, RepoLayout layout, Path outputDir, BuildLog log) {
        this.daemon = daemon;
        this.layout = layout;
        this.outputDir = outputDir;
        this.log = log;
    }

    /**
     * Builds and runs the test image of {@code image}; returns its report's path as shown.
     *
     * @param context the image's context as built, whose files the test image's build reads too
     * @param args    the image's build args for the native platform
     */
    String run(ResolvedImage image, BuildContext context, String testDockerfile, Map<String, String> args,
            Duration timeout, PullLogins logins) {
        String testRef = "oda-test/" + ImageBuilder.safe(image.key()) + ":" + image.tag();
        Map<String, String> testArgs = new LinkedHashMap<>(args);
        testArgs.put("FROM_IMAGE", image.reference());
        BuildContext testContext = DaemonDockerfile.forPlatform(DaemonDockerfile.withoutUnneededStages(image,
                BuildContext.of(context.contextDir(), layout.file(testDockerfile, "testDockerfile of image "
                + image.key()), Optional.of(outputDir), layout::display).withTimesClampedTo(context.timeCeiling()),
                testArgs, layout, log), testArgs);
        log.info("Testing " + image.reference() + " with " + testDockerfile);
        try {
            buildWithin(timeout, testRef, () -> daemon.build(new DockerDaemon.Build(testRef, testContext, testArgs,
                    Optional.empty(), false).withLogins(logins)));
        } catch (DockerException e) {
            throw failedBuild(image, testDockerfile, DaemonDockerfile.text(testContext), e);
        }
        DockerDaemon.RunResult result;
        try {
            result = daemon.run(testRef, timeout);
        } catch (DockerException e) {
            // Docker 20.10 says "No command specified", later ones "no command specified"
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no command specified")) {
                throw new DockerException("image " + image.key() + ": the test image built from " + testDockerfile
                        + " has no CMD or ENTRYPOINT, so nothing runs the tests: end " + testDockerfile + " with the"
                        + " command that runs them and prints a JUnit XML report (CMD [...])", e);
            }
            throw e;
        }
        Path report = outputDir.resolve("test-reports/TEST-" + ImageBuilder.safe(image.key()) + ".xml");
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

    /**
     * A step of the test image's build that ended with another exit code is a failed test run, said as one (the
     * step's last lines are shown above it); anything else the daemon said stays as it said it.
     */
    private RuntimeException failedBuild(ResolvedImage image, String testDockerfile, Optional<String> sent,
            DockerException e) {
        Optional<FailedStep> failed = FailedStep.of(e);
        failed.ifPresent(s -> s.showIn(log));
        Optional<String> code = StepPlace.exitCode(String.valueOf(e.getMessage()));
        if (failed.isEmpty() || code.isEmpty()) {
            return e;
        }
        FailedStep step = failed.get();
        return new TestsFailed("tests of " + image.key(), List.of("the test image's build stopped at " + StepPlace.of(step,
                testDockerfile, sent) + " with exit code " + code.get() + StepPlace.output(step, log)
                + "; nothing was pushed"), step);
    }

    /**
     * Failed tests, with the step of the test image's build they failed in: build.json reports it; the daemon's
     * words are no cause of it, as Maven would print them after the tests' message.
     */
    private static final class TestsFailed extends RuleViolationException implements FailedStep.Carrier {

        private static final long serialVersionUID = 1L;

        private final transient FailedStep step;

        TestsFailed(String rule, List<String> violations, FailedStep step) {
            super(rule, violations);
            this.step = step;
        }

        @Override
        public FailedStep failedStep() {
            return step;
        }
    }

    /** The test image's build counts against {@code oda.testTimeout} as its run does: a test may not hang CI. */
    static void buildWithin(Duration timeout, String reference, Runnable build) {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            single.submit(build).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DockerException("building the test image " + reference + " took longer than "
                    + (timeout.toSeconds() >= 1 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                    + " (" + Setting.TEST_TIMEOUT + ")");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DockerException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("interrupted while building the test image " + reference);
        } finally {
            single.shutdownNow();
        }
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() > 500 ? "..." + t.substring(t.length() - 500) : t;
    }
}
