package org.odabuild.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odabuild.core.InvalidInputException;

/**
 * The one wording for "these images are broken", so every goal lists them the same way. One fault in a values file
 * that holds many entries (a YAML syntax error in oda-canvas' chart breaks 13 images) is said once, with the images
 * it breaks, not once per image.
 */
public final class BrokenImages {

    private BrokenImages() {
    }

    public static InvalidInputException error(List<BrokenImage> broken) {
        if (broken.size() == 1) {
            return new InvalidInputException(broken.get(0).reason());
        }
        return new InvalidInputException(broken.size() + " image entries are broken:" + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", lines(broken)));
    }

    /** One line per fault, with the images it breaks: {@code <reason> (images a, b)}. */
    public static List<String> lines(List<BrokenImage> broken) {
        List<String> lines = new ArrayList<>();
        byReason(broken).forEach((reason, keys) -> lines.add(reason + " (image" + (keys.size() == 1 ? " " : "s ")
                + String.join(", ", keys) + ")"));
        return lines;
    }

    /** The plan's warnings: one per fault, naming the images it refuses. */
    public static List<String> warnings(List<BrokenImage> broken) {
        List<String> warnings = new ArrayList<>();
        byReason(broken).forEach((reason, keys) -> warnings.add(keys.size() == 1
                ? "image " + keys.get(0) + " is refused, its entry is broken: " + reason
                : "images " + String.join(", ", keys) + " are refused, their entries are broken: " + reason));
        return warnings;
    }

    private static Map<String, List<String>> byReason(List<BrokenImage> broken) {
        Map<String, List<String>> keysByReason = new LinkedHashMap<>();
        broken.forEach(b -> keysByReason.computeIfAbsent(b.reason(), r -> new ArrayList<>()).add(b.key()));
        return keysByReason;
    }
}
