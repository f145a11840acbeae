package org.odabuild.core.git;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A path at a commit with its symbolic links followed, as the work tree reads it: a values file that is a link to
 * another chart's ({@code charts/c/values.yaml -> ../shared/values.yaml}), or that lies in a linked folder, is at a
 * commit the file the link names there, not the link's own text. Only links inside the repository are followed, as
 * the work tree's are (a link that leads outside is refused there).
 */
final class LinkedPath {

    /** As Linux's {@code MAXSYMLINKS}: more links in one path is a loop. */
    private static final int MAX_LINKS = 40;
    /** Parts of a path asked of git at most: a link's text may be long, and each part is one question. */
    private static final int MAX_PARTS = 512;

    private LinkedPath() {
    }

    /** A path with its links followed, and what the tree holds there. */
    record Resolved(String path, GitRepository.TreeEntry entry) {
    }

    /**
     * The path the repository's tree at {@code commit} holds for {@code path} once every link in it is followed;
     * empty when a part is not there, a link leads outside the repository, or the links loop.
     */
    static Optional<Resolved> resolve(GitRepository repo, String commit, String path) {
        Optional<GitRepository.TreeEntry> whole = repo.entry(commit, path);
        if (whole.isPresent() && !whole.get().isLink()) {
            return Optional.of(new Resolved(path, whole.get())); // the common case: one question, no link
        }
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(path.split("/")));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        int asked = 0;
        while (!rest.isEmpty()) {
            String part = rest.poll();
            if (++asked > MAX_PARTS) {
                return Optional.empty(); // no real values file lies that deep: a link made to keep git busy
            }
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (resolved.isEmpty()) {
                    return Optional.empty(); // above the repository's root
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            resolved.add(part);
            Optional<GitRepository.TreeEntry> entry = repo.entry(commit, String.join("/", resolved));
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            if (entry.get().isLink()) {
                String target = repo.readBlob(entry.get().id());
                if (++links > MAX_LINKS || target.startsWith("/")) {
                    return Optional.empty();
                }
                resolved.remove(resolved.size() - 1);
                List<String> parts = Arrays.asList(target.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    rest.push(parts.get(i));
                }
            }
        }
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join("/", resolved); // only where a link was followed: one question more
        return repo.entry(commit, joined).map(entry -> new Resolved(joined, entry));
    }
}
