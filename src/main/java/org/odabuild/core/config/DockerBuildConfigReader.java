package org.odabuild.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.BuildLog;
import org.odabuild.core.Excerpt;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.SourceLocation;
import org.odabuild.core.values.YqPath;
import org.odabuild.core.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads dockerbuild-config.yaml in the format of oda-canvas' workflow generator: every top-level key an image, each
 * entry's settings read by {@link EntrySettings}. Every error names the file, line and column; a broken entry breaks
 * only its image.
 */
public final class DockerBuildConfigReader {

    private final RepoLayout layout;
    private final BuildLog log;

    public DockerBuildConfigReader(RepoLayout layout, BuildLog log) {
        this.layout = layout;
        this.log = log;
    }

    public DockerBuildConfig read(Path configFile) {
        return read(configFile, YamlDocument.load(configFile, layout.display(configFile)));
    }

    /** The config as a commit held it: {@code text} read as {@link #read(Path)} reads the file. */
    public DockerBuildConfig read(Path configFile, String text) {
        return read(configFile, YamlDocument.parse(text, layout.display(configFile)));
    }

    private DockerBuildConfig read(Path configFile, YamlDocument doc) {
        String display = layout.display(configFile);
        Node root = doc.root().orElseThrow(() -> new InvalidInputException(display
                + ": is empty: list at least one image (see README, 'dockerbuild-config.yaml')"));
        if (!(root instanceof MappingNode mapping)) {
            throw InvalidInputException.at(doc.locationOf(root), "expected a mapping of image keys to their settings,"
                    + " e.g. 'my-operator:' followed by indented 'valuesYamlFile: ...'");
        }
        // every key and where it stands first: a key written twice is known before either entry is read
        List<NodeTuple> tuples = mapping.getValue();
        List<String> keys = new ArrayList<>();
        List<SourceLocation> keyAt = new ArrayList<>();
        Map<String, List<SourceLocation>> places = new HashMap<>();
        for (NodeTuple tuple : tuples) {
            SourceLocation at = doc.locationOf(tuple.getKeyNode());
            String key = EntrySettings.keyName(tuple.getKeyNode(), at, "an image key");
            keys.add(key);
            keyAt.add(at);
            places.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
        }
        List<ImageConfig> images = new ArrayList<>();
        List<BrokenImage> broken = new ArrayList<>();
        for (int i = 0; i < tuples.size(); i++) {
            String key = keys.get(i);
            SourceLocation at = keyAt.get(i);
            // a line break in a key, shown as it is, would start a line of the CI log of its own (::error::...)
            String shown = Excerpt.of(key, Integer.MAX_VALUE);
            List<SourceLocation> all = places.get(key);
            if (all.size() > 1) {
                // which entry is meant is not for the plugin to guess (PyYAML, oda-canvas' generator, kept the last
                // in silence); the other images do not depend on the answer
                if (all.get(0).equals(at)) {
                    broken.add(new BrokenImage(shown, twice(shown, all)));
                }
                continue;
            }
            try {
                ImageKey.check(key, at);
                images.add(readImage(doc, key, at, tuples.get(i).getValueNode()));
            } catch (InvalidInputException e) {
                // one wrong entry must not block the other images (a matrix job per image, as GitHub's were)
                broken.add(new BrokenImage(shown, e.getMessage()));
            }
        }
        return new DockerBuildConfig(configFile, display, images, broken);
    }

    private static String twice(String shown, List<SourceLocation> all) {
        List<String> again = all.subList(1, all.size()).stream().map(l -> String.valueOf(l.line())).toList();
        String times = all.size() == 2 ? "twice (first at line " + all.get(0).line()
                : all.size() + " times (first at line " + all.get(0).line() + ", again at lines "
                        + String.join(", ", again);
        return all.get(1) + ": image key '" + shown + "' is defined " + times + "): rename one of them or merge the"
                + " entries; none of them is built until then";
    }

    private ImageConfig readImage(YamlDocument doc, String key, SourceLocation at, Node value) {
        if (!(value instanceof MappingNode entry)) {
            throw InvalidInputException.at(doc.locationOf(value), "image '" + key + "' must be a mapping of settings"
                    + " (valuesYamlFile, valuesPathVersion, paths, buildContext, ...)");
        }
        EntrySettings f = new EntrySettings(doc, key, at, entry, layout, log);
        String valuesYamlFile = layout.relativePath(f.required("valuesYamlFile"), f.at("valuesYamlFile"),
                "valuesYamlFile");
        String buildContext = layout.relativePath(f.required("buildContext"), f.at("buildContext"), "buildContext");
        String dockerfile = f.optional("buildDockerfile")
                .map(d -> layout.relativePath(d, f.at("buildDockerfile"), "buildDockerfile"))
                .orElseGet(() -> DefaultDockerfile.of(layout, buildContext));
        Optional<String> testDockerfile = f.optional("testDockerfile")
                .map(d -> layout.relativePath(d, f.at("testDockerfile"), "testDockerfile"));
        List<String> platforms = f.platforms();
        YqPath imagePath = f.path("valuesPathImage", f.required("valuesPathImage"));
        YqPath versionPath = f.path("valuesPathVersion", f.required("valuesPathVersion"));
        Optional<YqPath> suffixPath = f.optional("valuesPathPrereleaseSuffix")
                .map(p -> f.path("valuesPathPrereleaseSuffix", p));
        Map<String, YqPath> valuesPaths = new LinkedHashMap<>();
        valuesPaths.put("valuesPathImage", imagePath);
        valuesPaths.put("valuesPathVersion", versionPath);
        suffixPath.ifPresent(p -> valuesPaths.put("valuesPathPrereleaseSuffix", p));
        f.requireDistinct(valuesPaths);
        return new ImageConfig(
                key,
                f.optional("displayName").orElse(key),
                f.optional("fileName").orElse(key),
                valuesYamlFile,
                imagePath,
                versionPath,
                suffixPath,
                f.globs(),
                buildContext,
                dockerfile,
                testDockerfile,
                platforms.isEmpty() ? ImageConfig.DEFAULT_PLATFORMS : platforms,
                !platforms.isEmpty(),
                at,
                f.locations());
    }
}
