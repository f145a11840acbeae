package org.odabuild.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.policy.TagPolicyTestSupport;
import org.odabuild.core.resolve.ImageCopies;
import org.odabuild.core.resolve.Resolution;
import org.odabuild.core.resolve.ResolveRequest;
import org.odabuild.core.resolve.ResolvedImage;
import org.odabuild.core.values.YqPath;
import org.odabuild.testing.Fixtures;
import org.odabuild.testing.RecordingLog;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code values-digests.yaml} for any set of pushed images, whatever their values paths (top-level as oda-canvas'
 * {@code baseimage-kubectl-curl}, nested, quoted keys with dots or spaces, paths of one image inside another's):
 * the file parses, and every image pinned there has its tag and digest at its own paths; one it cannot pin is
 * named in a warning, never lost without a word, never a crash.
 */
class ValuesDigestsProperties {

    private static final String[] KEYS = {"version", "image", "prereleaseSuffix", "a", "op", "x.y", "two words",
        "digest", "k: v", "#c", "-", "'q'", "\"d\"", "true", "1"};

    /** One folder for all tries, removed with the container: 300 tries would leave 300 folders in /tmp. */
    private static Path root;

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = Files.createTempDirectory("values-digests");
    }

    @AfterContainer
    static void removeRoot() {
        Fixtures.deleteTree(root);
    }

    @Property(tries = 300)
    void everyPushedImageIsPinnedAtItsPathsOrNamedInAWarning(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<ValuesDigests.Pin> pins = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            pins.add(pin("img" + i, path(random), random, i));
        }
        Path dir = Files.createTempDirectory(root, "try");
        RecordingLog log = new RecordingLog();

        Path file = ValuesDigests.write(dir, pins, log);

        Object yaml = new Yaml().load(Files.readString(file));
        for (ValuesDigests.Pin pin : pins) {
            ImageConfig config = pin.image().config();
            // each image here has a values file of its own, where nothing else can be in its way
            Object own = new Yaml().load(Files.readString(dir.resolve("values-digests").resolve(
                    config.valuesYamlFile())));
            assertThat(at(own, config.valuesPathVersion())).isEqualTo(pin.image().tag() + "@" + pin.digest());
            boolean warned = log.warnings.stream().anyMatch(w -> w.contains("cannot pin " + config.key() + " ")
                    || w.startsWith("values-digests.yaml: " + config.key() + " and "));
            if (warned) {
                continue;
            }
            assertThat(at(yaml, config.valuesPathVersion())).as(config.key() + " in\n" + Files.readString(file))
                    .isEqualTo(pin.image().tag() + "@" + pin.digest());
            assertThat(at(yaml, config.valuesPathImage())).isEqualTo(pin.image().image().name());
            long sharing = pins.stream().filter(p -> p.image().config().valuesPathVersion().parent().segments()
                    .equals(config.valuesPathVersion().parent().segments())).count();
            if (!last(config.valuesPathVersion()).equals("digest") && sharing == 1) {
                assertThat(at(yaml, config.valuesPathVersion().parent().child("digest"))).isEqualTo(pin.digest());
            }
            config.valuesPathPrereleaseSuffix().ifPresent(p -> assertThat(at(yaml, p)).isEqualTo(""));
        }
    }

    /** Two images released in lockstep on one version key: one value cannot hold both digests, and that is said. */
    @Example
    void twoImagesOfOneVersionKeyAreSaidToShareIt() throws IOException {
        Path dir = Files.createTempDirectory(root, "try");
        Path repo = Fixtures.copyOdaCanvas(dir.resolve("repo"));
        Fixtures.replace(repo.resolve(Fixtures.ODA_CANVAS_CONFIG), "valuesPathVersion: .secretsmanagement-operator"
                + ".sidecarVersion", "valuesPathVersion: .secretsmanagement-operator.version");
        Resolution resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo),
                repo.resolve("target/oda"), List.of("secretsmanagement-operator-vault", "secretsmanagement-sidecar"),
                Optional.empty()), new RecordingLog());
        List<ValuesDigests.Pin> pins = List.of(new ValuesDigests.Pin(resolution.images().get(0), "sha256:"
                + "a".repeat(64)), new ValuesDigests.Pin(resolution.images().get(1), "sha256:" + "b".repeat(64)));
        RecordingLog log = new RecordingLog();

        Path file = ValuesDigests.write(dir, pins, log);

        assertThat(log.warnings).isNotEmpty().allMatch(w -> w.equals("values-digests: secretsmanagement-sidecar and"
                + " secretsmanagement-operator-vault share the version .secretsmanagement-operator.version of"
                + " charts/canvas-oda/values.yaml; only secretsmanagement-operator-vault is pinned there: give"
                + " secretsmanagement-sidecar a version key of its own to pin it"));
        assertThat(at(new Yaml().load(Files.readString(file)), pins.get(0).image().config().valuesPathVersion()))
                .isEqualTo("1.0.0@sha256:" + "a".repeat(64));
    }

    /**
     * All of oda-canvas' images pushed at once (a full release, or pin-digests after one): each is pinned; the two
     * pairs whose versions share a mapping get no digest key there, and of the two top-level {@code .version}s (in
     * different files) the second is named in a warning.
     */
    @Example
    void everyOdaCanvasImageIsPinnedAtOnce() throws IOException {
        Path dir = Files.createTempDirectory(root, "try");
        Path repo = Fixtures.copyOdaCanvas(dir.resolve("repo"));
        Resolution resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo),
                repo.resolve("target/oda"), List.of(), Optional.empty()), new RecordingLog());
        List<ValuesDigests.Pin> pins = new ArrayList<>();
        for (ResolvedImage image : resolution.images()) {
            pins.add(new ValuesDigests.Pin(image, "sha256:" + Integer.toHexString(pins.size()).repeat(64)
                    .substring(0, 64)));
        }
        RecordingLog log = new RecordingLog();

        Path file = ValuesDigests.write(dir, pins, log);

        Object yaml = new Yaml().load(Files.readString(file));
        assertThat(pins).hasSize(16);
        assertThat(log.warnings).singleElement().asString().startsWith("values-digests.yaml: oauth2envoyfilter-operator"
                + " and baseimage-kubectl-curl both use .version (in different values files)");
        for (ValuesDigests.Pin pin : pins) {
            if (!pin.image().key().equals("oauth2envoyfilter-operator")) {
                assertThat(at(yaml, pin.image().config().valuesPathVersion())).as(pin.image().key())
                        .isEqualTo(pin.image().tag() + "@" + pin.digest());
            }
        }
        assertThat(log.warnings.get(0)).endsWith("only baseimage-kubectl-curl is pinned there, and"
                + " oauth2envoyfilter-operator in values-digests/charts/experimental/oauth2-envoyfilter-operator/values.yaml");
        // one override per values file, holding exactly its images: there the second .version is pinned
        for (ValuesDigests.Pin pin : pins) {
            String values = pin.image().config().valuesYamlFile();
            Object own = new Yaml().load(Files.readString(dir.resolve("values-digests").resolve(values)));
            assertThat(at(own, pin.image().config().valuesPathVersion())).as(pin.image().key() + " in its " + values)
                    .isEqualTo(pin.image().tag() + "@" + pin.digest());
        }
        try (var files = Files.walk(dir.resolve("values-digests"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> dir.resolve("values-digests").relativize(f)
                    .toString())).containsExactlyInAnyOrder("charts/canvas-oda/values.yaml",
                            "baseimages/kubectl-curl/version.yaml", "charts/credentialsmanagement-operator/values.yaml",
                            "charts/experimental/oauth2-envoyfilter-operator/values.yaml");
        }
        assertThat(Files.readString(dir.resolve("values-digests/baseimages/kubectl-curl/version.yaml")))
                .doesNotContain("oda-webhook");
        assertThat(at(yaml, YqPath.parse(".secretsmanagement-operator.digest"))).isNull();
        assertThat(at(yaml, YqPath.parse(".oda-webhook.digest"))).isNotNull();
    }

    /**
     * oda-canvas deploys its Helm hooks from {@code global.hookImages.kubectlCurl}, a second copy of the kubectl-curl
     * image's reference: pinned with the image, a redeploy takes the hooks' image from the same push.
     */
    @Example
    void aCopyOfAPinnedImagesReferenceIsPinnedWithItWhileItsTagIsTheImages() throws IOException {
        Path dir = Files.createTempDirectory(root, "try");
        Path repo = Fixtures.copyOdaCanvas(dir.resolve("repo"));
        Resolution resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo),
                repo.resolve("target/oda"), List.of("baseimage-kubectl-curl"), Optional.empty()), new RecordingLog());
        String digest = "sha256:" + "c".repeat(64);
        List<ValuesDigests.Pin> pins = List.of(new ValuesDigests.Pin(resolution.images().get(0), digest));
        RecordingLog log = new RecordingLog();

        Path file = ValuesDigests.write(dir, pins, ImageCopies.all(resolution, Optional.empty()), log);

        YqPath hooks = YqPath.parse(".global.hookImages.kubectlCurl");
        String pinned = "tmforumodacanvas/baseimage-kubectl-curl:1.30.5@" + digest;
        assertThat(log.warnings).isEmpty();
        assertThat(at(new Yaml().load(Files.readString(file)), hooks)).isEqualTo(pinned);
        assertThat(at(new Yaml().load(Files.readString(file)), YqPath.parse(".version"))).isEqualTo("1.30.5@" + digest);
        // the chart's own override holds the copy alone; the image's own file its entry alone
        Object chart = new Yaml().load(Files.readString(dir.resolve("values-digests/charts/canvas-oda/values.yaml")));
        assertThat(at(chart, hooks)).isEqualTo(pinned);
        assertThat(at(chart, YqPath.parse(".version"))).isNull();
        assertThat(at(new Yaml().load(Files.readString(dir.resolve("values-digests/baseimages/kubectl-curl/version.yaml"))),
                hooks)).isNull();

        // a copy that names another tag than the image's is what the chart means to deploy: not pinned
        Fixtures.replace(repo.resolve("baseimages/kubectl-curl/version.yaml"), "version: 1.30.5", "version: 1.30.6");
        resolution = Resolution.of(new ResolveRequest(repo, Optional.empty(), Optional.of(repo),
                repo.resolve("target/oda"), List.of("baseimage-kubectl-curl"), Optional.empty()), new RecordingLog());
        ValuesDigests.delete(dir);
        file = ValuesDigests.write(dir, List.of(new ValuesDigests.Pin(resolution.images().get(0), digest)),
                ImageCopies.all(resolution, Optional.empty()), log);
        assertThat(at(new Yaml().load(Files.readString(file)), hooks)).isNull();
        assertThat(dir.resolve("values-digests/charts/canvas-oda/values.yaml")).doesNotExist();
    }

    /** A version path of 1 to 3 keys; image and suffix beside it, as values files hold them. */
    private static YqPath path(Random random) {
        YqPath path = YqPath.parse(".");
        int depth = 1 + random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            path = path.child(KEYS[random.nextInt(KEYS.length)]);
        }
        return path;
    }

    private static ValuesDigests.Pin pin(String key, YqPath version, Random random, int i) {
        ResolvedImage plain = TagPolicyTestSupport.image("1.0." + i, random.nextBoolean() ? "issue" + i : null);
        ImageConfig c = plain.config();
        YqPath parent = version.parent();
        // one image's own three keys differ from each other and from the digest beside them, as in any values file
        List<String> taken = new ArrayList<>(List.of(last(version), "digest"));
        String imageKey = other(random, "image", taken);
        taken.add(imageKey);
        Optional<YqPath> suffix = random.nextInt(4) == 0 ? Optional.empty()
                : Optional.of(parent.child(other(random, "prereleaseSuffix", taken)));
        YqPath image = parent.child(imageKey);
        ImageConfig config = new ImageConfig(key, c.displayName(), c.fileName(), "charts/" + key + "/values.yaml",
                image, version, suffix, c.paths(), c.buildContext(), c.buildDockerfile(), c.testDockerfile(),
                c.platforms(), c.platformsExplicit(), c.location(), c.settingsAt());
        ResolvedImage resolved = new ResolvedImage(config, plain.image(), plain.tag(), plain.versionAt(),
                plain.suffixAt());
        return new ValuesDigests.Pin(resolved, "sha256:" + Integer.toHexString(i).repeat(64).substring(0, 64));
    }

    private static String other(Random random, String usual, List<String> taken) {
        String key = random.nextInt(3) == 0 ? KEYS[random.nextInt(KEYS.length)] : usual;
        return taken.contains(key) ? other(random, usual + "X", taken) : key;
    }

    private static String last(YqPath path) {
        return ((YqPath.Key) path.segments().get(path.segments().size() - 1)).name();
    }

    /** The value at the path; keys compared as text (Helm reads a key {@code true} as "true"). */
    private static Object at(Object yaml, YqPath path) {
        Object here = yaml;
        for (YqPath.Segment segment : path.segments()) {
            if (!(here instanceof Map<?, ?> map)) {
                return null;
            }
            String name = ((YqPath.Key) segment).name();
            here = map.entrySet().stream().filter(e -> String.valueOf(e.getKey()).equals(name))
                    .map(Map.Entry::getValue).reduce((a, b) -> b).orElse(null);
        }
        return here;
    }
}
