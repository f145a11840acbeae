package org.odabuild.core.build;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.odabuild.core.docker.PullLogins;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.registry.CredentialSource;
import org.odabuild.core.registry.RegistryCredentials;
import org.odabuild.core.version.ImageName;

/**
 * The logins of the registries an image's Dockerfiles pull from ({@code FROM} and {@code COPY --from} images), as the
 * docker CLI sends its logins with a build: a private base image, or one of Docker Hub past the anonymous pull limit,
 * is pulled only with them. Only the registries the Dockerfiles name get theirs.
 */
final class BaseImageLogins {

    private BaseImageLogins() {
    }

    /** {@code buildArgs}: the args sent with the build, which a FROM's {@code ${BASE}} may read. */
    static PullLogins of(Collection<String> dockerfiles, Map<String, String> buildArgs, CredentialSource credentials) {
        Set<String> registries = new TreeSet<>();
        for (String text : dockerfiles) {
            Stream.concat(BaseImages.of(text, buildArgs).stream().map(BaseImages.From::image),
                    BaseImages.imagesCopiedFrom(text).stream())
                    .forEach(reference -> registryOf(reference).ifPresent(registries::add));
        }
        PullLogins logins = PullLogins.NONE;
        for (String registry : registries) {
            Optional<RegistryCredentials> login = credentials.forRegistry(registry);
            if (login.isPresent()) {
                logins = logins.with(registry, login.get().username(), login.get().password(),
                        login.get().identityToken());
            }
        }
        return logins;
    }

    /** The registry of {@code name[:tag][@digest]}; none for a reference whose args are not known. */
    private static Optional<String> registryOf(String reference) {
        if (reference.contains("$")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImageName(ImageReference.parse(reference).name()).registry());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the daemon says what is wrong with it
        }
    }
}
