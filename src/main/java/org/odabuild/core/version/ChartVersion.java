package org.odabuild.core.version;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Helm chart's version as Helm reads it (Masterminds semver's {@code NewVersion}): a leading {@code v}, a missing
 * minor or patch (read as 0) and leading zeros are taken, so {@code v1.2} is 1.2.0. Image versions stay strict; a
 * chart version is compared as Helm would order the packages.
 */
public final class ChartVersion {

    /** Possessive: Java's regex recurses once per repeated group, and a long text overflowed the stack. */
    private static final String IDENTIFIERS = "[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+";
    private static final Pattern LOOSE = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-(" + IDENTIFIERS
            + "))?(?:\\+" + IDENTIFIERS + ")?");

    private ChartVersion() {
    }

    /** The version Helm reads in {@code text}; empty when Helm could not read it either. */
    public static Optional<SemVer> read(String text) {
        Matcher m = LOOSE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            List<String> pre = m.group(4) == null ? List.of() : SemVer.split(m.group(4));
            return Optional.of(new SemVer(number(m.group(1)), number(m.group(2)), number(m.group(3)), pre));
        } catch (IllegalArgumentException tooLargeOrBadIdentifier) {
            return Optional.empty();
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
