package org.odabuild.maven;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.odabuild.core.InvalidInputException;

/** The build args of a goal: its {@code buildArgs} configuration and, over it, each {@code -Doda.buildArgs.NAME}. */
final class BuildArgProperties {

    private static final String PREFIX = "oda.buildArgs.";

    private BuildArgProperties() {
    }

    /**
     * @param userProperties Maven's {@code -D} properties: one that looks meant as a build arg but names none
     *                       ({@code -Doda.buildArgs=A=b}, as docker's {@code --build-arg} is written) is refused, since
     *                       Maven would drop it without a word
     */
    static Map<String, String> of(Map<String, String> configured, Properties userProperties) {
        Map<String, String> args = new HashMap<>(configured == null ? Map.of() : configured);
        userProperties.forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                args.put(key.substring(PREFIX.length()), v.toString());
            } else if (key.startsWith("oda.buildArg")) {
                // its value is not shown: a build arg may hold a token
                throw new InvalidInputException("-D" + key + " sets no build arg: give each as -D" + PREFIX
                        + "NAME=value, e.g. -D" + PREFIX + "HTTP_PROXY=http://proxy:3128");
            }
        });
        return args;
    }
}
