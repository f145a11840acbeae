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
    private static final long SETTLE = 1000;

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
        // the registry has no create-if-absent: read the tag back (a release once more after a moment) and fail
        // loudly when another build's push landed on it, so no values-digests pins a digest the tag does not serve
        String digest = servedAs(name, built, pushed);
        if (built.release()) {
            sleep(SETTLE);
            digest = servedAs(name, built, pushed);
        }
        log.info("Pushed " + built.reference() + "@" + digest);
        return built.pushed(digest, (System.nanoTime() - start) / 1_000_000);
    }

    private String servedAs(ImageName name, BuiltImage built, String pushed) {
        String served = registry.digest(name, built.tag()).orElseThrow(() -> new RuleViolationException("push of "
                + built.key(), List.of("registry " + name.registry() + " does not serve " + built.reference()
                        + " right after the push")));
        if (!served.equals(pushed)) {
            throw new RuleViolationException("push of " + built.key(), List.of("another build published "
                    + built.reference() + " at the same time: its digest is " + served + " (this build pushed "
                    + pushed + ", which the tag no longer serves); nothing is pinned for it. A CI concurrency group"
                    + " for release jobs, or the registry's own tag immutability, prevents this"));
        }
        return served;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
