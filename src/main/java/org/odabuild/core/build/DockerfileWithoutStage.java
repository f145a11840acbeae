package org.odabuild.core.build;

import java.util.List;
import java.util.Optional;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.dockerfile.DockerfileInstructions;
import org.odabuild.core.dockerfile.DockerfileInstructions.Instruction;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * A Dockerfile that starts no build stage, refused before the daemon sees it: its answers name neither the file nor
 * the line ({@code the Dockerfile (Dockerfile) cannot be empty}, {@code no build stage in current context}).
 */
final class DockerfileWithoutStage {

    private DockerfileWithoutStage() {
    }

    /** @param path the Dockerfile's path in the repository, as the config names it */
    static Optional<DockerException> find(ResolvedImage image, String path, String dockerfile) {
        List<Instruction> instructions = DockerfileInstructions.of(dockerfile);
        if (instructions.isEmpty()) {
            return Optional.of(new DockerException("image " + image.key() + ": " + path + " has no instruction: start"
                    + " it with FROM <base image> (FROM scratch for none)"));
        }
        // only ARG may come before the first FROM (its value is then for FROM lines)
        Optional<Instruction> first = instructions.stream().filter(i -> !i.keyword().equals("ARG")).findFirst();
        if (first.isEmpty()) {
            return Optional.of(new DockerException("image " + image.key() + ": " + path + " has only ARG instructions"
                    + " and no FROM: add FROM <base image> (FROM scratch for none) after them"));
        }
        return first.filter(i -> !i.keyword().equals("FROM"))
                .map(i -> new DockerException("image " + image.key() + ": " + path + ":" + i.line() + ": " + i.keyword()
                        + " comes before any FROM: start the build stage with FROM <base image> (FROM scratch for"
                        + " none) above it; only ARG may stand before the first FROM"));
    }
}
