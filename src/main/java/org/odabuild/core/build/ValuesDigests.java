package org.odabuild.core.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.odabuild.core.BuildLog;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.report.ReadableTempFile;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.yaml.QuotedYaml;

/**
 * {@code values-digests.yaml}: a Helm override that pins each pushed image to its digest, so
 * {@code helm upgrade -f target/oda/values-digests.yaml} redeploys a prerelease tag that was pushed again (the same
 * tag alone does not change the pod spec). The version path gets {@code tag@sha256:...} and the suffix path is
 * emptied, so a chart template {@code image:version[-suffix]} renders {@code image:tag@sha256:...}; the digest is
 * also set beside them as {@code digest} (unless another pinned image's version shares their mapping), and the image
 * path names the image that was pushed (a fork's, with {@code -Doda.imageRepository}). A values text that names a
 * pinned image by the same tag ({@link ImageCopies}: oda-canvas' {@code global.hookImages.kubectlCurl}) gets
 * {@code name:tag@sha256:...} too, so the chart's second use of the image is redeployed with the first.
 */
final class ValuesDigests {

    static final String FILE = "values-digests.yaml";
    /** The folder of one override per values file, by the values file's path in the repository. */
    static final String DIR = "values-digests";

    private ValuesDigests() {
    }

    /** One pushed image and where its values live. */
    record Pin(ResolvedImage image, String digest) {
    }

    /**
     * Writes the one override for all charts, and one per values file under {@value #DIR} (each pins exactly the
     * images of its file, for the chart that reads it: two files' top-level {@code .version}s cannot share one).
     *
     * @return the override for all charts
     */
    static Path write(Path outputDir, List<Pin> pins, BuildLog log) {
        return write(outputDir, pins, List.of(), log);
    }

    /**
     * @param copies the values texts that name an image of the config by a tag ({@link ImageCopies#all}): those that
     *               name a pinned image by its tag are pinned with it
     */
    static Path write(Path outputDir, List<Pin> pins, List<ImageCopies.Copy> copies, BuildLog log) {
        Map<String, Pin> pinned = new LinkedHashMap<>();
        pins.forEach(p -> pinned.putIfAbsent(p.image().key(), p));
        List<CopyPin> copyPins = copies.stream().filter(c -> pinned.containsKey(c.image().key()))
                .filter(c -> c.tag().equals(pinned.get(c.image().key()).image().tag().toString()))
                .map(c -> new CopyPin(c, pinned.get(c.image().key()))).toList();
        Map<String, List<Pin>> byFile = pins.stream().collect(Collectors.groupingBy(
                p -> p.image().config().valuesYamlFile(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<CopyPin>> copiesByFile = copyPins.stream().collect(Collectors.groupingBy(
                c -> c.copy().text().location().file(), LinkedHashMap::new, Collectors.toList()));
        Set<String> files = new LinkedHashSet<>(byFile.keySet());
        files.addAll(copiesByFile.keySet());
        for (String file : files) {
            Path target = outputDir.resolve(DIR).resolve(file).normalize();
            if (target.startsWith(outputDir.resolve(DIR))) { // repository-relative and normalised already
                // its clashes are the combined file's too, and said there
                write(target, byFile.getOrDefault(file, List.of()), copiesByFile.getOrDefault(file, List.of()),
                        BuildLog.silent(), "the images of " + file);
            }
        }
        return write(outputDir.resolve(FILE), pins, copyPins, log, "the pushed images");
    }

    /** A copy of a pinned image's reference, and the pin it takes its digest from. */
    private record CopyPin(ImageCopies.Copy copy, Pin pin) {
    }

    /** Removes what an earlier run wrote, so a run that stops early leaves no stale pin to deploy. */
    static void delete(Path outputDir) {
        Path dir = outputDir.resolve(DIR);
        try {
            Files.deleteIfExists(outputDir.resolve(FILE));
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old " + FILE + " or " + dir, e);
        }
    }

    private static Path write(Path file, List<Pin> pins, List<CopyPin> copies, BuildLog log, String what) {
        // images of different values files rarely share a path in the one override, and a clash is reported
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, ImageConfig> owner = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("# Generated by oda-maven-plugin: helm upgrade -f <this file> pins "
                + what + " to their digests.\n");
        // images that share a mapping (oda-canvas' vault operator and its sidecar) get no digest key there: whose?
        Map<List<YqPath.Segment>, Long> imagesPerParent = pins.stream().collect(Collectors.groupingBy(
                p -> p.image().config().valuesPathVersion().parent().segments(), Collectors.counting()));
        for (Pin pin : pins) {
            var config = pin.image().config();
            String at = config.valuesPathVersion().toString();
            ImageConfig previous = owner.putIfAbsent(at, config);
            if (previous != null) {
                log.warn(previous.valuesYamlFile().equals(config.valuesYamlFile())
                        // one version for both (a lockstep version key): one value cannot hold two digests
                        ? "values-digests: " + config.key() + " and " + previous.key() + " share the version "
                                + at + " of " + config.valuesYamlFile() + "; only " + previous.key() + " is pinned"
                                + " there: give " + config.key() + " a version key of its own to pin it"
                        : "values-digests.yaml: " + config.key() + " and " + previous.key() + " both use " + at
                                + " (in different values files); only " + previous.key() + " is pinned there, and "
                                + config.key() + " in " + DIR + "/" + config.valuesYamlFile());
                continue;
            }
            // the version first: where the image's own paths meet (a version key named digest), it wins; each path
            // written as its segments say (."a" and .a are one place)
            Map<YqPath, String> values = new LinkedHashMap<>();
            values.put(canonical(config.valuesPathVersion()), pin.image().tag() + "@" + pin.digest());
            config.valuesPathPrereleaseSuffix().ifPresent(p -> values.putIfAbsent(canonical(p), ""));
            values.putIfAbsent(canonical(config.valuesPathImage()), pin.image().image().name());
            YqPath parent = config.valuesPathVersion().parent();
            if (imagesPerParent.get(parent.segments()) == 1) {
                values.putIfAbsent(canonical(parent.child("digest")), pin.digest());
            }
            Optional<String> clash = values.keySet().stream().map(p -> clash(root, p)).flatMap(Optional::stream)
                    .findFirst();
            if (clash.isPresent()) {
                log.warn("values-digests.yaml: cannot pin " + config.key() + " at " + at + ": " + clash.get());
                continue;
            }
            values.forEach((path, value) -> set(root, path, value));
            // a comment ends at a line break: one in a key or file name must not start a line of YAML
            text.append(("# " + config.key() + ": " + config.valuesYamlFile() + " " + at).replaceAll("\\R", " "))
                    .append('\n');
        }
        for (CopyPin c : copies) {
            ValuesDocument.Text at = c.copy().text();
            YqPath path = canonical(at.path());
            String value = c.pin().image().image().name() + ":" + c.copy().tag() + "@" + c.pin().digest();
            Optional<String> clash = clash(root, path);
            if (clash.isPresent()) {
                log.warn("values-digests.yaml: cannot pin the copy of " + c.copy().image().key() + " at " + at.location()
                        + ": " + clash.get());
                continue;
            }
            set(root, path, value);
            text.append(("# " + c.copy().image().key() + " again: " + at.location().file() + " " + at.path())
                    .replaceAll("\\R", " ")).append('\n');
        }
        text.append(QuotedYaml.blockMapping(root));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = ReadableTempFile.create(file.getParent(), file.getFileName().toString());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static YqPath canonical(YqPath path) {
        return path.prefix(path.segments().size());
    }

    /**
     * Why a value cannot be put at {@code path} of the file so far, when it cannot: a list index, or a place an image
     * pinned before holds (its value, or the mapping of its values), since one override holds one value per path.
     */
    @SuppressWarnings("unchecked")
    private static Optional<String> clash(Map<String, Object> root, YqPath path) {
        if (path.segments().isEmpty() || path.segments().stream().anyMatch(YqPath.Index.class::isInstance)) {
            return Optional.of(path + " has a list index, which an override file cannot set");
        }
        Object here = root;
        for (int i = 0; i < path.segments().size() && here != null; i++) {
            if (!(here instanceof Map)) {
                return Optional.of(path.prefix(i) + " holds a value of an image pinned before, not the mapping " + path
                        + " needs");
            }
            here = ((Map<String, Object>) here).get(((YqPath.Key) path.segments().get(i)).name());
        }
        return here == null ? Optional.empty() : Optional.of(path + " is set by an image pinned before");
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> root, YqPath path, String value) {
        List<YqPath.Segment> segments = path.segments();
        Map<String, Object> current = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            String key = ((YqPath.Key) segments.get(i)).name();
            current = (Map<String, Object>) current.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        current.put(((YqPath.Key) segments.get(segments.size() - 1)).name(), value);
    }
}
