package org.odabuild.core.resolve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.odabuild.core.NearestName;
import org.odabuild.core.config.ImageConfig;

/**
 * For a name {@code oda.images} does not know, the image key clearly meant: one whose key, displayName or fileName
 * it is but for case (oda-canvas names its workflows and images by the latter two), else the one key that contains
 * it (oda-canvas' how-to still says {@code secretsmanagement-operator} for {@code secretsmanagement-operator-vault}),
 * else the one key a typing slip away from it (two letters at most).
 */
final class ImageKeyHint {

    private ImageKeyHint() {
    }

    /** e.g. {@code 'secretsmanagement-operator': did you mean 'secretsmanagement-operator-vault'?} */
    static Optional<String> of(String name, List<ImageConfig> images, Set<String> keys) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<String> sameName = images.stream().filter(i -> wanted.equals(lower(i.key()))
                || wanted.equals(lower(i.displayName())) || wanted.equals(lower(i.fileName()))).map(ImageConfig::key)
                .distinct().toList();
        List<String> containing = keys.stream().filter(k -> lower(k).contains(wanted)).toList();
        List<String> meant = sameName.isEmpty() ? containing : sameName;
        Optional<String> key = meant.size() == 1 ? Optional.of(meant.get(0))
                : meant.isEmpty() ? NearestName.closest(wanted, keys) : Optional.empty();
        return key.map(k -> "'" + name + "': did you mean '" + k + "'?");
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
