package org.odabuild.core.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...::message}) for findings that name a
 * place in a file, so a pull request shows them on the line. A message may hold several findings, one per line.
 */
public final class GithubAnnotations {

    /** A repository path of a YAML, JSON or Dockerfile, with a line and maybe a column: {@code a/b.yaml:12:3}. */
    private static final Pattern LOCATION = Pattern.compile(
            "((?:[\\w.@+-]++/)*+(?:[\\w.@+-]+\\.(?:ya?ml|json)|[\\w.@+-]*[Dd]ockerfile[\\w.-]*)):(\\d+)(?::(\\d+))?");

    private GithubAnnotations() {
    }

    /** True when running on GitHub Actions. */
    public static boolean enabled(CiEnvironment ci) {
        return ci.get("GITHUB_ACTIONS").map("true"::equalsIgnoreCase).orElse(false);
    }

    /**
     * @param level {@code error} or {@code warning}
     * @return one command per line of the message that names a file and line
     */
    public static List<String> commands(String level, String message) {
        List<String> out = new ArrayList<>();
        for (String line : message.split("\\R")) {
            Matcher m = LOCATION.matcher(line);
            if (m.find()) {
                out.add("::" + level + " file=" + property(m.group(1)) + ",line=" + m.group(2)
                        + (m.group(3) == null ? "" : ",col=" + m.group(3)) + "::" + data(line.strip()));
            }
        }
        return out;
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
