package org.odabuild.core.image;

import java.util.List;

/**
 * One image as the daemon saved it, with its layers gzipped: everything a registry needs besides the manifest.
 *
 * @param id the daemon's image id, the digest of {@code config}
 */
public record SavedImage(String id, Platform platform, Blob config, List<Blob> layers) {

    public SavedImage {
        layers = List.copyOf(layers);
    }
}
