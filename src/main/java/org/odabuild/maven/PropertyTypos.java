package org.odabuild.maven;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.odabuild.core.NearestName;

/**
 * A {@code -D} property a letter or two away from one of the plugin's: Maven drops it without a word, so
 * {@code -Doda.image=op} would build every image. Only near misses are said: other {@code oda.} properties may be the
 * user's own, for their pom.
 */
final class PropertyTypos {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(oda\\.[^}]+)}");
    /** What the plugin sets for the pom ({@code oda.skipTests}, {@code oda.image.<key>.tag}) or takes by prefix. */
    private static final List<String> OWN_PREFIXES = List.of("oda.skipTests", "oda.image.", "oda.buildArgs.");

    private PropertyTypos() {
    }

    /** The properties of every goal of the plugin, as {@code oda.images}. */
    static Set<String> known(PluginDescriptor plugin) {
        Set<String> known = new TreeSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() != null) {
                mojo.getParameters().forEach(p -> Optional.ofNullable(p.getExpression()).map(PROPERTY::matcher)
                        .filter(Matcher::matches).ifPresent(m -> known.add(m.group(1))));
            }
        }
        return known;
    }

    /** One warning per given property that is none of {@code known} but nearly one of them. */
    static List<String> warnings(Set<String> given, Set<String> known) {
        return given.stream().filter(k -> k.startsWith("oda.") && !known.contains(k))
                .filter(k -> OWN_PREFIXES.stream().noneMatch(k::startsWith)).sorted()
                .flatMap(k -> NearestName.closest(k, known).map(meant -> "-D" + k + " is no property of"
                        + " oda-maven-plugin, so Maven ignores it: did you mean -D" + meant + "?").stream())
                .toList();
    }
}
