package org.odabuild.core.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.dockerfile.BaseImages;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.version.ImageRepository;
import org.odabuild.core.version.ImageTag;

/**
 * A Dockerfile of an image of the config built {@code FROM} another image of the config by a prerelease tag
 * ({@code FROM tmforumodacanvas/baseimage-kubectl-curl:1.30.6-issue9}): written on a feature branch to build on the
 * branch's base image, it must not reach the release branch, where the release would stand on a tag that the next
 * push of that branch overwrites. {@code check-no-prerelease} fails on it, {@code release-prep} writes the
 * base's release tag there, and the plan refuses a release built on it.
 */
public final class PrereleaseBases {

    private static final Pattern FROM_WORD = Pattern.compile("(?i)FROM\\s");
    private static final Pattern ARG = Pattern.compile("(?i)ARG\\s+(\\w+)=");

    /**
     * Where the tag is written: the FROM line itself, or the one {@code ARG} before the first FROM whose default holds
     * the whole reference ({@code ARG BASE=name:1.2.3-issue7}) or its tag ({@code ARG TAG=1.2.3-issue7}).
     *
     * @param line    the line
     * @param keyword {@code FROM} or {@code ARG}
     * @param text    the word there: the reference or the tag
     * @param release the word that names the release instead
     */
    public record Written(int line, String keyword, String text, String release) {
    }

    /**
     * One such FROM.
     *
     * @param dockerfile the Dockerfile, repository-relative
     * @param line       the FROM's line
     * @param base       the image of the config it names
     * @param reference  {@code name:tag} as the FROM names it, args put in
     * @param written    where that text is written, when one line alone holds it
     */
    public record Base(String dockerfile, int line, ResolvedImage base, String reference, Optional<Written> written) {

        /** The tag's suffix, as check-no-prerelease lists it. */
        public String suffix() {
            String tag = ImageReference.parse(reference).reference();
            return tag.substring(tag.indexOf('-') + 1);
        }

        /** The same name with the base's release version, which release-prep writes. */
        public String release() {
            return ImageReference.parse(reference).name() + ":" + base.version();
        }

        /** Whether the FROM line names it through an ARG. */
        public boolean throughAnArg() {
            return written.map(w -> w.line() != line).orElse(true);
        }
    }

    private PrereleaseBases() {
    }

    /** Every such FROM in the build and test Dockerfiles of the resolved images, each Dockerfile read once. */
    public static List<Base> all(Resolution resolution, Optional<ImageRepository> fork) {
        return of(resolution, fork, resolution.images());
    }

    /** Every such FROM in the build and test Dockerfiles of these images of the resolution. */
    public static List<Base> of(Resolution resolution, Optional<ImageRepository> fork, List<ResolvedImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        ImagesByName byName = ImagesByName.of(resolution, fork);
        Set<String> dockerfiles = new LinkedHashSet<>();
        images.forEach(i -> {
            dockerfiles.add(i.config().buildDockerfile());
            i.config().testDockerfile().ifPresent(dockerfiles::add);
        });
        List<Base> found = new ArrayList<>();
        for (String dockerfile : dockerfiles) {
            Optional<String> text = read(resolution, dockerfile);
            if (text.isEmpty()) {
                continue;
            }
            List<String> lines = text.get().lines().toList();
            for (BaseImages.From from : BaseImages.of(text.get())) {
                ImageReference ref = ImageReference.parse(from.image());
                if (!ImageTag.namesPrerelease(ref.reference())) {
                    continue; // a release, latest, a digest
                }
                byName.named(ref.name()).ifPresent(base -> found.add(new Base(dockerfile, from.line(), base,
                        from.image(), written(lines, from, ref, base))));
            }
        }
        return found;
    }

    private static Optional<Written> written(List<String> lines, BaseImages.From from, ImageReference ref,
            ResolvedImage base) {
        String release = ref.name() + ":" + base.version();
        if (from.line() <= lines.size() && lines.get(from.line() - 1).contains(from.image())) {
            return Optional.of(new Written(from.line(), "FROM", from.image(), release));
        }
        // the args a FROM takes are those declared before the first FROM; only those this FROM names count
        String fromLine = from.line() <= lines.size() ? lines.get(from.line() - 1) : "";
        List<Integer> args = new ArrayList<>();
        for (int i = 0; i < Math.min(from.line() - 1, lines.size()); i++) {
            String line = lines.get(i).strip();
            if (FROM_WORD.matcher(line).lookingAt()) {
                break;
            }
            Matcher arg = ARG.matcher(line);
            if (arg.lookingAt() && Pattern.compile("\\$\\{?" + Pattern.quote(arg.group(1)) + "\\b")
                    .matcher(fromLine).find()) {
                args.add(i + 1);
            }
        }
        // the whole reference in one arg, else its tag in one
        Map<String, String> words = new LinkedHashMap<>();
        words.put(from.image(), release);
        words.put(ref.reference(), base.version().toString());
        for (Map.Entry<String, String> word : words.entrySet()) {
            List<Integer> holding = args.stream().filter(n -> holds(lines.get(n - 1), word.getKey())).toList();
            if (!holding.isEmpty()) {
                return holding.size() == 1
                        ? Optional.of(new Written(holding.get(0), "ARG", word.getKey(), word.getValue()))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether an ARG line holds the word as a default, alone or quoted ({@code X=word}, {@code X="word"}). */
    private static boolean holds(String line, String word) {
        return Pattern.compile("=[\"']?" + Pattern.quote(word) + "[\"']?(?=\\s|$)").matcher(line).find();
    }

    /** The Dockerfile's text; none when it is missing or cannot be read (the build says so with its config line). */
    private static Optional<String> read(Resolution resolution, String dockerfile) {
        try {
            Path path = resolution.layout().file(dockerfile, "Dockerfile");
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (InvalidInputException | IOException e) {
            return Optional.empty();
        }
    }
}
