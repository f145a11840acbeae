package org.odabuild.core.build;

import java.util.Optional;
import java.util.function.Supplier;
import org.odabuild.core.docker.DockerDaemon;

/**
 * The daemon, connected when the first image needs it (a run whose images are all up to date never connects), once
 * for all images however many build at the same time; a failed connection is the answer for every image.
 */
final class LazyDaemon implements AutoCloseable {

    private final Supplier<Optional<DockerDaemon>> connect;
    private Optional<DockerDaemon> daemon;
    private RuntimeException failure;

    LazyDaemon(Supplier<Optional<DockerDaemon>> connect) {
        this.connect = connect;
    }

    /** The daemon; empty for a local preview without one. */
    synchronized Optional<DockerDaemon> get() {
        if (failure != null) {
            throw failure;
        }
        if (daemon == null) {
            try {
                daemon = connect.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return daemon;
    }

    /** The daemon when an image has connected to it, else null (nothing built, nothing to push from it). */
    synchronized DockerDaemon connected() {
        return daemon == null ? null : daemon.orElse(null);
    }

    @Override
    public synchronized void close() {
        if (daemon != null) {
            daemon.ifPresent(DockerDaemon::close);
        }
    }
}
