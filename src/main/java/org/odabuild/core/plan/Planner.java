package org.odabuild.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.odabuild.core.BuildLog;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.git.BaseSelector;
import org.odabuild.core.git.BranchName;
import org.odabuild.core.git.ChangeSet;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.policy.BranchKind;
import org.odabuild.core.policy.Decision;
import org.odabuild.core.policy.TagPolicy;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolvedImage;

/** Builds the {@link Plan}: resolves images, reads git, applies change detection and the branch rules. */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(PlanRequest request, BuildLog log) {
        Resolution resolution = Resolution.of(request.resolve(), log);
        List<ResolvedImage> selected = select(resolution.images(), request.images());
        CiEnvironment ci = CiEnvironment.of(request.env());
        try (GitRepository repo = GitRepository.open(resolution.layout().root())) {
            HeadCommit head = repo.head();
            BranchName branch = BranchName.resolve(request.branch(), ci, head);
            BranchKind kind = request.branches().classify(branch.name());
            ChangeSet changes = new BaseSelector(repo, request.branches().releaseBranches())
                    .select(head.id(), kind, request.since(), ci);
            List<String> warnings = new ArrayList<>();
            changes.warning().ifPresent(warnings::add);

            // the plugin's own reports are not a change of the sources
            String ownOutput = resolution.layout().display(request.resolve().outputDir()) + "/";
            List<String> uncommitted = repo.uncommittedFiles().stream().filter(f -> !f.startsWith(ownOutput))
                    .toList();
            boolean includeUncommitted = request.includeUncommitted().orElse(!ci.isCi());
            if (!uncommitted.isEmpty()) {
                warnings.add("the working tree has " + uncommitted.size() + " uncommitted change(s)"
                        + (includeUncommitted ? ", counted as changes" : ", not counted (oda.includeUncommitted=false)")
                        + "; a release is never built from a dirty tree");
            }
            Set<String> changedFiles = new TreeSet<>(changes.files());
            if (includeUncommitted) {
                changedFiles.addAll(uncommitted);
            }

            TagPolicy policy = new TagPolicy(request.branches());
            List<String> tracked = repo.trackedFiles(head.id(), ".");
            List<PlannedImage> planned = new ArrayList<>();
            for (ResolvedImage image : selected) {
                List<String> files = new ArrayList<>(PathFilter.of(image.paths()).matching(changedFiles));
                if (changedFiles.contains(image.config().valuesYamlFile())
                        && valuesEntryChanged(repo, resolution, image, changes, head, includeUncommitted)) {
                    files.add(image.config().valuesYamlFile());
                }
                boolean changed = request.force() || !changes.known() || !files.isEmpty();
                Decision decision = policy.decide(branch.name(), image, changed);
                if (changed && files.isEmpty()) {
                    decision = new Decision(decision.action(), decision.reason()
                            + (request.force() ? " (oda.force)" : " (base unknown, counted as changed)"));
                }
                planned.add(new PlannedImage(image, changed, files, decision));
                warnings.addAll(CoverageLint.check(image.config(), tracked));
            }
            SkipTests skipTests = SkipTests.detect(repo, head, ci);
            return new Plan(branch, kind, head, changes, uncommitted, skipTests, planned, warnings, resolution);
        }
    }

    private static List<ResolvedImage> select(List<ResolvedImage> all, List<String> keys) {
        if (keys.isEmpty()) {
            return all;
        }
        Set<String> known = new LinkedHashSet<>(all.stream().map(ResolvedImage::key).toList());
        List<String> unknown = keys.stream().filter(k -> !known.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("oda.images names unknown image(s) " + unknown + ": known images are "
                    + known);
        }
        return all.stream().filter(i -> keys.contains(i.key())).toList();
    }

    private static boolean valuesEntryChanged(GitRepository repo, Resolution resolution, ResolvedImage image,
            ChangeSet changes, HeadCommit head, boolean includeUncommitted) {
        String file = image.config().valuesYamlFile();
        Optional<String> before = changes.baseCommit().flatMap(base -> repo.readFile(base, file));
        Optional<String> after;
        if (includeUncommitted) {
            try {
                after = Optional.of(Files.readString(resolution.layout().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            after = repo.readFile(head.id(), file);
        }
        return ValuesEntryChange.differs(image.config(), before, after);
    }
}
