package org.odabuild.core.plan;

import java.util.List;

/**
 * How the images to build are split into CI jobs: the entries of {@code images-to-build}, a matrix of one job per
 * entry ({@code -Doda.images=<entry>}). Images that must be built in one run (one built on another) share an entry.
 */
@FunctionalInterface
public interface BuildJobs {

    /** One job per image. */
    BuildJobs ONE_PER_IMAGE = plan -> plan.toBuild().stream().map(p -> List.of(p.key())).toList();

    /** The keys of each job, every image to build in exactly one. */
    List<List<String>> of(Plan plan);
}
