package org.odabuild.core.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;
import org.odabuild.core.docker.OdaLabels;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.registry.RegistryClient;
import org.odabuild.core.registry.RegistryException;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * An image built on another image that this push changes too, when a selection ({@code -Doda.images}, one CI matrix
 * job per image) leaves that base to another run: the daemon takes whatever the registry holds under the base's tag,
 * which is the base of this push only once the other run has pushed it (a prerelease tag's previous push otherwise,
 * or nothing for a new release). Which one it gets would depend on which job is faster, so a run that pushes goes on
 * only when the registry holds the base built from the sources here, and says what to do otherwise.
 */
final class BasesOfOtherRuns {

    private BasesOfOtherRuns() {
    }

    /**
     * @param bases  the bases the selection leaves out, by key, with their source hashes at hand in {@code hashes}
     * @param pushes whether this run pushes: then a base the registry does not hold from these sources stops it
     * @throws RuleViolationException naming each image and base, before anything is built
     */
    static void check(List<RunBases.BaseElsewhere> onOthers, Map<String, PlannedImage> bases, SourceHashes hashes,
            RegistryClient registry, boolean pushes, BuildLog log) {
        if (onOthers.isEmpty()) {
            return;
        }
        Map<String, Optional<String>> unready = new LinkedHashMap<>(); // base key -> what the registry holds instead
        for (String key : onOthers.stream().map(RunBases.BaseElsewhere::base).distinct().toList()) {
            String hash;
            try {
                hash = hashes.of(key).hash();
            } catch (RuntimeException e) {
                // a base whose entry cannot be built here (its context is missing, say) fails its own run too
                unready.put(key, Optional.of("its sources could not be read here (" + e.getMessage() + ")"));
                continue;
            }
            try {
                unready.put(key, notFromTheseSources(bases.get(key).image(), hash, registry));
            } catch (RegistryException e) {
                if (pushes) {
                    throw e;
                }
                unready.put(key, Optional.of("its tag could not be asked of the registry (" + String.join("; ",
                        e.reasons()) + ")"));
            }
        }
        List<String> problems = new ArrayList<>();
        for (RunBases.BaseElsewhere on : onOthers) {
            ResolvedImage base = bases.get(on.base()).image();
            Optional<String> why = unready.get(on.base());
            if (why.isEmpty()) {
                log.info(on.image() + " is built on " + base.reference() + " (" + on.at() + "), which this push"
                        + " changes and another run has pushed from the sources here");
                continue;
            }
            problems.add(on.at() + ": image '" + on.image() + "' is built on '" + on.base() + "' (" + base.reference()
                    + "), which this push changes too but this run leaves out: " + why.get() + ", so '"
                    + on.image() + "' would be built on what the tag held before. Build them in one run ("
                    + Setting.IMAGES.set(on.base() + "," + on.image()) + "; oda:plan's images-to-build joins them),"
                    + " or run this again once '" + on.base() + "' is pushed");
        }
        if (problems.isEmpty()) {
            return;
        }
        if (pushes) {
            throw new RuleViolationException("oda build (images on images of this push, before any build)", problems);
        }
        problems.forEach(p -> log.warn(p + " (a run that pushes stops here)"));
    }

    /** Empty when the registry holds the base's tag built from these sources; else what it holds. */
    private static Optional<String> notFromTheseSources(ResolvedImage base, String hash, RegistryClient registry) {
        Optional<RegistryClient.Manifest> manifest = registry.manifest(base.image(), base.tag().toString());
        if (manifest.isEmpty()) {
            return Optional.of("the registry has no " + base.reference() + " yet");
        }
        Map<String, String> labels = registry.describe(base.image(), manifest.get().digest()).labels();
        if (hash.equals(labels.get(OdaLabels.SOURCE_HASH))) {
            return Optional.empty();
        }
        return Optional.of("the registry's " + base.reference() + " (" + manifest.get().digest() + ") was built from"
                + " other sources");
    }
}
