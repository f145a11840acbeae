package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.odabuild.testing.RecordingLog;

/** Images side by side: order kept, lines named, the first failure stops what has not started. */
class ImageTasksTest {

    final RecordingLog log = new RecordingLog();

    @Test
    void imagesRunTogetherAndTheResultsKeepTheirOrder() {
        // each task waits until all four run: passes only when they really run at the same time
        CountDownLatch all = new CountDownLatch(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ImageTasks.Outcome<String> outcome = ImageTasks.run(List.of("a", "b", "c", "d"), 4, k -> k, log,
                (k, l) -> {
                    threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
                    l.info("building");
                    all.countDown();
                    await(all);
                    return k.toUpperCase();
                }, (k, e) -> "failed " + k, k -> "skipped " + k);
        assertThat(outcome.results()).containsExactly("A", "B", "C", "D");
        assertThat(outcome.failure()).isEmpty();
        assertThat(threads).hasSize(4);
        assertThat(log.infos).containsExactlyInAnyOrder("[a] building", "[b] building", "[c] building",
                "[d] building");
    }

    @Test
    void oneThreadIsOneAfterTheOtherWithPlainLinesAndStopsAtTheFirstFailure() {
        IllegalStateException boom = new IllegalStateException("b broke");
        ImageTasks.Outcome<String> outcome = ImageTasks.run(List.of("a", "b", "c"), 1, k -> k, log, (k, l) -> {
            l.info("building " + k);
            if (k.equals("b")) {
                throw boom;
            }
            return k;
        }, (k, e) -> "failed " + k + ": " + e.getMessage(), k -> "skipped " + k);
        assertThat(outcome.results()).containsExactly("a", "failed b: b broke", "skipped c");
        assertThat(outcome.failure()).containsSame(boom);
        assertThat(log.infos).containsExactly("building a", "building b");
    }

    @Test
    void afterAFailureNoFurtherImageStartsAndTheRunningOnesFinish() {
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        ImageTasks.Outcome<String> outcome = ImageTasks.run(List.of("slow", "bad", "later1", "later2"), 2, k -> k,
                log, (k, l) -> {
                    if (k.equals("bad")) {
                        // fails only once "slow" runs: otherwise "slow" would rightly not start at all
                        await(slowStarted);
                        throw new IllegalArgumentException("bad Dockerfile");
                    }
                    if (k.equals("slow")) {
                        slowStarted.countDown();
                        await(failed); // still running when the other fails: it finishes
                        return "built slow";
                    }
                    return "built " + k;
                }, (k, e) -> {
                    failed.countDown(); // the failure is recorded by now
                    return "failed " + k;
                }, k -> "skipped " + k);
        assertThat(outcome.results()).containsExactly("built slow", "failed bad", "skipped later1", "skipped later2");
        assertThat(outcome.failure()).get().extracting(Throwable::getMessage).isEqualTo("bad Dockerfile");
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the others started").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
