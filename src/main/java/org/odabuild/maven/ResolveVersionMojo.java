package org.odabuild.maven;

import java.util.Properties;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.resolve.ResolveVersions;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * Resolves every image of dockerbuild-config.yaml to its tag from the Helm values, sets the project properties
 * {@code oda.image.<key>.tag|reference|version|release} and writes {@code target/oda/images.json}.
 */
@Mojo(name = "resolve-version", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true,
        requiresProject = false)
public class ResolveVersionMojo extends AbstractOdaMojo {

    /** Skips this goal only. */
    @Parameter(property = "oda.resolveVersion.skip", defaultValue = "false")
    private boolean skipResolveVersion;

    /** It sets properties of the project it runs in, so every module gets its own run. */
    @Override
    protected boolean repositoryWide() {
        return false;
    }

    @Override
    protected boolean skipGoal() {
        return skipResolveVersion;
    }

    @Override
    protected void run(BuildLog log) {
        ResolveVersions.Result result = ResolveVersions.run(resolveRequest(), log);
        Properties props = project.getProperties();
        for (ResolvedImage image : result.images()) {
            String prefix = "oda.image." + image.key() + ".";
            props.setProperty(prefix + "tag", image.tag().toString());
            props.setProperty(prefix + "reference", image.reference());
            props.setProperty(prefix + "version", image.version().toString());
            props.setProperty(prefix + "release", Boolean.toString(image.isRelease()));
        }
        log.info("Wrote " + result.report());
    }
}
