package org.odabuild.core.build;

import java.time.Duration;
import org.odabuild.core.docker.DockerDaemon;

/** A real daemon with hooks: tests override the call they need to interleave with. */
class DelegatingDaemon implements DockerDaemon {

    private final DockerDaemon real;

    DelegatingDaemon(DockerDaemon real) {
        this.real = real;
    }

    @Override
    public String nativePlatform() {
        return real.nativePlatform();
    }

    @Override
    public boolean containerdImageStore() {
        return real.containerdImageStore();
    }

    @Override
    public LocalImage build(Build build) {
        return real.build(build);
    }

    @Override
    public LocalImage inspect(String reference) {
        return real.inspect(reference);
    }

    @Override
    public void tag(String source, String target) {
        real.tag(source, target);
    }

    @Override
    public <T> T save(String imageId, ArchiveReader<T> reader) {
        return real.save(imageId, reader);
    }

    @Override
    public RunResult run(String reference, Duration timeout) {
        return real.run(reference, timeout);
    }

    @Override
    public void close() {
        real.close();
    }
}
