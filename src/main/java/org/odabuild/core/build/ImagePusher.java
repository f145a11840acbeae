package org.odabuild.core.build;

import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.docker.DockerDaemon;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.registry.CredentialSource;
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

    BuiltImage push(BuiltImage built) {
        long start = System.nanoTime();
        ImageName name = new ImageName(built.image());
        if (built.release()) {
            // another build may have pushed the release since the check: immutability is checked again right here
            registry.manifest(name, built.tag()).ifPresent(existing -> {
                throw new RuleViolationException("push of " + built.key(), List.of(built.reference()
                        + " appeared in the registry (" + existing.digest() + ") after the check: release tags are"
                        + " immutable, nothing was pushed"));
            });
        }
        for (String tag : built.tags()) {
            log.info("Pushing " + tag);
            daemon.push(tag, credentials.forRegistry(name.registry()), RETRIES);
        }
        String digest = daemon.repoDigests(built.reference()).stream()
                .filter(d -> d.startsWith(name.name() + "@"))
                .map(d -> d.substring(d.indexOf('@') + 1))
                .findFirst()
                .orElseThrow(() -> new DockerException("the daemon reports no registry digest for " + built.reference()
                        + " after the push"));
        log.info("Pushed " + built.reference() + "@" + digest);
        return built.pushed(digest, (System.nanoTime() - start) / 1_000_000);
    }
}
