package org.odabuild.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.BrokenImages;
import org.odabuild.core.git.BranchName;
import org.odabuild.core.git.ChangeSet;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.policy.ImageAction;
import org.odabuild.core.resolve.Resolution;

/**
 * What a build of this commit on this branch will do, image by image, and why. Immutable; nothing is run.
 *
 * @param pullRequestHead the pull request's head when HEAD is the merge of it that CI builds ({@link BranchTip})
 */
public record Plan(
        BranchName branch,
        BranchKind branchKind,
        HeadCommit head,
        Optional<String> pullRequestHead,
        ChangeSet changes,
        List<String> uncommittedFiles,
        SkipTests skipTests,
        List<PlannedImage> images,
        List<String> warnings,
        List<String> lint,
        boolean lintRan,
        Resolution resolution,
        List<PlannedImage> unselected) {

    public Plan {
        uncommittedFiles = List.copyOf(uncommittedFiles);
        images = List.copyOf(images);
        unselected = List.copyOf(unselected);
        warnings = List.copyOf(warnings);
        lint = List.copyOf(lint);
    }

    public boolean dirty() {
        return !uncommittedFiles.isEmpty();
    }

    public List<PlannedImage> toBuild() {
        return images.stream().filter(i -> i.decision().action().builds()).toList();
    }

    /**
     * The images a selection ({@code -Doda.images}) leaves out that a run of every image would build for this push:
     * another CI job's, which an image of this run may be built on.
     */
    public List<PlannedImage> builtElsewhere() {
        return unselected.stream().filter(i -> i.decision().action().builds()).toList();
    }

    /** Images whose config or values entry is wrong: refused on their own, the goal fails after the others. */
    public List<BrokenImage> broken() {
        return resolution.broken();
    }

    /** This plan with more images refused as broken: they leave the images to build, each with its warning. */
    public Plan withBroken(List<BrokenImage> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> keys = more.stream().map(BrokenImage::key).collect(Collectors.toSet());
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(BrokenImages.warnings(more));
        return new Plan(branch, branchKind, head, pullRequestHead, changes, uncommittedFiles, skipTests, images.stream()
                .filter(i -> !keys.contains(i.key())).toList(), allWarnings, lint, lintRan,
                resolution.withBroken(more), unselected);
    }

    public List<PlannedImage> refused() {
        return images.stream().filter(i -> i.decision().action() == ImageAction.REFUSE).toList();
    }
}
