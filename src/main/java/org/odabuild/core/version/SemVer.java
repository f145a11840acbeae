package org.odabuild.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;

/**
 * A Semantic Versioning 2.0.0 version with its full precedence rules
 * ({@code 0.6.2 < 0.6.3-issue-123 < 0.6.3}; numeric identifiers compare numerically, alphanumeric ones in ASCII
 * order, numeric before alphanumeric, a shorter identifier list first). Build metadata is dropped: it has no
 * precedence and Docker tags cannot carry '+'.
 */
public record SemVer(long major, long minor, long patch, List<String> prerelease) implements Comparable<SemVer> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final Pattern RELEASE = Pattern.compile("(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")");
    private static final Pattern FULL = Pattern.compile(RELEASE.pattern()
            + "(?:-([0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+))?(?:\\+[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+)?");

    public SemVer {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative");
        }
        prerelease = List.copyOf(prerelease);
        PrereleaseSuffix.checkIdentifiers(prerelease).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static SemVer release(long major, long minor, long patch) {
        return new SemVer(major, minor, patch, List.of());
    }

    /**
     * Parses the strict {@code MAJOR.MINOR.PATCH} form that values files hold in {@code version}.
     *
     * @throws IllegalArgumentException with a sentence that says what is wrong and what is expected
     */
    public static SemVer parseRelease(String text) {
        Matcher m = RELEASE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(notPlain(text).orElseGet(() -> explain(text)));
        }
        return release(number(m.group(1), text), number(m.group(2), text), number(m.group(3), text));
    }

    /** Parses any semver (e.g. a registry tag {@code 0.6.3-issue-123}). */
    public static SemVer parse(String text) {
        Matcher m = FULL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(explain(text));
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.", -1));
        return new SemVer(number(m.group(1), text), number(m.group(2), text), number(m.group(3), text), pre);
    }

    public static Optional<SemVer> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long number(String digits, String text) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' has a version number too large to"
                    + " compare (the largest is " + Long.MAX_VALUE + "): use a smaller number");
        }
    }

    /**
     * A full semver where only MAJOR.MINOR.PATCH belongs: {@code 0.6.3-issue123} written into {@code version}, as
     * the tag it makes, is the likely slip.
     */
    private static Optional<String> notPlain(String text) {
        Matcher full = FULL.matcher(text);
        if (!full.matches()) {
            return Optional.empty();
        }
        String release = full.group(1) + "." + full.group(2) + "." + full.group(3);
        String start = "'" + Excerpt.of(text) + "' is not a plain MAJOR.MINOR.PATCH: ";
        if (full.group(4) != null) {
            return Optional.of(start + "keep '" + release + "' in version and put '" + Excerpt.of(full.group(4))
                    + "' in prereleaseSuffix (the tag joins them with '-')");
        }
        return Optional.of(start + "build metadata ('" + Excerpt.of(text.substring(release.length())) + "') cannot"
                + " be part of a Docker tag: keep '" + release + "'");
    }

    private static String explain(String text) {
        String why;
        if (text.startsWith("v") || text.startsWith("V")) {
            why = "drop the leading 'v' (use '" + Excerpt.of(text.substring(1)) + "')";
        } else if (text.matches("\\d+(\\.\\d+)?")) {
            why = "it needs three numbers MAJOR.MINOR.PATCH, e.g. '" + (text.contains(".") ? text + ".0" : text + ".0.0") + "'";
        } else if (text.matches("[\\d.]+") && text.matches(".*(^|\\.)0\\d.*")) {
            why = "numbers must not have leading zeros";
        } else {
            why = "expected MAJOR.MINOR.PATCH, e.g. '1.2.3'";
        }
        return "'" + Excerpt.of(text) + "' is not a semantic version: " + why;
    }

    public boolean isRelease() {
        return prerelease.isEmpty();
    }

    /** This version without its prerelease part: the release it leads to. */
    public SemVer toRelease() {
        return release(major, minor, patch);
    }

    public SemVer withPrerelease(List<String> identifiers) {
        return new SemVer(major, minor, patch, identifiers);
    }

    /** @throws ArithmeticException when the number is the largest a version holds */
    public SemVer nextPatch() {
        return release(major, minor, Math.addExact(patch, 1));
    }

    /** @throws ArithmeticException when the number is the largest a version holds */
    public SemVer nextMinor() {
        return release(major, Math.addExact(minor, 1), 0);
    }

    /** @throws ArithmeticException when the number is the largest a version holds */
    public SemVer nextMajor() {
        return release(Math.addExact(major, 1), 0, 0);
    }

    @Override
    public int compareTo(SemVer other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
    }

    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            // a release has higher precedence than any of its prereleases
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String x, String y) {
        boolean xNum = PrereleaseSuffix.isNumeric(x);
        boolean yNum = PrereleaseSuffix.isNumeric(y);
        if (xNum && yNum) {
            // numeric identifiers may exceed long; compare by length first, then digits
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (xNum != yNum) {
            return xNum ? -1 : 1;
        }
        return x.compareTo(y);
    }

    @Override
    public String toString() {
        String core = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? core : core + "-" + String.join(".", prerelease);
    }

    static List<String> split(String dotted) {
        return new ArrayList<>(List.of(dotted.split("\\.", -1)));
    }
}
