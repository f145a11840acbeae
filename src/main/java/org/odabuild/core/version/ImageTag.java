package org.odabuild.core.version;

import java.util.Optional;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;

/**
 * A Docker tag built from a values file: {@code version} or {@code version-prereleaseSuffix}, never with a
 * dangling '-'.
 */
public record ImageTag(SemVer version, Optional<PrereleaseSuffix> suffix) {

    /** Docker's limit for a tag. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern DOCKER_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageTag {
        if (!version.isRelease()) {
            throw new IllegalArgumentException("version '" + Excerpt.of(String.valueOf(version))
                    + "' must not carry a prerelease;"
                    + " put it in prereleaseSuffix");
        }
        String text = render(version, suffix);
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("tag '" + Excerpt.of(text) + "' is " + text.length()
                    + " characters long; Docker allows at most " + MAX_LENGTH + ": shorten the prereleaseSuffix");
        }
        if (!DOCKER_TAG.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + Excerpt.of(text) + "' is not a valid Docker tag");
        }
    }

    private static String render(SemVer version, Optional<PrereleaseSuffix> suffix) {
        return suffix.map(s -> version + "-" + s.text()).orElse(version.toString());
    }

    public boolean isRelease() {
        return suffix.isEmpty();
    }

    /**
     * Whether a tag as another file writes it ({@code name:1.30.6-issue9} in a values text, a Dockerfile's FROM) is
     * a prerelease tag, version-suffix, which a release must not deploy or stand on.
     */
    public static boolean namesPrerelease(String tag) {
        return tag.matches("\\d+\\.\\d+\\.\\d+-.+");
    }

    /** Whether {@code text} is a tag Docker takes ({@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}). */
    public static boolean isDockerTag(String text) {
        return DOCKER_TAG.matcher(text).matches();
    }

    /** The full semver this tag stands for, for precedence checks. */
    public SemVer asSemVer() {
        return suffix.map(s -> version.withPrerelease(s.identifiers())).orElse(version);
    }

    @Override
    public String toString() {
        return render(version, suffix);
    }
}
