package org.odabuild.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.plan.Plan;
import org.odabuild.core.plan.PlanRequest;
import org.odabuild.core.plan.Planner;
import org.odabuild.core.policy.BranchPolicy;
import org.odabuild.core.resolve.ResolveRequest;

/**
 * Benchmark entry points for bench/run.sh (not a test): times {@code Planner.plan} on a repository made by the
 * script, and streams a build context to a tar under a small heap.
 */
public final class PlanBench {

    private PlanBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "plan" -> plan(Path.of(args[1]), Integer.parseInt(args[2]));
            case "tar" -> tar(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void plan(Path repo, int runs) {
        PlanRequest request = new PlanRequest(new ResolveRequest(repo, Optional.empty(), Optional.empty(),
                repo.resolve("target/oda")), Optional.empty(), BranchPolicy.defaults(), Optional.empty(),
                Optional.of(false), List.of(), false, Map.of());
        Plan plan = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plan = Planner.plan(request, BuildLog.silent());
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("plan_ms=%d images=%d to_build=%d%n", best / 1_000_000, plan.images().size(),
                plan.toBuild().size());
    }

    private static void tar(Path context, Path out) throws Exception {
        long start = System.nanoTime();
        BuildContext.of(context, context.resolve("Dockerfile")).writeTar(out);
        System.out.printf("tar_ms=%d bytes=%d heap_max_mb=%d%n", (System.nanoTime() - start) / 1_000_000,
                Files.size(out), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
