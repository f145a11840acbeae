package org.odabuild.core.build;

import java.nio.file.Path;
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
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * An image built on another image that this push changes too, when a selection ({@code -Doda.images}, one CI matrix
 * job per image) leaves that base to another run: the daemon takes whatever the registry holds under the base's tag,
 * which is the base of this push only once the other run has pushed it (a prerelease tag's previous push otherwise,
 * or nothing for a new release). Which one it gets would depend on which job is faster, so a run that pushes goes on
 * only when the registry holds the base built from the sources here, and says what to do otherwise.
 */
final class BasesOfOtherRuns {

    static final String FILE = "bases-of-other-runs.json";

    private BasesOfOtherRuns() {
    }

    /**
     * One image of this run on a base of another run, as {@link #FILE} says it.
     *
     * @param published the base the image is built on, {@code repository@digest}; null when the registry does not
     *                  hold it from the sources here
     * @param reason    why not; null when it does
     */
    record Finding(String image, String base, String at, String reference, String published, String reason) {
    }

    record Report(boolean passed, List<Finding> bases) {
    }

    /**
     * What the registry holds of a base: its image by digest when it is built from the sources here, else why not.
     *
     * @param published {@code repository@digest}
     */
    private record Held(Optional<String> published, String why) {

        static Held not(String why) {
            return new Held(Optional.empty(), why);
        }
    }

    /**
     * @param bases  the bases the selection leaves out, by key, with their source hashes at hand in {@code hashes}
     * @param pushes whether this run pushes: then a base the registry does not hold from these sources stops it
     * @param out    the report folder, for {@link #FILE}
     * @return the bases the registry holds from these sources, by key, as {@code repository@digest}: the images of
     *         this run are built on exactly these
     * @throws RuleViolationException naming each image and base, before anything is built
     */
    static Map<String, String> check(List<RunBases.BaseElsewhere> onOthers, Map<String, PlannedImage> bases,
            SourceHashes hashes, RegistryClient registry, boolean pushes, Path out, BuildLog log) {
        if (onOthers.isEmpty()) {
            return Map.of();
        }
        Map<String, Held> held = new LinkedHashMap<>();
        for (String key : onOthers.stream().map(RunBases.BaseElsewhere::base).distinct().toList()) {
            String hash;
            try {
                hash = hashes.of(key).hash();
            } catch (RuntimeException e) {
                // a base whose entry cannot be built here (its context is missing, say) fails its own run too
                held.put(key, Held.not("its sources could not be read here (" + e.getMessage() + ")"));
                continue;
            }
            try {
                held.put(key, held(bases.get(key).image(), hash, registry));
            } catch (RegistryException e) {
                if (pushes) {
                    throw e;
                }
                held.put(key, Held.not("its tag could not be asked of the registry (" + String.join("; ",
                        e.reasons()) + ")"));
            }
        }
        Map<String, String> published = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (RunBases.BaseElsewhere on : onOthers) {
            ResolvedImage base = bases.get(on.base()).image();
            Held answer = held.get(on.base());
            findings.add(new Finding(on.image(), on.base(), on.at(), base.reference(), answer.published()
                    .orElse(null), answer.published().isPresent() ? null : answer.why()));
            if (answer.published().isPresent()) {
                published.put(on.base(), answer.published().get());
                log.info(on.image() + " is built on " + base.reference() + " (" + on.at() + "), which this push"
                        + " changes and another run has pushed from the sources here: " + answer.published().get());
                continue;
            }
            problems.add(on.at() + ": image '" + on.image() + "' is built on '" + on.base() + "' (" + base.reference()
                    + "), which this push changes too but this run leaves out: " + answer.why() + ". Build them in"
                    + " one run (" + Setting.IMAGES.set(on.base() + "," + on.image()) + "; oda:plan's"
                    + " images-to-build joins them), or run this again once '" + on.base() + "' is pushed");
        }
        JsonReports.write(out, FILE, new Report(problems.isEmpty(), findings));
        if (problems.isEmpty()) {
            return published;
        }
        if (pushes) {
            throw new RuleViolationException("oda build (images on images of this push, before any build)", problems);
        }
        problems.forEach(p -> log.warn(p + " (a run that pushes stops here)"));
        return published;
    }

    private static Held held(ResolvedImage base, String hash, RegistryClient registry) {
        Optional<RegistryClient.Manifest> manifest = registry.manifest(base.image(), base.tag().toString());
        if (manifest.isEmpty()) {
            return Held.not("the registry has no " + base.reference() + " yet, so '" + base.key() + "' of this push"
                    + " is not there to be built on");
        }
        String digest = manifest.get().digest();
        if (hash.equals(registry.describe(base.image(), digest).labels().get(OdaLabels.SOURCE_HASH))) {
            return new Held(Optional.of(base.image().name() + "@" + digest), "");
        }
        return Held.not("the registry's " + base.reference() + " (" + digest + ") was built from other sources,"
                + " so the build would be on what the tag held before");
    }
}
