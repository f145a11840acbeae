package org.odabuild.core.build;

import java.util.List;

/**
 * One image of {@code build.json}.
 *
 * @param status     {@code built}, {@code pushed} or {@code up-to-date}
 * @param tags       every {@code image:tag} made (the tag, and latest when the policy says so)
 * @param digest     the registry's {@code sha256:...} after a push, or of the existing tag when up to date
 * @param durationMs time spent building (and testing, and pushing)
 */
public record BuiltImage(String key, String image, String tag, String reference, boolean release, String status,
        List<String> tags, String sourceHash, String digest, long durationMs, String testReport) {

    public BuiltImage {
        tags = List.copyOf(tags);
    }

    BuiltImage pushed(String pushedDigest, long extraMs) {
        return new BuiltImage(key, image, tag, reference, release, "pushed", tags, sourceHash, pushedDigest,
                durationMs + extraMs, testReport);
    }
}
