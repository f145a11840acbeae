package org.odabuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.edit.EditJournal;
import org.odabuild.core.git.RepositoryRoot;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.report.ReportFolder;
import org.odabuild.core.resolve.ResolveRequest;

/** Parameters every goal shares, the skip handling and the error translation; goals only map and report. */
abstract class AbstractOdaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** The dockerbuild-config.yaml; by default searched beside the pom, then at the repository root. */
    @Parameter(property = "oda.config")
    protected File config;

    /** Root that config paths are relative to; by default the git work tree that holds the project. */
    @Parameter(property = "oda.repositoryRoot")
    protected File repositoryRoot;

    /**
     * Where each goal writes what it decided, as JSON; by default {@code target/oda} of the project, or of the
     * repository root when run without a pom.
     */
    @Parameter(property = "oda.outputDirectory")
    protected File outputDirectory;

    /** Only these image keys (comma list); the others are neither read nor checked. */
    @Parameter(property = "oda.images")
    protected List<String> images;

    /**
     * {@code <registry>/<namespace>} that replaces the registry and namespace of every image name (a fork's own
     * repository, e.g. {@code ghcr.io/me}); values.yaml is not edited.
     */
    @Parameter(property = "oda.imageRepository")
    protected String imageRepository;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** Skips every oda goal. */
    @Parameter(property = "oda.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        // before the skip flags: a mistyped one is what it would say; once per build, not per goal and module
        if (session.getRepositorySession().getData().set(PropertyTypos.class.getName(), null, Boolean.TRUE)) {
            PropertyTypos.warnings(session.getUserProperties().stringPropertyNames(),
                    PropertyTypos.known(mojoExecution.getMojoDescriptor().getPluginDescriptor()))
                    .forEach(getLog()::warn);
        }
        if (skip || skipGoal()) {
            getLog().info("Skipping " + getClass().getSimpleName().replace("Mojo", "") + " (oda.skip or the goal's"
                    + " skip flag is set)");
            return;
        }
        MavenBuildLog log = new MavenBuildLog(getLog(), CiEnvironment.of(System.getenv()),
                MavenBuildLog.PROCESS_STDOUT);
        try {
            if (repositoryWide() && !OncePerRepository.claim(session, mojoExecution, repositoryRootPath())) {
                getLog().info("Skipping " + mojoExecution.getGoal() + " in " + project.getArtifactId() + ": it already"
                        + " ran in this build for the repository " + repositoryRootPath());
                return;
            }
            new EditJournal(repositoryRootPath()).recover(log);
            if (outputDirectory == null && !session.getRequest().isProjectPresent()) {
                ReportFolder.keepOutOfGit(outputDir()); // target/oda in a repository without a pom
            }
            run(log);
        } catch (RuntimeException e) {
            Exception translated = MojoErrors.translate(e);
            log.annotateFailure(translated.getMessage());
            if (translated instanceof MojoFailureException f) {
                throw f;
            }
            throw (MojoExecutionException) translated;
        }
    }

    /** The goal's own skip flag. */
    protected abstract boolean skipGoal();

    protected abstract void run(BuildLog log) throws MojoExecutionException, MojoFailureException;

    /**
     * Whether the goal works on the repository rather than on one module: then a multi-module build runs it once
     * per repository root (plan, build and push would otherwise repeat in every module).
     */
    protected boolean repositoryWide() {
        return true;
    }

    protected ResolveRequest resolveRequest() {
        return new ResolveRequest(
                baseDir(),
                Optional.ofNullable(config).map(File::toPath),
                Optional.ofNullable(repositoryRoot).map(File::toPath),
                outputDir(),
                selectedImages(),
                Optional.ofNullable(imageRepository).filter(s -> !s.isBlank()));
    }

    /** {@code -Doda.images=,} names no image: an error, not "all images". */
    private List<String> selectedImages() {
        List<String> keys = trimmed(images);
        if (images != null && !images.isEmpty() && keys.isEmpty()) {
            throw new InvalidInputException("oda.images names no image: give image keys (comma list), or leave it"
                    + " out for all images");
        }
        return keys;
    }

    /** The project's folder; without a pom, the folder Maven was started in. */
    private Path baseDir() {
        return project.getBasedir() != null ? project.getBasedir().toPath()
                : Path.of(session.getExecutionRootDirectory());
    }

    private Path repositoryRootPath() {
        return Optional.ofNullable(repositoryRoot).map(r -> baseDir().resolve(r.toPath()))
                .or(() -> RepositoryRoot.find(baseDir()))
                .orElse(baseDir()).toAbsolutePath().normalize();
    }

    private Path outputDir() {
        if (outputDirectory != null) {
            return outputDirectory.toPath();
        }
        // without a pom (mvn org.odabuild:oda-maven-plugin:<v>:plan in oda-canvas) the reports go to the repository
        return session.getRequest().isProjectPresent()
                ? Path.of(project.getBuild().getDirectory(), "oda")
                : repositoryRootPath().resolve("target/oda");
    }

    /** A comma-list parameter without blanks. */
    static List<String> trimmed(List<String> values) {
        // Maven turns -Doda.images=, into a list of nulls
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Registry logins from settings.xml ({@code <server>}, decrypted) and ~/.docker/config.json. */
    protected CredentialSource credentials(BuildLog log) {
        return new MavenCredentialSource(session.getSettings(), settingsDecrypter, log);
    }
}
