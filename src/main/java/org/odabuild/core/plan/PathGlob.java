package org.odabuild.core.plan;

import java.util.regex.Pattern;

/**
 * One glob of an image's {@code paths}, with GitHub Actions path-filter semantics: {@code *} matches within one
 * folder, {@code **} crosses folders ({@code a/**}{@code /*} also matches files directly in {@code a}), {@code ?}
 * one character, {@code [abc]} a class; anything else is literal. A leading {@code !} negates.
 */
public record PathGlob(String text, boolean negated, Pattern regex) {

    public static PathGlob parse(String glob) {
        boolean negated = glob.startsWith("!");
        String body = negated ? glob.substring(1) : glob;
        return new PathGlob(glob, negated, Pattern.compile(toRegex(body)));
    }

    public boolean matches(String repoRelativePath) {
        return regex.matcher(repoRelativePath).matches();
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (atSegmentStart && slashFollows) {
                        re.append("(?:.*/)?"); // "**/" = zero or more folders
                        i += 3;
                    } else {
                        re.append(".*");
                        i += 2;
                    }
                } else {
                    re.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                    re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                    i = end + 1;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
