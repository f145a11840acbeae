package org.odabuild.core.registry;

import com.google.gson.JsonElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;
import org.odabuild.core.version.ImageName;

/** {@code /v2/<name>/tags/list}, page by page along the {@code Link} headers. */
final class TagListEndpoint {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryAuth auth;
    private final NotFound notFound;
    private final int maxPages;
    private final int pageSize;

    /** Far more than a repository holds: a million tags at Docker Hub's 100 a page. */
    static final int MAX_PAGES = 10_000;

    /** @param maxPages where a registry that names a new page with every answer is stopped */
    TagListEndpoint(RegistryAuth auth, NotFound notFound, int pageSize, int maxPages) {
        this.auth = auth;
        this.notFound = notFound;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /**
     * Every tag of the repository (following {@code Link} pages); empty when the registry answers that the repository
     * does not exist.
     */
    Optional<List<String>> all(ImageName image) {
        List<String> tags = new ArrayList<>();
        String path = "/v2/" + image.repository() + "/tags/list?n=" + pageSize;
        Set<String> asked = new HashSet<>();
        while (path != null) {
            if (asked.size() == maxPages) {
                // a registry that names a new page with every answer would keep the build asking forever too
                throw new RegistryException("registry " + image.registry() + " paged the tag list of " + image
                        + " past " + maxPages + " pages: the check fails closed");
            }
            if (!asked.add(path)) {
                // a registry whose pages lead back to one already read would keep the build asking forever
                throw new RegistryException("registry " + image.registry() + " paged the tag list of " + image
                        + " back to a page it had sent (" + Excerpt.of(path) + "): the check fails closed");
            }
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
            String current = path;
            path = r.header("Link").map(link -> nextPath(current, link, image)).orElse(null);
        }
        return Optional.of(tags);
    }

    /**
     * The path and query of the next page, resolved against the current one; a host it names is not followed: the
     * pages come from the registry itself.
     */
    private static String nextPath(String current, String linkHeader, ImageName image) {
        Matcher m = NEXT_LINK.matcher(linkHeader);
        if (!m.find()) {
            return null;
        }
        try {
            URI next = new URI(current).resolve(new URI(m.group(1)));
            if (next.getRawPath() == null || !next.getRawPath().startsWith("/v2/")) {
                throw new URISyntaxException(m.group(1), "not a path of the registry's API");
            }
            return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        } catch (URISyntaxException e) {
            throw new RegistryException("registry " + image.registry() + " named a next page of the tag list of "
                    + image + " that is not a page of its API: " + Excerpt.of(linkHeader) + "; the check fails closed");
        }
    }
}
