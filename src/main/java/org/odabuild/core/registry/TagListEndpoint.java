package org.odabuild.core.registry;

import com.google.gson.JsonElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.version.ImageName;

/** {@code /v2/<name>/tags/list}, page by page along the {@code Link} headers. */
final class TagListEndpoint {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryAuth auth;
    private final NotFound notFound;
    private final int pageSize;

    TagListEndpoint(RegistryAuth auth, NotFound notFound, int pageSize) {
        this.auth = auth;
        this.notFound = notFound;
        this.pageSize = pageSize;
    }

    /**
     * Every tag of the repository (following {@code Link} pages); empty when the registry answers that the repository
     * does not exist.
     */
    Optional<List<String>> all(ImageName image) {
        List<String> tags = new ArrayList<>();
        String path = "/v2/" + image.repository() + "/tags/list?n=" + pageSize;
        while (path != null) {
            RegistryResponse r = auth.send(image, "GET", path, "tags of " + image);
            if (r.statusCode() == 404 && notFound.absent(r, image, "tags of " + image)) {
                return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
            }
            RegistryResponses.expect200(r, image, "list tags of " + image);
            JsonElement list = RegistryResponses.json(r, image).get("tags");
            if (list != null && !list.isJsonNull()) {
                // an answer that is not a list of names is not "no tags": fail closed
                if (!list.isJsonArray() || !list.getAsJsonArray().asList().stream().allMatch(
                        t -> t.isJsonPrimitive() && t.getAsJsonPrimitive().isString())) {
                    throw new RegistryException("registry " + image.registry() + " answered the tag list of " + image
                            + " with something that is not a list of tag names: " + Excerpt.of(list.toString()));
                }
                list.getAsJsonArray().forEach(t -> tags.add(t.getAsString()));
            }
            path = r.header("Link").map(TagListEndpoint::nextPath).orElse(null);
        }
        return Optional.of(tags);
    }

    private static String nextPath(String linkHeader) {
        Matcher m = NEXT_LINK.matcher(linkHeader);
        if (!m.find()) {
            return null;
        }
        URI next = URI.create(m.group(1));
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }
}
