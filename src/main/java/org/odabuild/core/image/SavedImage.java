package org.odabuild.core.image;

import java.util.List;

/**
 * One image as the daemon saved it, with its layers gzipped: everything a registry needs besides the manifest.
 *
 * @param id       the digest of {@code config}
 * @param daemonIds what the daemon may call the image: {@code id} (its classic image store), and the digest of the
 *                  image's manifest where its archive lists one (the containerd image store of Docker Desktop and
 *                  Docker 29 names images by their manifest)
 */
public record SavedImage(String id, List<String> daemonIds, Platform platform, Blob config, List<Blob> layers) {

    public SavedImage {
        daemonIds = List.copyOf(daemonIds);
        layers = List.copyOf(layers);
    }

    /** Whether this is the image the daemon calls {@code daemonId}. */
    public boolean isSavedAs(String daemonId) {
        return daemonIds.contains(daemonId);
    }
}
