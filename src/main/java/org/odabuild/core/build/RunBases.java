package org.odabuild.core.build;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.odabuild.core.OdaException;
import org.odabuild.core.Setting;
import org.odabuild.core.config.BrokenImage;
import org.odabuild.core.config.RepoLayout;
import org.odabuild.core.docker.BuildContext;
import org.odabuild.core.docker.DockerException;
import org.odabuild.core.docker.CopySources;
import org.odabuild.core.docker.FromDigests;
import org.odabuild.core.dockerfile.ImageReference;
import org.odabuild.core.image.Platform;
import org.odabuild.core.plan.BuildJobs;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.version.ImageName;
import org.odabuild.core.version.ImageRepository;

/**
 * Images of this run that others of this run are built on: a monorepo's base image and the images FROM it, changed
 * together. An image whose FROM names another image of this run by the tag this run gives it (or {@code latest}, when
 * this run tags it so) is built after it, in a later wave, and on it: each platform's build names the base's image
 * of that platform on the daemon by its id. Otherwise the daemon would pull the tag (absent before the push, or the
 * previous push of a prerelease) or build on the one variant it holds under the tag. Images that are built on each
 * other are refused before anything is built. A run that selects images (one CI job per image) also knows the images
 * this push changes that other runs build ({@link BaseElsewhere}): an image on one of them is built on the one the
 * registry was checked for ({@link BasesOfOtherRuns}), by its digest.
 */
public final class RunBases {

    private final Images images;
    private final Map<String, Set<String>> basesOf;
    private final List<List<String>> waves;
    private final List<BrokenImage> refused;
    private final List<BaseElsewhere> elsewhere;
    private final Images otherRuns;
    private final Map<String, PlannedImage> otherRunsBases;

    private RunBases(Images images, Map<String, Set<String>> basesOf, List<List<String>> waves,
            List<BrokenImage> refused, List<BaseElsewhere> elsewhere, Images otherRuns,
            Map<String, PlannedImage> otherRunsBases) {
        this.images = images;
        this.otherRuns = otherRuns;
        this.otherRunsBases = otherRunsBases;
        this.basesOf = basesOf;
        this.waves = waves;
        this.refused = refused;
        this.elsewhere = elsewhere;
    }

    /**
     * An image of this run built on (or copying from) an image that this push changes too but that this run leaves to
     * another (a CI matrix job's {@code -Doda.images}): the daemon takes whatever the registry holds under its tag.
     *
     * @param image the image of this run
     * @param base  the key of the image it is built on
     * @param at    the Dockerfile and line that names it
     */
    record BaseElsewhere(String image, String base, String at) {
    }

    /**
     * The images of this run by the references a FROM may name them by.
     *
     * @param fork {@code -Doda.imageRepository}: a FROM naming an image as its values file does names the fork's
     */
    private record Images(Map<String, String> keyByReference, Optional<ImageRepository> fork) {

        /** By the tag each is given, and by {@code latest} where that is given too. */
        static Images of(List<PlannedImage> planned, LatestTag latest, Optional<ImageRepository> fork) {
            Map<String, String> keyByReference = new LinkedHashMap<>();
            for (PlannedImage p : planned) {
                ResolvedImage image = p.image();
                keyByReference.put(image.image().canonical() + ":" + image.tag(), p.key());
                if (latest.applies(image.isRelease())) {
                    keyByReference.putIfAbsent(image.image().canonical() + ":latest", p.key());
                }
            }
            return new Images(keyByReference, fork);
        }

        /** The key of the image of this run that a FROM's image names; none for an image from elsewhere. */
        Optional<String> keyOf(String image) {
            ImageReference ref = ImageReference.parse(image);
            if (ref.reference().contains(":")) {
                return Optional.empty(); // a digest names one published image
            }
            try {
                ImageName name = new ImageName(ref.name());
                return Optional.ofNullable(keyByReference.get(name.canonical() + ":" + ref.reference()))
                        .or(() -> fork.map(f -> keyByReference.get(f.rename(name).canonical() + ":"
                                + ref.reference())));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // an arg none could fill, a stage or no image name: not an image of the run
            }
        }
    }

    /**
     * @param elsewhere the images this push changes that the selection leaves to other runs ({@link
     *                  org.odabuild.core.plan.Plan#builtElsewhere()})
     * @param buildArgs the user's build args, which may fill an ARG in a FROM
     */
    static RunBases of(RepoLayout layout, List<PlannedImage> toBuild, List<PlannedImage> elsewhere,
            Map<String, String> buildArgs, LatestTag latest, Optional<ImageRepository> fork) {
        if (toBuild.isEmpty() || toBuild.size() + elsewhere.size() < 2) {
            // no other image of the push to be built on: no Dockerfile read (a no-op build stays a few classes lighter)
            Map<String, Set<String>> none = new LinkedHashMap<>();
            toBuild.forEach(p -> none.put(p.key(), Set.of()));
            return new RunBases(new Images(Map.of(), fork), none, List.of(List.copyOf(none.keySet())), List.of(),
                    List.of(), new Images(Map.of(), fork), Map.of());
        }
        Images images = Images.of(toBuild, latest, fork);
        Images others = Images.of(elsewhere, latest, fork);
        Map<String, Set<String>> basesOf = new LinkedHashMap<>();
        Map<String, String> firstFrom = new LinkedHashMap<>(); // for the message of a cycle
        List<BrokenImage> refused = new ArrayList<>();
        List<BaseElsewhere> onOthers = new ArrayList<>();
        for (PlannedImage p : toBuild) {
            Set<String> bases = new LinkedHashSet<>();
            Optional<String> text = dockerfile(layout, p, buildArgs);
            text.flatMap(t -> copiesFrom(p, t, images, "run").or(() -> copiesFrom(p, t, others, "push")))
                    .ifPresent(refused::add);
            String dockerfile = p.image().config().buildDockerfile();
            for (FromDigests.Pull pull : text.map(t -> FromDigests.pulls(t, buildArgs)).orElse(List.of())) {
                images.keyOf(pull.image()).filter(k -> !k.equals(p.key())).ifPresent(k -> {
                    bases.add(k);
                    firstFrom.putIfAbsent(p.key() + ">" + k, dockerfile + ":" + pull.line());
                });
                others.keyOf(pull.image()).ifPresent(k -> onOthers.add(new BaseElsewhere(p.key(), k, dockerfile
                        + ":" + pull.line())));
            }
            basesOf.put(p.key(), bases);
        }
        List<List<String>> waves = waves(basesOf);
        Set<String> ordered = new LinkedHashSet<>();
        waves.forEach(ordered::addAll);
        for (PlannedImage p : toBuild) {
            if (!ordered.contains(p.key())) {
                String base = basesOf.get(p.key()).stream().filter(b -> !ordered.contains(b)).findFirst()
                        .orElseThrow();
                String from = firstFrom.get(p.key() + ">" + base) + ": image '" + p.key() + "' is built FROM '" + base
                        + "' of this run, ";
                refused.add(new BrokenImage(p.key(), from + (reaches(basesOf, base, p.key())
                        ? "and '" + base + "' on '" + p.key() + "' (directly or through others): neither can be built"
                                + " first; let one of the FROM lines name a published tag"
                        : "which cannot be built: see '" + base + "'")));
            }
        }
        Map<String, PlannedImage> otherRunsBases = new LinkedHashMap<>();
        elsewhere.stream().filter(p -> onOthers.stream().anyMatch(e -> e.base().equals(p.key())))
                .forEach(p -> otherRunsBases.put(p.key(), p));
        return new RunBases(images, basesOf, waves, refused, onOthers, others, otherRunsBases);
    }

    /**
     * A {@code COPY --from=} that names an image of this run (or of this push, built by another run): the daemon would
     * take the files from the tag's previous push, or from the one variant it holds under the name for every
     * platform. Said with the line that mends it: a stage FROM that image, which is built on the base this run builds
     * (or on the one another run pushed, by its digest).
     *
     * @param whose "run" or "push"
     */
    private static Optional<BrokenImage> copiesFrom(PlannedImage image, String dockerfile, Images images,
            String whose) {
        for (CopySources.Source copy : CopySources.of(dockerfile)) {
            String source = copy.image();
            Optional<String> base = images.keyOf(source).filter(k -> !k.equals(image.key()));
            if (base.isPresent()) {
                return Optional.of(new BrokenImage(image.key(), image.image().config().buildDockerfile() + ":"
                        + copy.line() + ": image '" + image.key() + "' copies from '" + base.get() + "' of this "
                        + whose + " (COPY --from=" + source + "), which the daemon would take from the tag's previous"
                        + " push, not from this " + whose + "'s build: name it in a stage (FROM " + source + " AS "
                        + base.get() + "-files) and COPY --from=" + base.get() + "-files"));
            }
        }
        return Optional.empty();
    }

    /** Each wave: the images whose bases are all in earlier waves. Images on a cycle are in none. */
    private static List<List<String>> waves(Map<String, Set<String>> basesOf) {
        List<List<String>> waves = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < basesOf.size()) {
            List<String> wave = basesOf.entrySet().stream().filter(e -> !done.contains(e.getKey()))
                    .filter(e -> done.containsAll(e.getValue())).map(Map.Entry::getKey).toList();
            if (wave.isEmpty()) {
                break;
            }
            waves.add(wave);
            done.addAll(wave);
        }
        return waves;
    }

    /**
     * For {@code oda:plan}: each image to build with the images of the run it is built on or that are built on it,
     * in one CI job; otherwise in its own.
     *
     * @param buildArgs the build args the builds are given, which may fill an ARG in a FROM
     */
    public static BuildJobs jobs(Optional<ImageRepository> fork, Map<String, String> buildArgs) {
        return plan -> of(plan.resolution().layout(), plan.toBuild(), List.of(), buildArgs, LatestTag.RELEASE, fork).jobs(
                plan.toBuild().stream().map(PlannedImage::key).toList());
    }

    /** The keys joined where one is built on another, in their order. */
    private List<List<String>> jobs(List<String> keys) {
        Map<String, Set<String>> linked = new LinkedHashMap<>();
        keys.forEach(k -> linked.put(k, new LinkedHashSet<>()));
        basesOf.forEach((key, bases) -> bases.forEach(base -> {
            linked.get(key).add(base);
            linked.get(base).add(key);
        }));
        List<List<String>> jobs = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String key : keys) {
            if (placed.contains(key)) {
                continue;
            }
            Set<String> job = new LinkedHashSet<>();
            List<String> next = new ArrayList<>(List.of(key));
            while (!next.isEmpty()) {
                String k = next.remove(next.size() - 1);
                if (job.add(k)) {
                    next.addAll(linked.get(k));
                }
            }
            placed.addAll(job);
            jobs.add(keys.stream().filter(job::contains).toList());
        }
        return jobs;
    }

    /** Whether {@code from} is built on {@code to}, directly or through others. */
    private static boolean reaches(Map<String, Set<String>> basesOf, String from, String to) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(List.of(from));
        while (!next.isEmpty()) {
            String key = next.remove(next.size() - 1);
            if (key.equals(to)) {
                return true;
            }
            if (seen.add(key)) {
                next.addAll(basesOf.getOrDefault(key, Set.of()));
            }
        }
        return false;
    }

    /**
     * Images built on each other (and images built on them), and images that copy from an image of this run, each
     * refused with the line to change.
     */
    List<BrokenImage> refused() {
        return refused;
    }

    /** The images in the order they can be built: each wave only on images of earlier waves, in the config's order. */
    <I> List<List<I>> waves(List<I> items, Function<I, String> key) {
        Map<String, I> byKey = new LinkedHashMap<>();
        items.forEach(i -> byKey.put(key.apply(i), i));
        List<List<I>> ordered = new ArrayList<>();
        for (List<String> wave : waves) {
            List<I> present = wave.stream().filter(byKey::containsKey).map(byKey::get).toList();
            if (!present.isEmpty()) {
                ordered.add(present);
            }
            wave.forEach(byKey::remove);
        }
        if (!byKey.isEmpty()) {
            ordered.add(List.copyOf(byKey.values())); // none when the refused cycles were set aside: never left out
        }
        return ordered;
    }

    /** The images of this run built on images this push changes that other runs build, each with its line. */
    List<BaseElsewhere> elsewhere() {
        return elsewhere;
    }

    /** The images this push changes that other runs build and images of this run are built on, by key. */
    Map<String, PlannedImage> otherRunsBases() {
        return otherRunsBases;
    }

    /** Whether {@code key} is built on an image this push changes that another run builds. */
    boolean onOtherRuns(String key) {
        return elsewhere.stream().anyMatch(e -> e.image().equals(key));
    }

    /** The images of this run {@code key} is built on. */
    Set<String> basesOf(String key) {
        return basesOf.getOrDefault(key, Set.of());
    }

    /** The images {@code key} is built on that this run built (not found up to date or published already). */
    List<String> rebuiltBasesOf(String key, Map<String, BuiltImage> built) {
        return basesOf(key).stream().filter(k -> built.containsKey(k) && built.get(k).status() == BuildStatus.BUILT)
                .toList();
    }

    /**
     * The context of one platform's build of {@code image}, each FROM that names an image built in this run naming
     * that image's build for the stage's platform by its id, and each FROM that names a base another run pushed for
     * this push naming the published image that was checked by its digest (not an older image the daemon holds under
     * the tag); under {@code -Doda.imageRepository}, each other FROM that names an image of the config as upstream
     * publishes it naming the fork's image the fork's registry holds under that tag ({@link ForkBases}).
     *
     * @param built        what this run built so far, by key
     * @param published    the bases of other runs, by key, as {@code repository@digest}
     * @param platformArgs the build's args with its platform args
     */
    BuildContext forPlatform(ResolvedImage image, BuildContext context, Map<String, String> platformArgs,
            Platform platform, boolean retargeted, Map<String, BuiltImage> built, Map<String, String> published,
            ForkBases forkBases) {
        if (basesOf(image.key()).isEmpty() && !onOtherRuns(image.key()) && !forkBases.forked()) {
            return context;
        }
        BuildContext pinned = FromDigests.pinned(context, platformArgs, pull -> images.keyOf(pull.image())
                .map(built::get)
                // not built in this run (up to date, or published already): the daemon pulls it
                .filter(base -> base.status() == BuildStatus.BUILT)
                .map(base -> platformImage(image, base, pull, platform, retargeted))
                .or(() -> otherRuns.keyOf(pull.image()).map(published::get))
                .or(() -> forkBases.of(image, pull.line(), pull.image())));
        // a COPY --from an image of this run or push is refused before any build: here only other images remain
        return forkBases.forked() ? CopySources.pinned(pinned, copy -> forkBases.of(image, copy.line(), copy.image()))
                : pinned;
    }

    /** The id of the base's image for the platform of the FROM's stage. */
    private static String platformImage(ResolvedImage image, BuiltImage base, FromDigests.Pull pull,
            Platform platform, boolean retargeted) {
        Platform stage = pull.platform().map(RunBases::parse).orElse(platform);
        BuiltImage.PlatformBuild made = base.platforms().stream()
                .filter(b -> stage.accepts(Platform.parse(b.platform()))).findFirst()
                .orElseThrow(() -> new DockerException("image " + image.key() + " is built for " + stage + " on "
                        + base.key() + " of this run (FROM at " + image.config().buildDockerfile() + ":"
                        + pull.line() + "), which is not built for " + stage + ": add " + stage + " to the"
                        + " platforms of " + base.key() + ", or remove it from those of " + image.key()));
        if (made.retargeted() && !retargeted) {
            // the base's image for the platform has its files but the daemon's platform: a program of the
            // platform run on it would be the daemon's
            throw new DockerException("image " + image.key() + " runs commands for " + stage + " on " + base.key()
                    + " of this run (FROM at " + image.config().buildDockerfile() + ":" + pull.line() + "), whose "
                    + stage + " image was made on this daemon's platform and gets " + stage + " in its config only"
                    + " when it is pushed. Build and push " + base.key() + " first (" + Setting.IMAGES.set(base.key())
                    + " " + Setting.PUSH.set("true") + "), then " + image.key());
        }
        return made.imageId();
    }

    /** One image's platform builds on the bases this run built so far. */
    interface OnBases {

        /**
         * The context of the build of {@code platform}; {@code retargeted}: the image is made natively and published
         * with {@code platform} in its config, so the base's image of that platform may be one made so too.
         */
        BuildContext forPlatform(BuildContext context, Map<String, String> platformArgs, Platform platform,
                boolean retargeted);

        /** Whether a FROM's image (args put in) is one this run built, with its image for each platform at hand. */
        boolean builtHere(String image);
    }

    /** @param published the bases other runs pushed for this push, by key, as {@code repository@digest} */
    OnBases of(ResolvedImage image, Map<String, BuiltImage> built, Map<String, String> published,
            ForkBases forkBases) {
        return new OnBases() {
            @Override
            public BuildContext forPlatform(BuildContext context, Map<String, String> platformArgs,
                    Platform platform, boolean retargeted) {
                return RunBases.this.forPlatform(image, context, platformArgs, platform, retargeted, built,
                        published, forkBases);
            }

            @Override
            public boolean builtHere(String from) {
                return images.keyOf(from).filter(rebuiltBasesOf(image.key(), built)::contains).isPresent();
            }
        };
    }

    private static Platform parse(String platform) {
        try {
            return Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new DockerException("a FROM names the platform '" + platform + "', which is no platform");
        }
    }


    /** The Dockerfile as the daemon gets it, without the stages its last one does not need. */
    private static Optional<String> dockerfile(RepoLayout layout, PlannedImage image, Map<String, String> args) {
        try {
            return DaemonDockerfile.text(layout.file(image.image().config().buildDockerfile(), "buildDockerfile of"
                    + " image " + image.key()), args);
        } catch (OdaException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty(); // a Dockerfile that cannot be read is refused on its own (BuildInputs)
        }
    }
}
