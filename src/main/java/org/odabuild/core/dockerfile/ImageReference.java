package org.odabuild.core.dockerfile;

/**
 * {@code name[:tag][@digest]} as a FROM line names an image, split as Docker splits it: a digest wins over a tag, and
 * no tag is {@code latest}.
 *
 * @param name      the repository, without tag or digest
 * @param reference the digest when there is one, else the tag
 */
public record ImageReference(String name, String reference) {

    public static ImageReference parse(String text) {
        String[] nameAndDigest = text.split("@", 2);
        String name = nameAndDigest[0];
        String tag = "latest";
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        return new ImageReference(name, nameAndDigest.length == 2 ? nameAndDigest[1] : tag);
    }
}
