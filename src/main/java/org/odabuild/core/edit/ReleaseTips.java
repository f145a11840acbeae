package org.odabuild.core.edit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.odabuild.core.git.BaseSelector;
import org.odabuild.core.git.GitRepository;
import org.odabuild.core.version.SemVer;

/**
 * The release branches' last commits here, by ref ({@code origin/master} before {@code master}, each commit once).
 * A branch is compared with its merge-base, but versions released since it left the release branch are the ones a new
 * version must be above: two branches that both went from 1.0.2 to 1.0.3 cannot both release 1.0.3, and the second
 * one's {@code 1.0.3-b} sorts below the first one's release.
 */
final class ReleaseTips {

    /** A version a release branch holds now, and the ref it is on. */
    record OnTip(String ref, SemVer version) {
    }

    private final Map<String, String> tips;

    private ReleaseTips(Map<String, String> tips) {
        this.tips = tips;
    }

    static ReleaseTips of(GitRepository repo, List<String> releaseBranches) {
        Map<String, String> tips = new LinkedHashMap<>();
        for (String ref : BaseSelector.releaseRefs(releaseBranches)) {
            repo.resolveCommit(ref).filter(commit -> !tips.containsValue(commit)).ifPresent(c -> tips.put(ref, c));
        }
        return new ReleaseTips(tips);
    }

    /** The highest release version that {@code versionAt} reads at a tip (given the tip's commit). */
    Optional<OnTip> newest(Function<String, Optional<SemVer>> versionAt) {
        return tips.entrySet().stream().flatMap(tip -> versionAt.apply(tip.getValue()).filter(SemVer::isRelease)
                .map(v -> new OnTip(tip.getKey(), v)).stream()).max(Comparator.comparing(OnTip::version));
    }
}
