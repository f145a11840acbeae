package org.odabuild.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.core.version.ImageTag;

/**
 * A values file that names an image of the config a second time, as one {@code name:tag} text (oda-canvas'
 * {@code global.hookImages.kubectlCurl: tmforumodacanvas/baseimage-kubectl-curl:1.30.5} beside the image's own
 * {@code version} in {@code baseimages/kubectl-curl/version.yaml}): when the two tags part, the chart deploys
 * another image than the one built here. The plan says so with both places, {@code check-no-prerelease} fails on
 * a copy with a prerelease tag and {@code release-prep} writes the release there; {@code latest} and references by
 * digest are meant to be what they are.
 */
public final class ImageCopies {

    /** name:tag, the tag as Docker allows it; no digest. */
    private static final Pattern REFERENCE = Pattern.compile("([^\\s@]+):([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})");

    /**
     * One such copy: where it stands and the image it names.
     *
     * @param name the image's name as the copy writes it
     */
    public record Copy(ValuesDocument.Text text, ResolvedImage image, String name, String tag) {

        /** Whether the copy names a prerelease tag of the image (version-suffix), which a release must not deploy. */
        public boolean prerelease() {
            return ImageTag.namesPrerelease(tag);
        }
    }

    private ImageCopies() {
    }

    /**
     * Every text of the parsed values files that names an image of the config (by {@code fork}'s name too) by a
     * tag, {@code latest} aside.
     */
    public static List<Copy> all(Resolution resolution, Optional<ImageRepository> fork) {
        ImagesByName images = ImagesByName.of(resolution, fork);
        List<Copy> copies = new ArrayList<>();
        // by file name, so that the warnings come in the same order every run
        new TreeMap<>(resolution.valuesFiles()).values().forEach(doc -> doc.texts().forEach(text -> {
            Matcher m = REFERENCE.matcher(text.text().strip());
            if (!m.matches() || m.group(2).equals("latest")) {
                return;
            }
            images.named(m.group(1)).ifPresent(image -> copies.add(new Copy(text, image, m.group(1), m.group(2))));
        }));
        return copies;
    }

    /** The copies whose tag is not the one the image has here: the chart deploys another image than is built. */
    public static List<Copy> differing(Resolution resolution, Optional<ImageRepository> fork) {
        return all(resolution, fork).stream().filter(c -> !c.tag().equals(c.image().tag().toString())).toList();
    }

    /** The plan's warning for a copy. */
    public static String warning(Copy copy) {
        ResolvedImage image = copy.image();
        ValuesDocument.Text text = copy.text();
        return text.location() + ": " + text.path() + " names " + text.text().strip() + ", but image '" + image.key()
                + "' is " + image.tag() + " here (" + image.versionAt() + "): the chart deploys the other; write "
                + image.tag() + " there too, or leave it if the other is meant";
    }
}
