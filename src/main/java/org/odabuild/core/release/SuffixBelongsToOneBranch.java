package org.odabuild.core.release;

import java.util.Optional;
import org.odabuild.core.Excerpt;
import org.odabuild.core.Setting;
import org.odabuild.core.docker.OdaLabels;

/**
 * A prerelease tag is overwritten on every change, but only by the branch that owns it (its
 * {@code org.odabuild.branch} label): two branches with the same suffix would overwrite each other's image.
 */
final class SuffixBelongsToOneBranch implements ImmutabilityRule {

    @Override
    public Optional<String> check(RegistryFacts f, String branch) {
        var image = f.image().image();
        if (image.isRelease() || f.tag().isEmpty()) {
            return Optional.empty();
        }
        String suffix = image.prereleaseSuffix().orElseThrow().text();
        if (f.owner().isEmpty()) {
            return Optional.of("suffix " + suffix + " is already used by an image without an " + OdaLabels.BRANCH
                    + " label (" + image.reference() + "): choose another prereleaseSuffix at "
                    + image.suffixAt().map(Object::toString).orElse("its values file")
                    + ", or take it over with " + Setting.ALLOW_SUFFIX_TAKEOVER.set("true"));
        }
        if (f.owner().get().equals(branch)) {
            return Optional.empty();
        }
        // the label is the registry's text: a line break in it must not forge a line of the CI log
        // a renamed branch keeps the suffix of its old name, which the old name's pushes labelled
        return Optional.of("suffix " + suffix + " is already used by branch " + Excerpt.of(f.owner().get()) + " ("
                + image.reference() + "): choose another prereleaseSuffix at "
                + image.suffixAt().map(Object::toString).orElse("its values file")
                + " (oda:prerelease on this branch sets one from its name), or take it over with "
                + Setting.ALLOW_SUFFIX_TAKEOVER.set("true"));
    }
}
