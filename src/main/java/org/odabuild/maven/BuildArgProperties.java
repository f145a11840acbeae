package org.odabuild.maven;

import java.util.HashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;

/** The build args of a goal: its {@code buildArgs} configuration and, over it, each {@code -Doda.buildArgs.NAME}. */
final class BuildArgProperties {

    private static final String PREFIX = "oda.buildArgs.";

    private BuildArgProperties() {
    }

    static Map<String, String> of(Map<String, String> configured, MavenSession session) {
        Map<String, String> args = new HashMap<>(configured == null ? Map.of() : configured);
        session.getUserProperties().forEach((k, v) -> {
            if (k.toString().startsWith(PREFIX)) {
                args.put(k.toString().substring(PREFIX.length()), v.toString());
            }
        });
        return args;
    }
}
