package org.odabuild.maven;

import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.OdaException;
import org.odabuild.core.RuleViolationException;

/** The one place where core failures become Maven failures. */
final class MojoErrors {

    private MojoErrors() {
    }

    /**
     * A broken rule is a build failure (the project's state is wrong); bad input and environment problems are
     * execution errors (the build could not decide).
     */
    static Exception translate(RuntimeException e) {
        if (e instanceof RuleViolationException v) {
            return new MojoFailureException(v.getMessage(), v);
        }
        if (e instanceof InvalidInputException i) {
            return new MojoExecutionException(i.getMessage(), i);
        }
        if (e instanceof OdaException o) {
            return new MojoExecutionException(o.getMessage(), o);
        }
        if (e instanceof UncheckedIOException io) {
            return new MojoExecutionException(io.getMessage() + ": " + io.getCause().getMessage(), io);
        }
        return new MojoExecutionException("unexpected error in oda-maven-plugin: " + e, e);
    }
}
