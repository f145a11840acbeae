package org.odabuild.core.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.version.ImageName;

/**
 * One repository, one entry. Two entries that publish one repository (an entry copied without changing its
 * {@code valuesPathImage}, or two values keys naming one image) overwrite each other's tags and {@code latest}:
 * pushed side by side in one build or by two jobs of a CI matrix, the registry keeps whichever came last, and the
 * release rules (the newest version, the branch that owns a suffix) read the other entry's tags as their own. Each
 * such selected entry is refused, naming the other; which of them is meant is for the user to say.
 */
final class SharedRepositories {

    /** Docker's own names for Docker Hub: {@code tmforumodacanvas/x} and {@code index.docker.io/tmforumodacanvas/x} are one. */
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private SharedRepositories() {
    }

    /**
     * @param selected the images this run works on
     * @param others   every other entry of the config that resolves (a CI matrix job selects one image: the entries
     *                 of the other jobs publish at the same time)
     */
    static List<BrokenImage> among(List<ResolvedImage> selected, List<ResolvedImage> others) {
        Map<String, List<ResolvedImage>> byRepository = new LinkedHashMap<>();
        for (ResolvedImage image : selected) {
            byRepository.computeIfAbsent(repository(image.image()), r -> new ArrayList<>()).add(image);
        }
        for (ResolvedImage image : others) {
            byRepository.computeIfPresent(repository(image.image()), (r, images) -> {
                images.add(image);
                return images;
            });
        }
        List<BrokenImage> refused = new ArrayList<>();
        for (ResolvedImage image : selected) {
            List<ResolvedImage> sharing = byRepository.get(repository(image.image())).stream()
                    .filter(other -> other != image).toList();
            if (!sharing.isEmpty()) {
                refused.add(new BrokenImage(image.key(), reason(image, sharing)));
            }
        }
        return refused;
    }

    private static String reason(ResolvedImage image, List<ResolvedImage> sharing) {
        StringBuilder others = new StringBuilder();
        for (ResolvedImage other : sharing) {
            others.append(others.isEmpty() ? "" : ", ").append("'").append(other.key()).append("' (")
                    .append(other.config().at("valuesPathImage")).append(")");
        }
        return image.config().at("valuesPathImage") + ": image '" + image.key() + "' publishes " + image.image()
                + ", as " + others + (sharing.size() > 1 ? " do" : " does") + ": entries of one repository overwrite"
                + " each other's tags and latest; give each entry its own image (valuesPathImage "
                + image.config().valuesPathImage() + " in " + image.config().valuesYamlFile() + ")";
    }

    /** The registry host (case does not matter in a host name) and the repository's path in it. */
    private static String repository(ImageName name) {
        String registry = name.registry().toLowerCase(Locale.ROOT);
        if (!DOCKER_HUB.contains(registry)) {
            return registry + "/" + name.repository();
        }
        String path = name.repository();
        return "docker.io/" + (path.contains("/") ? path : "library/" + path);
    }
}
