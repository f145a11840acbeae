package org.odabuild.core.edit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;

/**
 * The charts that deploy an image whose name or version changed since a base commit: such a chart ships another image
 * now, so it needs a new version, whatever else changed. One rule for {@code release-prep}, which bumps them, and
 * {@code check-version-bump}, which holds a branch to them.
 */
record DeployedImageChanges(HistoryYaml history, String base, ChartSet charts, FileEdits files) {

    /** Each such chart with the first image that makes it one. */
    Map<Chart, ImageConfig> deployers(Collection<ImageConfig> images) {
        Map<Chart, ImageConfig> out = new LinkedHashMap<>();
        for (ImageConfig image : images) {
            if (changed(image)) {
                charts.deployer(image.valuesYamlFile(), image.valuesPathVersion())
                        .ifPresent(chart -> out.putIfAbsent(chart, image));
            }
        }
        return out;
    }

    /** Whether the image's name or version differs from the base (a new entry counts as changed). */
    boolean changed(ImageConfig image) {
        Optional<ValuesDocument> before = history.at(base, image.valuesYamlFile(), "its image entries there are"
                + " unknown, so they count as changed");
        YamlTextEditor now = files.editor(image.valuesYamlFile());
        return Stream.of(image.valuesPathImage(), image.valuesPathVersion()).anyMatch(path -> !before
                .flatMap(d -> d.find(path)).map(ScalarValue::textOrNull).map(String::strip)
                .equals(now.get(path).map(String::strip)));
    }
}
