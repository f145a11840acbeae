package org.odabuild.core.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Whether git may keep other bytes in a blob than the work tree holds: line endings ({@code core.autocrlf}, the
 * {@code text}, {@code eol} and {@code crlf} attributes), filters (git-lfs), {@code ident} and
 * {@code working-tree-encoding}. A blob id from the index is then not the id of the file's content (a Windows
 * checkout's CRLF file has the LF blob's id), so files are hashed instead. Read where git reads them: the
 * repository's {@code .gitattributes} files, {@code info/attributes}, {@code core.attributesFile} (else
 * {@code $XDG_CONFIG_HOME/git/attributes}) and {@code /etc/gitattributes}. Any mention of such an attribute counts,
 * set or unset: hashing is slower, never wrong.
 */
final class CheckoutConversions {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?:^|\\s)[-!]?(?:text|eol|crlf|filter|ident|working-tree-encoding)(?:[\\s=]|$)");

    private CheckoutConversions() {
    }

    /**
     * @param gitDir  the repository's git folder ({@code info/attributes} is there)
     * @param tracked the repository's tracked paths ({@code .gitattributes} files among them)
     * @param core    a {@code core.*} setting by its lower-case name ({@code autocrlf}, {@code attributesfile}); null
     *                when unset
     */
    static boolean possible(Path workTree, Path gitDir, Collection<String> tracked, UnaryOperator<String> core) {
        String autocrlf = core.apply("autocrlf");
        if (autocrlf != null && !autocrlf.strip().equalsIgnoreCase("false")) {
            return true;
        }
        List<Path> files = new ArrayList<>();
        files.add(workTree.resolve(".gitattributes"));
        tracked.stream().filter(p -> p.endsWith("/.gitattributes")).map(workTree::resolve).forEach(files::add);
        files.add(gitDir.resolve("info/attributes"));
        files.add(globalAttributes(core.apply("attributesfile"), System.getenv()));
        files.add(Path.of("/etc/gitattributes"));
        return files.stream().anyMatch(CheckoutConversions::mentionsConversion);
    }

    private static Path globalAttributes(String configured, Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (configured != null && !configured.isBlank()) {
            return configured.startsWith("~/") ? Path.of(home, configured.substring(2)) : Path.of(configured);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "git", "attributes") : Path.of(home, ".config", "git",
                "attributes");
    }

    private static boolean mentionsConversion(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().map(String::strip)
                    .filter(line -> !line.startsWith("#")).anyMatch(line -> ATTRIBUTE.matcher(line).find());
        } catch (IOException e) {
            return true; // unreadable: assume the worst, it only costs hashing
        }
    }
}
