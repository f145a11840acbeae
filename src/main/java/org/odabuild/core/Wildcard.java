package org.odabuild.core;

/**
 * Names matched against patterns whose only special character is {@code *}, any run of characters: branch
 * patterns ({@code feature/*}) and a proxy's {@code nonProxyHosts} ({@code *.corp.example}).
 */
public final class Wildcard {

    private Wildcard() {
    }

    /**
     * {@code *} as any run of characters, matched greedily with one remembered star: time proportional to the
     * lengths, where a regular expression with many stars backtracked for minutes.
     */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int b = 0;
        int star = -1;
        int resume = 0;
        while (b < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = b;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(b)) {
                p++;
                b++;
            } else if (star >= 0) {
                p = star + 1;
                b = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
