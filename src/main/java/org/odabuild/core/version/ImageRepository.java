package org.odabuild.core.version;

import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.UrlLogin;

/**
 * Where a fork pushes: {@code -Doda.imageRepository=<registry>/<namespace>} (or a Docker Hub namespace alone, or a
 * registry alone such as {@code localhost:5000}) replaces everything before the last path component of each image
 * name, so {@code tmforumodacanvas/compcrdwebhook} becomes {@code ocfork/compcrdwebhook},
 * {@code ghcr.io/me/oda/compcrdwebhook} or {@code localhost:5000/compcrdwebhook}. values.yaml is not edited.
 *
 * @param prefix the registry and namespace, without a trailing '/'
 */
public record ImageRepository(String prefix) {

    public static ImageRepository parse(String text, String parameter) {
        String value = text.strip();
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        String problem = value.isEmpty() ? "it is empty"
                : value.contains("@sha256:") ? "it holds a digest"
                : UrlLogin.present(value) ? "it holds a login, which an image name never has: log in with docker"
                        + " login, -Ddocker.username and -Ddocker.password, or a <server> in settings.xml"
                : value.contains("@") ? "it holds a digest"
                : value.contains("://") ? "it is a URL; an image name has no scheme"
                : holdsTag(value) ? "it holds a tag"
                : null;
        if (problem == null) {
            try {
                new ImageName(value + "/x");
            } catch (IllegalArgumentException e) {
                problem = "it is not a registry and namespace";
            }
        }
        if (problem != null) {
            throw new InvalidInputException(parameter + " '" + Excerpt.of(UrlLogin.hidden(text.strip())) + "' cannot be used: " + problem
                    + ". Write <registry>/<namespace> or a Docker Hub namespace, e.g. 'ghcr.io/my-org' or 'myfork'"
                    + " (lowercase letters, digits, '.', '_', '-'; a port after the host is fine)");
        }
        return new ImageRepository(value);
    }

    /** A ':' in the last component is a tag, but for a registry alone with its port ({@code localhost:5000}). */
    private static boolean holdsTag(String value) {
        String last = value.substring(value.lastIndexOf('/') + 1);
        return last.contains(":") && (value.contains("/") || !last.substring(last.lastIndexOf(':') + 1)
                .matches("[0-9]{1,5}"));
    }

    /** The image under this repository: its last path component keeps its name. */
    public ImageName rename(ImageName image) {
        String name = image.name();
        return new ImageName(prefix + "/" + name.substring(name.lastIndexOf('/') + 1));
    }
}
