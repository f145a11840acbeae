package org.odabuild.maven;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.Log;
import org.odabuild.core.BuildLog;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.ci.GithubAnnotations;

/**
 * Adapts Maven's {@link Log} to the core's {@link BuildLog}. On GitHub Actions a warning or error that names a
 * file and line is also written as a workflow command, on a line of its own, so the pull request shows it there.
 */
final class MavenBuildLog implements BuildLog {

    /**
     * The process's standard output itself, for workflow commands: Maven 4 passes what a plugin prints to
     * {@code System.out} through its logger as {@code [INFO] [stdout] ...}, and GitHub takes a workflow command only
     * at the start of a line. Never closed: it is file descriptor 1.
     */
    static final PrintStream PROCESS_STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private final Log log;
    private final boolean annotate;
    private final PrintStream out;

    MavenBuildLog(Log log, CiEnvironment ci, PrintStream out) {
        this.log = log;
        this.annotate = GithubAnnotations.enabled(ci);
        this.out = out;
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) { // every line of a build's output comes here
            log.debug(MojoErrors.render(message));
        }
    }

    @Override
    public void info(String message) {
        log.info(MojoErrors.render(message));
    }

    @Override
    public void warn(String message) {
        log.warn(MojoErrors.render(message));
        annotate("warning", message);
    }

    @Override
    public void error(String message) {
        log.error(MojoErrors.render(message));
        annotate("error", message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    /** The error the goal fails with: Maven prints it; on GitHub Actions it also becomes an annotation. */
    void annotateFailure(String message) {
        annotate("error", message);
    }

    private void annotate(String level, String message) {
        if (annotate && message != null) {
            // workflow commands must start a line: Maven's "[WARNING] " prefix would hide them
            GithubAnnotations.commands(level, MojoErrors.render(message)).forEach(out::println);
        }
    }
}
