package org.odabuild.core.docker;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.odabuild.core.BuildLog;
import org.odabuild.core.ProgressTenths;

/**
 * The base-image pulls inside a build, from the daemon's progress messages ({@code status}, {@code id},
 * {@code progressDetail}): a line when a pull starts ({@code Pulling from python}), then one per tenth of the bytes
 * of the layers being downloaded, instead of the daemon's line per chunk. Layers the daemon already has count for
 * nothing.
 */
final class PullProgress {

    private static final long MIB = 1024 * 1024;

    private final BuildLog log;
    private final Set<String> pulls = new LinkedHashSet<>();
    /** Per layer: bytes downloaded and its size, as the daemon last said. */
    private final Map<String, long[]> layers = new LinkedHashMap<>();
    private final ProgressTenths tenths = new ProgressTenths();

    PullProgress(BuildLog log) {
        this.log = log;
    }

    /** One message of the build's answer that has a {@code status}. */
    void status(JsonObject m) {
        String status = m.get("status").getAsString();
        String id = m.get("id") != null && m.get("id").isJsonPrimitive() ? m.get("id").getAsString() : null;
        if (status.startsWith("Pulling from ") && pulls.add(status)) {
            String from = status.substring("Pulling from ".length());
            // the daemon names a pull by tag with the tag, one by digest with its whole reference
            log.info("Pulling base image " + (id == null ? from : id.contains("@") ? id : from + ":" + id));
            return;
        }
        if (id == null) {
            return;
        }
        if (status.equals("Downloading") && m.get("progressDetail") instanceof JsonObject detail
                && detail.get("total") != null && detail.get("current") != null) {
            long total = detail.get("total").getAsLong();
            if (total > 0) {
                layers.put(id, new long[] {Math.min(detail.get("current").getAsLong(), total), total});
                report();
            }
        } else if (status.equals("Download complete") || status.equals("Pull complete")) {
            long[] layer = layers.get(id);
            if (layer != null) {
                layer[0] = layer[1];
                report();
            }
        }
    }

    private void report() {
        long done = layers.values().stream().mapToLong(l -> l[0]).sum();
        long total = layers.values().stream().mapToLong(l -> l[1]).sum();
        tenths.next(done, total).ifPresent(tenth -> log.info("Pulling base image layers: " + tenth * 10 + "% ("
                + done / MIB + " of " + total / MIB + " MiB so far)"));
    }
}
