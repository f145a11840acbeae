package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.config.ImageConfig;
import org.odabuild.core.plan.PlannedImage;
import org.odabuild.core.values.ScalarValue;
import org.odabuild.core.values.ValuesDocument;
import org.odabuild.core.values.YqPath;

/**
 * The charts that deploy an image whose name or version changed since a base commit: such a chart ships another image
 * now, so it needs a new version, whatever else changed. One rule for {@code release-prep}, which bumps them, and
 * {@code check-version-bump}, which holds a branch to them.
 */
record DeployedImageChanges(HistoryYaml history, String base, ChartSet charts, FileEdits files) {

    /** Each such chart with the first image that makes it one. */
    Map<Chart, List<ImageConfig>> deployers(Collection<PlannedImage> images) {
        Map<Chart, List<ImageConfig>> out = new LinkedHashMap<>();
        for (PlannedImage planned : images) {
            ImageConfig image = planned.image().config();
            if (changed(planned.entryAtBase(), image)) {
                charts.deployer(image.valuesYamlFile(), image.valuesPathVersion())
                        .ifPresent(chart -> out.computeIfAbsent(chart, c -> new ArrayList<>()).add(image));
            }
        }
        return out;
    }

    /**
     * Whether the image's name or version differs from the base (a new entry counts as changed), each read where
     * the config put them then and now: a commit may move the values with the config.
     */
    private boolean changed(ImageConfig then, ImageConfig image) {
        Optional<ValuesDocument> before = history.at(base, then.valuesYamlFile(), "its image entries there are"
                + " unknown, so they count as changed");
        YamlTextEditor now = files.editor(image.valuesYamlFile());
        return !value(before, then.valuesPathImage()).equals(now.get(image.valuesPathImage()).map(String::strip))
                || !value(before, then.valuesPathVersion()).equals(now.get(image.valuesPathVersion())
                        .map(String::strip));
    }

    private static Optional<String> value(Optional<ValuesDocument> doc, YqPath path) {
        return doc.flatMap(d -> d.find(path)).map(ScalarValue::textOrNull).map(String::strip);
    }
}
