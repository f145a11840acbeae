package org.odabuild.maven;

import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.odabuild.core.BuildLog;
import org.odabuild.core.resolve.ResolveRequest;

/** Parameters every goal shares, the skip handling and the error translation; goals only map and report. */
abstract class AbstractOdaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The dockerbuild-config.yaml; by default searched beside the pom, then at the repository root. */
    @Parameter(property = "oda.config")
    protected File config;

    /** Root that config paths are relative to; by default the git work tree that holds the project. */
    @Parameter(property = "oda.repositoryRoot")
    protected File repositoryRoot;

    /** Where each goal writes what it decided, as JSON. */
    @Parameter(property = "oda.outputDirectory", defaultValue = "${project.build.directory}/oda")
    protected File outputDirectory;

    /** Skips every oda goal. */
    @Parameter(property = "oda.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping " + getClass().getSimpleName().replace("Mojo", "") + " (oda.skip or the goal's"
                    + " skip flag is set)");
            return;
        }
        try {
            run(new MavenBuildLog(getLog()));
        } catch (RuntimeException e) {
            Exception translated = MojoErrors.translate(e);
            if (translated instanceof MojoFailureException f) {
                throw f;
            }
            throw (MojoExecutionException) translated;
        }
    }

    /** The goal's own skip flag. */
    protected abstract boolean skipGoal();

    protected abstract void run(BuildLog log) throws MojoExecutionException, MojoFailureException;

    protected ResolveRequest resolveRequest() {
        return new ResolveRequest(
                project.getBasedir().toPath(),
                Optional.ofNullable(config).map(File::toPath),
                Optional.ofNullable(repositoryRoot).map(File::toPath),
                outputDirectory.toPath());
    }
}
