package org.odabuild.core.docker;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's path rules that Docker applies to what it reads. */
final class GoPath {

    private GoPath() {
    }

    /**
     * Go's {@code filepath.Clean}, which Docker applies to every pattern: {@code a//b}, {@code a/./b} and
     * {@code x/../b} name {@code a/b}, {@code a/b} and {@code b}; a trailing '/' goes.
     */
    static String clean(String path) {
        if (path.isEmpty()) {
            return path;
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast(part);
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}
