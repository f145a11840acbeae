package org.odabuild.core.build;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.odabuild.core.DaemonThreads;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.git.IndexedBlobs;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * Each image's build context and source hash, worked out on threads of their own from the moment the plan is known:
 * the registry check runs meanwhile, and a registry far away takes several round trips, which hide the hashing. An
 * image the registry already holds from this commit never asks for its hash; on a fresh clone that costs little, as
 * large contexts take git's blob ids from the index rather than reading the files.
 */
final class SourceHashes implements AutoCloseable {

    /** What an image is built from, and the hash of it. */
    record Hashed(BuildContext context, String hash) {
    }

    private final RepoLayout layout;
    private final Path reports;
    private final Map<String, String> buildArgs;
    private final ExecutorService pool;
    private final Map<String, Future<Hashed>> byKey = new LinkedHashMap<>();
    private IndexedBlobs indexed; // read when the first large context is hashed

    private SourceHashes(RepoLayout layout, Path reports, Map<String, String> buildArgs, int threads) {
        this.layout = layout;
        this.reports = reports;
        this.buildArgs = buildArgs;
        this.pool = Executors.newFixedThreadPool(threads, new DaemonThreads("oda-source-hash"));
    }

    /**
     * Starts hashing every image; at least one thread, so the hashing overlaps the registry check.
     *
     * @param reports the plugin's report folder, never part of a context
     */
    static SourceHashes start(RepoLayout layout, Path reports, List<PlannedImage> images,
            Map<String, String> buildArgs, int threads) {
        SourceHashes hashes = new SourceHashes(layout, reports, buildArgs,
                Math.max(1, Math.min(threads, images.size())));
        for (PlannedImage planned : images) {
            ResolvedImage image = planned.image();
            hashes.byKey.put(image.key(), hashes.pool.submit(() -> hashes.hash(image)));
        }
        return hashes;
    }

    private Hashed hash(ResolvedImage image) {
        return hash(layout, reports, image, buildArgs, this::indexed);
    }

    /** @param indexed git's index blob ids, read only for a large context */
    static Hashed hash(RepoLayout layout, Path reports, ResolvedImage image, Map<String, String> buildArgs,
            Supplier<IndexedBlobs> indexed) {
        BuildContext context = ImageBuilder.context(layout, reports, image);
        return new Hashed(context, SourceHash.of(context, ImageBuilder.testDockerfile(layout, image), buildArgs,
                SourceHash.cheaperThanTheIndex(context) ? IndexedBlobs.NONE : indexed.get()));
    }

    private synchronized IndexedBlobs indexed() {
        if (indexed == null) {
            indexed = IndexedBlobs.read(layout.root());
        }
        return indexed;
    }

    /** The image's context and hash, waiting for them; what went wrong on the way is thrown as it was. */
    Hashed of(String key) {
        Future<Hashed> hashed = byKey.get(key);
        if (hashed == null) {
            throw new IllegalArgumentException("no source hash was started for image " + key);
        }
        try {
            return hashed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the sources of image " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** Stops hashing nobody will ask for (the registry check failed, or another image did). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
