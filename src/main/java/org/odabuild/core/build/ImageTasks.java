package org.odabuild.core.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.odabuild.core.BuildLog;
import org.odabuild.core.DaemonThreads;

/**
 * One task per image on up to {@code threads} threads ({@code -Doda.threads}): images are independent, so they build
 * and push side by side. Results keep the images' order. After the first failure no further task starts (those are
 * reported as skipped) and the running ones finish, so nothing is left half done. With several at once, each log
 * line names its image.
 */
final class ImageTasks {

    /** The results in the images' order, and the first failure, if any. */
    record Outcome<R>(List<R> results, Optional<RuntimeException> failure) {
    }

    private ImageTasks() {
    }

    /**
     * @param task    the work for one image, with the log to use for it
     * @param failed  the result of an image whose task threw
     * @param skipped the result of an image not started because another failed
     */
    static <I, R> Outcome<R> run(List<I> items, int threads, Function<I, String> key, BuildLog log,
            BiFunction<I, BuildLog, R> task, BiFunction<I, RuntimeException, R> failed, Function<I, R> skipped) {
        return inWaves(List.of(items), items, threads, key, log, task, failed, skipped);
    }

    /**
     * As {@link #run}, one wave after another: a wave starts when the one before it has ended without a failure
     * (images built on images of an earlier wave); after a failure the later waves are skipped.
     */
    static <I, R> Outcome<R> inWaves(List<List<I>> waves, List<I> items, int threads, Function<I, String> key,
            BuildLog log, BiFunction<I, BuildLog, R> task, BiFunction<I, RuntimeException, R> failed,
            Function<I, R> skipped) {
        boolean together = threads > 1 && items.size() > 1; // each line names its image in every wave alike
        Map<String, R> results = new HashMap<>();
        Optional<RuntimeException> failure = Optional.empty();
        for (List<I> wave : waves) {
            if (failure.isPresent()) {
                wave.forEach(i -> results.put(key.apply(i), skipped.apply(i)));
                continue;
            }
            Outcome<R> outcome = wave(wave, threads, together, key, log, task, failed, skipped);
            for (int i = 0; i < wave.size(); i++) {
                results.put(key.apply(wave.get(i)), outcome.results().get(i));
            }
            failure = outcome.failure();
        }
        return new Outcome<>(items.stream().map(i -> results.get(key.apply(i))).toList(), failure);
    }

    private static <I, R> Outcome<R> wave(List<I> items, int threads, boolean together, Function<I, String> key,
            BuildLog log, BiFunction<I, BuildLog, R> task, BiFunction<I, RuntimeException, R> failed,
            Function<I, R> skipped) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Function<I, R> one = item -> {
            if (failure.get() != null) {
                return skipped.apply(item);
            }
            try {
                return task.apply(item, together ? new ImageLog(log, key.apply(item)) : log);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                return failed.apply(item, e);
            }
        };
        if (threads <= 1 || items.size() <= 1) {
            return new Outcome<>(items.stream().map(one).toList(), Optional.ofNullable(failure.get()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()),
                new DaemonThreads("oda-image"));
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> one.apply(item))).toList();
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return new Outcome<>(results, Optional.ofNullable(failure.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building images", e);
        } catch (ExecutionException e) {
            // each task catches its own exceptions: only an Error gets here
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lines of one image among several at once: {@code [key] message}. */
    private record ImageLog(BuildLog log, String key) implements BuildLog {

        @Override
        public void debug(String message) {
            log.debug("[" + key + "] " + message);
        }

        @Override
        public void info(String message) {
            log.info("[" + key + "] " + message);
        }

        @Override
        public void warn(String message) {
            log.warn("[" + key + "] " + message);
        }

        @Override
        public void error(String message) {
            log.error("[" + key + "] " + message);
        }

        @Override
        public boolean isDebugEnabled() {
            return log.isDebugEnabled();
        }
    }
}
