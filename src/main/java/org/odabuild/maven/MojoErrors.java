package org.odabuild.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.odabuild.core.Excerpt;
import org.odabuild.core.FileNameEncoding;
import org.odabuild.core.OdaException;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.WorkflowCommands;

/**
 * The one place where core failures become Maven failures, and where the settings the core names become what a
 * Maven user types: {@code oda.since}, and {@code -Doda.since=<ref>} where a value is suggested.
 */
final class MojoErrors {

    private MojoErrors() {
    }

    /**
     * A broken rule is a build failure (the project's state is wrong); bad input and environment problems are
     * execution errors (the build could not decide); anything else is a bug of the plugin, said as such.
     */
    static Exception translate(RuntimeException e) {
        if (e instanceof RuleViolationException v) {
            return new MojoFailureException(render(v.getMessage()), rendered(v));
        }
        if (e instanceof OdaException o) {
            return new MojoExecutionException(render(o.getMessage()), rendered(o));
        }
        if (e instanceof InvalidPathException p) {
            return new MojoExecutionException("the path '" + Excerpt.of(p.getInput()) + "' "
                    + FileNameEncoding.refused(p), e);
        }
        if (e instanceof UncheckedIOException io) {
            return new MojoExecutionException(render(io.getMessage()) + ": " + said(io.getCause()), rendered(io));
        }
        return new MojoExecutionException("unexpected error in oda-maven-plugin (a bug: please report it with the"
                + " output of mvn -e): " + e, e);
    }

    /**
     * What went wrong with a file, said: java.nio's exceptions carry only the path as their message
     * ({@code NoSuchFileException: /proc/nope}).
     */
    static String said(IOException cause) {
        if (cause instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (cause instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile() + " (make it writable, or point the setting elsewhere)";
        }
        if (cause instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is in the way";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /**
     * The core's exception as the cause, its message rendered too: Maven prints every message of the cause chain
     * that the first does not contain, so a raw one would show the marks after the rendered text. Keeps the class
     * name, stack trace and cause for {@code mvn -e}.
     */
    private static RuntimeException rendered(RuntimeException e) {
        RuntimeException copy = new RuntimeException(render(e.getMessage()), e.getCause()) {
            @Override
            public String toString() {
                return e.getClass().getName() + ": " + getMessage();
            }
        };
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /**
     * A core message as a Maven user reads it; no line of it can be taken for a GitHub workflow command, whatever
     * file name or value it shows.
     */
    static String render(String message) {
        return WorkflowCommands.neutralized(Setting.render(message, Setting::property,
                (s, value) -> "-D" + s.property() + "=" + value));
    }
}
