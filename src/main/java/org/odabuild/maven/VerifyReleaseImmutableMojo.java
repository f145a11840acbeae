package org.odabuild.maven;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.odabuild.core.BuildLog;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.release.ReleaseCheckRequest;
import org.odabuild.core.release.ReleaseImmutabilityCheck;

/**
 * Checks the registry for every image the plan will build: an existing release tag fails the build (release tags
 * are immutable), a prerelease needs an unreleased version, versions only go up, and a prerelease suffix belongs
 * to the branch that first pushed it. Fails closed: when the registry cannot answer, the build fails. Writes
 * {@code target/oda/verify-release-immutable.json}.
 */
@Mojo(name = "verify-release-immutable", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyReleaseImmutableMojo extends AbstractPlanMojo {

    /** Registries ({@code host:port}) reached over plain HTTP; all others need HTTPS, loopback included. */
    @Parameter(property = "oda.insecureRegistries")
    private List<String> insecureRegistries;

    /** Let this branch overwrite a prerelease tag that another branch pushed. */
    @Parameter(property = "oda.allowSuffixTakeover", defaultValue = "false")
    private boolean allowSuffixTakeover;

    /** Seconds to wait for the registry per request. */
    @Parameter(property = "oda.registryTimeout", defaultValue = "20")
    private int registryTimeout;

    /** Skips this goal only. */
    @Parameter(property = "oda.verifyReleaseImmutable.skip", defaultValue = "false")
    private boolean skipVerifyReleaseImmutable;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    protected boolean skipGoal() {
        return skipVerifyReleaseImmutable;
    }

    @Override
    protected void run(BuildLog log) {
        RegistrySettings registry = new RegistrySettings(new HashSet<>(trimmed(insecureRegistries)),
                Duration.ofSeconds(registryTimeout), 3, Duration.ofMillis(250));
        ReleaseImmutabilityCheck.run(new ReleaseCheckRequest(planRequest(), registry, allowSuffixTakeover),
                new MavenCredentialSource(session.getSettings(), settingsDecrypter, log), log);
    }
}
