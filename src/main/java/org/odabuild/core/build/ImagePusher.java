package org.odabuild.core.build;

import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.OdaLabels;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.ImmutableTagRejection;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.version.ImageName;

/** Pushes built images and records the digest the registry serves. */
final class ImagePusher {

    private static final int RETRIES = 3;

    private final DockerDaemon daemon;
    private final RegistryClient registry;
    private final CredentialSource credentials;
    private final BuildLog log;

    ImagePusher(DockerDaemon daemon, RegistryClient registry, CredentialSource credentials, BuildLog log) {
        this.daemon = daemon;
        this.registry = registry;
        this.credentials = credentials;
        this.log = log;
    }

    /**
     * @param commit the commit the image was built from: a release the registry already holds from it (a push job
     *               re-run after a partial failure) is reported as published, not pushed again
     */
    BuiltImage push(BuiltImage built, String commit) {
        long start = System.nanoTime();
        ImageName name = new ImageName(built.image());
        if (built.release()) {
            // another build may have pushed the release since the check: immutability is checked again right here
            var existing = registry.manifest(name, built.tag());
            if (existing.isPresent()) {
                String revision = registry.labels(name, existing.get().digest()).get(OdaLabels.REVISION);
                if (commit.equals(revision)) {
                    log.info(built.reference() + " is already published from this commit: " + existing.get().digest());
                    return built.alreadyPublished(existing.get().digest());
                }
                throw new RuleViolationException("push of " + built.key(), List.of(built.reference()
                        + " appeared in the registry (" + existing.get().digest() + ") after the check: release tags"
                        + " are immutable, nothing was pushed"));
            }
        }
        for (String tag : built.tags()) {
            log.info("Pushing " + tag);
            try {
                daemon.push(tag, credentials.forRegistry(name.registry()), RETRIES);
            } catch (DockerException e) {
                throw ImmutableTagRejection.describe(tag, name.registry(), e.getMessage())
                        .<RuntimeException>map(m -> new RuleViolationException("push of " + built.key(), List.of(m)))
                        .orElse(e);
            }
        }
        String pushed = daemon.repoDigests(built.reference()).stream()
                .filter(d -> d.startsWith(name.name() + "@"))
                .map(d -> d.substring(d.indexOf('@') + 1))
                .findFirst()
                .orElseThrow(() -> new DockerException("the daemon reports no registry digest for " + built.reference()
                        + " after the push"));
        // the digest reported is the one of the bytes the registry now serves under the tag
        String digest = registry.digest(name, built.tag()).orElseThrow(() -> new RuleViolationException("push of "
                + built.key(), List.of("registry " + name.registry() + " does not serve " + built.reference()
                        + " right after the push")));
        if (!digest.equals(pushed)) {
            log.warn("registry " + name.registry() + " serves " + built.reference() + " as " + digest + ", not as "
                    + pushed + " that the daemon pushed: another build pushed the same tag at the same time");
        }
        log.info("Pushed " + built.reference() + "@" + digest);
        return built.pushed(digest, (System.nanoTime() - start) / 1_000_000);
    }
}
