package org.odabuild.core.build;

import java.util.List;

/**
 * One image of {@code build.json}.
 *
 * @param status     {@code built}, {@code pushed}, {@code up-to-date}, {@code already-published} (a release the
 *                   registry holds from this very commit), {@code failed} or {@code not-built}
 * @param tags       every {@code image:tag} made (the tag, and latest when the policy says so)
 * @param digest     the registry's {@code sha256:...} after a push, or of the existing tag when up to date
 * @param durationMs time spent building (and testing, and pushing)
 * @param error      why it failed or was not built, else null
 */
public record BuiltImage(String key, String image, String tag, String reference, boolean release, String status,
        List<String> tags, String sourceHash, String digest, long durationMs, String testReport, String error) {

    public static final String ALREADY_PUBLISHED = "already-published";

    public BuiltImage {
        tags = List.copyOf(tags);
    }

    BuiltImage alreadyPublished(String existingDigest) {
        return new BuiltImage(key, image, tag, reference, release, ALREADY_PUBLISHED, tags, sourceHash, existingDigest,
                durationMs, testReport, null);
    }

    BuiltImage pushed(String pushedDigest, long extraMs) {
        return new BuiltImage(key, image, tag, reference, release, "pushed", tags, sourceHash, pushedDigest,
                durationMs + extraMs, testReport, null);
    }
}
