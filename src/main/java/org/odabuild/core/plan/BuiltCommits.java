package org.odabuild.core.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.ci.CiEnvironment;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.git.ChangeSet;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesData;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;

/**
 * The commits being built now, for an image without a suffix on a prerelease branch. Such a release version is
 * refused only when its sources changed in these commits, not in earlier pushes of the branch: after the suffix
 * is cleared before the merge (the how-to's step 5) the branch builds nothing and stays green, while code changed
 * without a suffix is still refused.
 * <ul>
 * <li>{@code -Doda.since}: the commits after it;</li>
 * <li>on CI, a push: the pushed commits (the event's {@code before}..HEAD);</li>
 * <li>otherwise: the commits after the last one on the branch's first-parent line whose values entry had a suffix,
 * or every commit since the merge-base when it never had one on this branch. In a pull request's build that line
 * starts at the pull request's head ({@link BranchTip}): the merge commit CI builds has the target's line.</li>
 * </ul>
 * A change of the image's own values entry (clearing the suffix, bumping the version) is not a source change, even
 * when its values file lies under its {@code paths}; nor is a change that only came in with main merged into the
 * branch.
 */
final class BuiltCommits {

    /**
     * @param known   false when the base of the window is not in this clone
     * @param reason  which commits these are, for the plan's reason
     * @param sources the image's source files changed in them
     */
    record Window(boolean known, String reason, List<String> sources) {
    }

    private final GitRepository repo;
    private final String head;
    private final ChangeSet sinceMergeBase;
    private final Optional<String> fixedBase;
    private final String fixedReason;
    private final Set<String> uncommitted;
    private final Function<String, Optional<String>> currentText;
    private final ConfigHistory history;
    private final Map<String, Optional<ValuesDocument>> parsed = new HashMap<>();
    private final Map<String, Set<String>> filesSince = new HashMap<>();

    /**
     * @param head        the branch's last commit ({@link BranchTip})
     * @param uncommitted the work-tree changes the plan counts (empty when it does not)
     * @param currentText a values file's text as the plan reads it now (work tree or the branch's last commit)
     * @param history     where each commit's config put an image's values entry
     */
    BuiltCommits(GitRepository repo, String head, ChangeSet sinceMergeBase, Optional<String> since, CiEnvironment ci,
            Set<String> uncommitted, Function<String, Optional<String>> currentText, ConfigHistory history) {
        this.repo = repo;
        this.head = head;
        this.sinceMergeBase = sinceMergeBase;
        this.uncommitted = Set.copyOf(uncommitted);
        this.currentText = currentText;
        this.history = history;
        Optional<String> before = ci.isCi() ? ci.pushBefore().filter(repo::hasCommit) : Optional.empty();
        if (since.isPresent()) {
            this.fixedBase = sinceMergeBase.baseCommit();
            this.fixedReason = "the commits after " + Setting.SINCE + " " + since.get();
        } else if (before.isPresent()) {
            this.fixedBase = before;
            this.fixedReason = "the pushed commits " + before.get().substring(0, 7) + ".." + head.substring(0, 7);
        } else {
            this.fixedBase = Optional.empty();
            this.fixedReason = null;
        }
    }

    Window window(ResolvedImage image) {
        if (fixedBase.isPresent()) {
            return window(image, fixedBase.get(), fixedReason);
        }
        Optional<String> lastWithSuffix = lastCommitWithSuffix(image.config());
        if (lastWithSuffix.isPresent()) {
            return window(image, lastWithSuffix.get(), "the commits after " + lastWithSuffix.get().substring(0, 7)
                    + ", the last one with a prereleaseSuffix");
        }
        if (!sinceMergeBase.known()) {
            return new Window(false, "the commits since an unknown base", List.of());
        }
        return sinceMergeBase.baseCommit()
                .map(base -> window(image, base, "the commits since the " + sinceMergeBase.baseReason()
                        + " (it never had a prereleaseSuffix on this branch)"))
                .orElseGet(() -> window(image, null, "every commit (HEAD is the first)"));
    }

    private Window window(ResolvedImage image, String base, String reason) {
        Set<String> files = new TreeSet<>(filesSince.computeIfAbsent(String.valueOf(base),
                b -> repo.changedFiles(base, head)));
        if (sinceMergeBase.known()) {
            // only what the branch itself changes: main merged into the branch brings others' changes along
            files.retainAll(sinceMergeBase.files());
        }
        files.addAll(uncommitted);
        String valuesFile = image.config().valuesYamlFile();
        List<String> sources = PathFilter.of(image.paths()).matching(files).stream()
                .filter(f -> !f.equals(valuesFile) || !onlyEntryChanged(image, base))
                .toList();
        return new Window(true, reason, sources);
    }

    /**
     * Whether the values file differs between base and now in nothing but this image's own entry, read where each
     * one's config put it (a commit may move the entry's keys with the config).
     */
    private boolean onlyEntryChanged(ResolvedImage image, String base) {
        ImageConfig now = image.config();
        ImageConfig then = base == null ? now : history.at(base, now).orElse(now);
        Optional<String> before = base == null ? Optional.empty() : repo.readFileThroughLinks(base,
                then.valuesYamlFile());
        Optional<String> current = currentText.apply(now.valuesYamlFile());
        return before.isPresent() && current.isPresent() && ValuesData.sameExcept(before.get(), entry(then),
                current.get(), entry(now));
    }

    private static List<YqPath> entry(ImageConfig c) {
        return Stream.concat(Stream.of(c.valuesPathImage(), c.valuesPathVersion()),
                c.valuesPathPrereleaseSuffix().stream()).toList();
    }

    /**
     * The newest commit of the branch's first-parent line, after the merge-base, whose values entry has a suffix,
     * read where that commit's config put the entry: a commit of the branch may move it with the config.
     */
    private Optional<String> lastCommitWithSuffix(ImageConfig now) {
        for (String commit : repo.firstParentLine(head, sinceMergeBase.baseCommit())) {
            ImageConfig then = history.at(commit, now).orElse(now);
            String valuesFile = then.valuesYamlFile();
            Optional<ValuesDocument> doc = repo.blobIdThroughLinks(commit, valuesFile)
                    .flatMap(blob -> parsed.computeIfAbsent(blob, b -> parse(b, valuesFile)));
            boolean hasSuffix = then.valuesPathPrereleaseSuffix().flatMap(suffix -> doc.flatMap(d -> d.find(suffix)))
                    .map(ScalarValue::textOrNull).filter(t -> !t.isBlank()).isPresent();
            if (hasSuffix) {
                return Optional.of(commit);
            }
        }
        return Optional.empty();
    }

    private Optional<ValuesDocument> parse(String blob, String valuesFile) {
        try {
            return Optional.of(ValuesDocument.parse(repo.readBlob(blob), valuesFile));
        } catch (InvalidInputException e) {
            return Optional.empty(); // an old broken text had no usable suffix
        }
    }
}
