package org.odabuild.core.version;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;

/**
 * The {@code prereleaseSuffix} of a values file: a semver prerelease identifier list such as {@code issue123} or
 * {@code odaa-42.2}. An empty or null suffix means "release" and is represented by {@link Optional#empty()}.
 */
public record PrereleaseSuffix(String text) {

    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    public PrereleaseSuffix {
        Optional<String> problem = checkIdentifiers(SemVer.split(text));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Parses the raw value; null, empty or blank means "no suffix". */
    public static Optional<PrereleaseSuffix> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PrereleaseSuffix(raw));
    }

    public List<String> identifiers() {
        return SemVer.split(text);
    }

    static boolean isNumeric(String identifier) {
        return NUMERIC.matcher(identifier).matches();
    }

    /** Why these identifiers are not a legal semver prerelease, or empty when they are. */
    static Optional<String> checkIdentifiers(List<String> identifiers) {
        for (String id : identifiers) {
            if (id.isEmpty()) {
                return Optional.of(shown(identifiers) + " is not a semver prerelease: it has an empty part between"
                        + " dots");
            }
            if (!IDENTIFIER.matcher(id).matches()) {
                return Optional.of(shown(identifiers) + " is not a semver prerelease: use only letters, digits, '-'"
                        + " and '.' (no '_', spaces or other characters), e.g. '"
                        + suggest(String.join(".", identifiers)) + "'");
            }
            if (isNumeric(id) && id.length() > 1 && id.startsWith("0")) {
                return Optional.of(shown(identifiers) + " is not a semver prerelease: the numeric part '" + id
                        + "' must not have leading zeros");
            }
        }
        return Optional.empty();
    }

    /** Joined once, for the message: per identifier, a long suffix cost its length squared. */
    private static String shown(List<String> identifiers) {
        // a line break in it, shown as it is, would start a line of the CI log of its own (::error::...)
        return "'" + Excerpt.of(String.join(".", identifiers)) + "'";
    }

    private static String suggest(String text) {
        String s = withoutAccents(text.trim()).replaceAll("[^0-9A-Za-z.-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() || checkIdentifiers(SemVer.split(s)).isPresent() ? "issue-123" : s;
    }

    /**
     * The text with accents taken off its letters ({@code Änderung} → {@code Anderung}), so that a suffix made from
     * a name keeps the letters a semver identifier allows instead of turning them into '-'.
     */
    public static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    @Override
    public String toString() {
        return text;
    }
}
