package org.odabuild.core.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.config.BrokenImage;

/**
 * One repository, one entry. Two entries that publish one repository (an entry copied without changing its
 * {@code valuesPathImage}, or two values keys naming one image) overwrite each other's tags and {@code latest}:
 * pushed side by side in one build or by two jobs of a CI matrix, the registry keeps whichever came last, and the
 * release rules (the newest version, the branch that owns a suffix) read the other entry's tags as their own. Each
 * such selected entry is refused, naming the other; which of them is meant is for the user to say.
 */
final class SharedRepositories {

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
            byRepository.computeIfAbsent(image.image().canonical(), r -> new ArrayList<>()).add(image);
        }
        for (ResolvedImage image : others) {
            byRepository.computeIfPresent(image.image().canonical(), (r, images) -> {
                images.add(image);
                return images;
            });
        }
        List<BrokenImage> refused = new ArrayList<>();
        for (ResolvedImage image : selected) {
            List<ResolvedImage> sharing = byRepository.get(image.image().canonical()).stream()
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
}
