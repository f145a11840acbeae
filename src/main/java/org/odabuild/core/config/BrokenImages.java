package org.odabuild.core.config;

import java.util.List;
import org.odabuild.core.InvalidInputException;

/** The one wording for "these images are broken", so every goal lists them the same way. */
public final class BrokenImages {

    private BrokenImages() {
    }

    public static InvalidInputException error(List<BrokenImage> broken) {
        if (broken.size() == 1) {
            return new InvalidInputException(broken.get(0).reason());
        }
        return new InvalidInputException(broken.size() + " image entries are broken:" + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", broken.stream().map(BrokenImage::reason).toList()));
    }
}
