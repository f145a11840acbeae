package org.odabuild.core.version;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.odabuild.core.Excerpt;

/**
 * A Docker repository name without tag or digest, as the values file's {@code image} holds it, e.g.
 * {@code tmforumodacanvas/compcrdwebhook} or {@code localhost:5000/demo/hello}.
 */
public record ImageName(String name) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
    private static final Pattern NAME = Pattern.compile("(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final int MAX_LENGTH = 255;
    /** The names Docker gives Docker Hub. */
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    public ImageName {
        if (name.contains("@")) {
            throw new IllegalArgumentException("image '" + Excerpt.of(name) + "' must not contain a digest: keep only"
                    + " the name");
        }
        int slash = name.lastIndexOf('/');
        if (name.indexOf(':', slash + 1) >= 0) {
            throw new IllegalArgumentException("image '" + Excerpt.of(name) + "' must not contain a tag: keep the name"
                    + " in image"
                    + " and the version in version");
        }
        int first = name.indexOf('/');
        boolean upperCasePath = first > 0 && !isDomain(name.substring(0, first))
                && !name.substring(0, first).equals(name.substring(0, first).toLowerCase(Locale.ROOT));
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches() || upperCasePath) {
            throw new IllegalArgumentException("image '" + Excerpt.of(name) + "' is not a valid Docker repository"
                    + " name:"
                    + " use lowercase letters, digits and separators '.', '_', '-', '/', e.g. 'myorg/my-operator'");
        }
    }

    /** The registry host this name points to, {@code docker.io} when it names none. */
    public String registry() {
        int slash = name.indexOf('/');
        if (slash > 0 && isDomain(name.substring(0, slash))) {
            return name.substring(0, slash);
        }
        return "docker.io";
    }

    /** As Docker splits a name: the first component is a registry only with a '.', a port, or as localhost. */
    private static boolean isDomain(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    /** The repository path inside its registry; Docker Hub puts single names under {@code library/}. */
    public String repository() {
        String registry = registry();
        String path = name.startsWith(registry + "/") ? name.substring(registry.length() + 1) : name;
        return registry.equals("docker.io") && !path.contains("/") ? "library/" + path : path;
    }

    /**
     * The repository as Docker resolves the name, for telling whether two names are one: the registry host in lower
     * case (host names have no case), Docker Hub's other names as {@code docker.io}, its official images under
     * {@code library/}. {@code index.docker.io/x/y} and {@code x/y} are one repository.
     */
    public String canonical() {
        String host = registry().toLowerCase(Locale.ROOT);
        if (!DOCKER_HUB.contains(host)) {
            return host + "/" + repository();
        }
        String path = repository();
        return "docker.io/" + (path.contains("/") ? path : "library/" + path);
    }

    public String withTag(ImageTag tag) {
        return name + ":" + tag;
    }

    @Override
    public String toString() {
        return name;
    }
}
