package org.odabuild.core.check;

import java.util.ArrayList;
import java.util.List;
import org.odabuild.core.BuildLog;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.report.JsonReports;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.PrereleaseBases;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.ResolvedImage;

/**
 * oda-canvas' pull-request check "no prerelease suffixes": a branch can only be merged once every image points to
 * a release version, otherwise the release branch would deploy prerelease images.
 */
public final class NoPrereleaseCheck {

    public static final String REPORT = "check-no-prerelease.json";
    public static final String RULE = "check \"no prerelease suffixes\"";

    /**
     * An image that still carries a suffix, with the place to clear it: a values file, or a Dockerfile built FROM
     * the image's prerelease tag.
     *
     * @param file       the file to edit
     * @param valuesFile the same, when it is a values file; null for a Dockerfile
     */
    public record Violation(String key, String file, String valuesFile, int line, String prereleaseSuffix,
            String reference) {

        static Violation inValues(String key, String valuesFile, int line, String suffix, String reference) {
            return new Violation(key, valuesFile, valuesFile, line, suffix, reference);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + key + "=" + prereleaseSuffix + " (" + reference + ")";
        }
    }

    record Report(boolean passed, int imagesChecked, List<Violation> violations, List<BrokenImage> broken) {
    }

    private NoPrereleaseCheck() {
    }

    /**
     * @throws RuleViolationException listing every suffix, after the report is written
     */
    public static List<Violation> run(ResolveRequest request, BuildLog log) {
        JsonReports.delete(request.outputDir(), REPORT);
        Resolution resolution = Resolution.of(request, log);
        List<Violation> violations = new ArrayList<>(resolution.images().stream()
                .filter(i -> !i.isRelease())
                .map(NoPrereleaseCheck::violation)
                .toList());
        // a second copy of an image's reference in a values file (name:tag) that names a prerelease tag
        ImageCopies.all(resolution, request.fork()).stream().filter(ImageCopies.Copy::prerelease)
                .map(c -> Violation.inValues(c.image().key(), c.text().location().file(), c.text().location().line(),
                        c.tag().substring(c.tag().indexOf('-') + 1), c.text().text().strip()))
                .forEach(violations::add);
        // a Dockerfile of an image built FROM an image of the config by a prerelease tag
        PrereleaseBases.all(resolution, request.fork()).stream()
                .map(NoPrereleaseCheck::violation)
                .forEach(violations::add);
        JsonReports.write(request.outputDir(), REPORT,
                new Report(violations.isEmpty() && resolution.broken().isEmpty(), resolution.images().size(),
                        violations, resolution.broken()));
        if (!violations.isEmpty()) {
            List<String> lines = new ArrayList<>(violations.stream().map(Violation::toString).toList());
            lines.add("Remove these prereleaseSuffix values (leave them empty), and write the release tag where a"
                    + " values file or a Dockerfile's FROM names an image with its tag, before merging"
                    + " (oda:release-prep does both); a"
                    + " commit subject starting with '[skip tests]' skips the BDD tests that need the release images.");
            resolution.broken().forEach(b -> lines.add("not checked, its entry is broken: " + b.reason()));
            throw new RuleViolationException(RULE, lines);
        }
        resolution.requireAll();
        log.info("No prerelease suffixes: all " + resolution.images().size() + " images point to release versions.");
        return violations;
    }

    private static Violation violation(ResolvedImage i) {
        var at = i.suffixAt().orElse(i.versionAt());
        return Violation.inValues(i.key(), at.file(), at.line(), i.prereleaseSuffix().orElseThrow().text(),
                i.reference());
    }

    /** At the line to edit: the ARG whose default holds the tag, when the FROM names it through one. */
    private static Violation violation(PrereleaseBases.Base b) {
        var arg = b.written().filter(w -> w.line() != b.line());
        return new Violation(b.base().key(), b.dockerfile(), null, arg.map(PrereleaseBases.Written::line)
                .orElse(b.line()), b.suffix(), "FROM " + b.reference()
                        + arg.map(w -> " at line " + b.line() + ", through this ARG").orElse(""));
    }
}
