package org.odabuild.core.edit;

import java.util.ArrayList;
import java.util.List;
import org.odabuild.core.docker.GoMatch;

/**
 * A chart's {@code .helmignore} as Helm reads it (helm's pkg/ignore), which is not Docker's reading: a pattern
 * without '/' is matched against the file's or folder's own name at any depth ({@code *.bak} leaves out
 * {@code templates/x.bak}), one with '/' against the whole path, a leading '/' ties it to the chart's root, a trailing
 * '/' to folders; a folder left out takes its files with it. A '!' rule is read as Helm reads it: a path it does not
 * match is left out.
 */
record HelmIgnore(List<Rule> rules) {

    record Rule(String glob, boolean negate, boolean folderOnly, boolean whole) {
    }

    static HelmIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String rule = line.strip();
            // Helm refuses a chart whose rule has '**' or that Go cannot read; such a rule leaves out nothing here
            if (rule.isEmpty() || rule.startsWith("#") || rule.contains("**") || GoMatch.refuses(rule, "abc")) {
                continue;
            }
            boolean negate = rule.startsWith("!");
            rule = negate ? rule.substring(1) : rule;
            boolean folderOnly = rule.endsWith("/");
            rule = folderOnly ? rule.substring(0, rule.length() - 1) : rule;
            boolean whole = rule.contains("/");
            rules.add(new Rule(rule.startsWith("/") ? rule.substring(1) : rule, negate, folderOnly, whole));
        }
        return new HelmIgnore(List.copyOf(rules));
    }

    /** Whether Helm leaves out the chart-relative file, itself or through one of its folders. */
    boolean excludes(String file) {
        for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
            if (ignores(file.substring(0, slash), true)) {
                return true;
            }
        }
        return ignores(file, false);
    }

    private boolean ignores(String path, boolean folder) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Rule rule : rules) {
            boolean match = GoMatch.matches(rule.glob(), rule.whole() ? path : name);
            if (rule.negate()) {
                if (rule.folderOnly() && !folder || !match) {
                    return true;
                }
            } else if ((!rule.folderOnly() || folder) && match) {
                return true;
            }
        }
        return false;
    }
}
