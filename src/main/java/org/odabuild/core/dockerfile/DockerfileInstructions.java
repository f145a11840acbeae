package org.odabuild.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile's instructions as BuildKit's parser reads them (moby/buildkit {@code frontend/dockerfile/parser}):
 * the {@code # escape=} directive, comment lines, lines continued with the escape character, and heredocs
 * ({@code <<EOF} in RUN, COPY and ADD, also after ONBUILD) whose body lines are text, not instructions. Only what the
 * plugin asks of an instruction: where it starts, its keyword, the names of its options and its heredocs.
 */
public final class DockerfileInstructions {

    /**
     * One instruction.
     *
     * @param line     its first line, 1-based
     * @param keyword  in upper case; for {@code ONBUILD RUN ...}, {@code ONBUILD}
     * @param options  the names of its {@code --name=value} options, in order
     * @param heredocs the names of the heredocs it starts ({@code EOF} of {@code <<EOF}), in order
     * @param arguments what follows the keyword, its lines joined as the parser joins them (not its heredocs' bodies)
     */
    public record Instruction(int line, String keyword, List<String> options, List<String> heredocs,
            String arguments) {

        public Instruction {
            options = List.copyOf(options);
            heredocs = List.copyOf(heredocs);
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("escape", "syntax", "check");
    /** A word that starts a heredoc: an optional file descriptor, {@code <<}, an optional {@code -}, the name. */
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
    /** What separates a keyword from its arguments (Go's {@code [\t\v\f\r ]+}). */
    private static final String SPACE = "[\\t\\x0B\\f\\r ]+";

    private DockerfileInstructions() {
    }

    public static List<Instruction> of(String dockerfile) {
        String[] lines = dockerfile.split("\n", -1);
        List<Instruction> instructions = new ArrayList<>();
        char escape = '\\';
        boolean directives = true;
        int next = 0;
        while (next < lines.length) {
            String first = trimNewline(lines[next++]).stripLeading();
            int start = next;
            if (directives) {
                Matcher d = DIRECTIVE.matcher(first);
                if (d.matches() && DIRECTIVES.contains(d.group(1).toLowerCase(Locale.ROOT))) {
                    if (d.group(1).equalsIgnoreCase("escape") && d.group(2).length() == 1
                            && "`\\".contains(d.group(2))) {
                        escape = d.group(2).charAt(0);
                    }
                    continue;
                }
                directives = false;
            }
            String firstLine = first.startsWith("#") ? "" : first;
            boolean continues = continues(firstLine, escape);
            if (!continues && firstLine.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(continues ? withoutContinuation(firstLine, escape) : firstLine);
            while (continues && next < lines.length) {
                String more = trimNewline(lines[next++]);
                if (more.stripLeading().startsWith("#") || more.isBlank()) {
                    continue; // comment and empty lines inside an instruction are dropped
                }
                continues = continues(more, escape);
                line.append(continues ? withoutContinuation(more, escape) : more);
            }
            String text = line.toString().strip();
            List<Heredoc> heredocs = heredocs(text);
            instructions.add(new Instruction(start, keyword(text), options(text),
                    heredocs.stream().map(Heredoc::name).toList(), rest(text)));
            next = skipBodies(lines, next, heredocs);
        }
        return instructions;
    }

    /** A heredoc's name, and whether its lines lose their leading tabs ({@code <<-EOF}). */
    private record Heredoc(String name, boolean chomp) {
    }

    private static String keyword(String instruction) {
        return instruction.split(SPACE, 2)[0].toUpperCase(Locale.ROOT);
    }

    /** What follows the keyword. */
    private static String rest(String instruction) {
        String[] split = instruction.split(SPACE, 2);
        return split.length > 1 ? split[1] : "";
    }

    /** The names of the leading {@code --name[=value]} words, up to the first other word or a lone {@code --}. */
    private static List<String> options(String instruction) {
        return optionWords(rest(instruction)).stream().map(word -> {
            int eq = word.indexOf('=');
            return eq < 0 ? word.substring(2) : word.substring(2, eq); // as written: BuildKit's are lower case
        }).toList();
    }

    /**
     * The leading {@code --name[=value]} words of an instruction's arguments, quotes and escapes read as the parser
     * reads them ({@code --from="a b"} is {@code --from=a b}), args left as written.
     */
    public static List<String> optionWords(String arguments) {
        List<String> options = new ArrayList<>();
        for (String word : words(arguments, false)) {
            if (!word.startsWith("--") || word.equals("--")) {
                break;
            }
            options.add(word);
        }
        return options;
    }

    /** An instruction's arguments split into words at white space outside quotes, quotes and escapes as written. */
    public static List<String> words(String arguments) {
        return words(arguments, true);
    }

    /**
     * The heredocs an instruction starts, when it is one that can (RUN, COPY, ADD, also after ONBUILD): each word
     * (quotes and escapes kept as written) that reads {@code <<NAME}.
     */
    private static List<Heredoc> heredocs(String instruction) {
        String keyword = keyword(instruction);
        if (!HEREDOC_KEYWORDS.contains(keyword.equals("ONBUILD") ? keyword(rest(instruction).strip()) : keyword)) {
            return List.of();
        }
        List<Heredoc> heredocs = new ArrayList<>();
        for (String word : words(instruction, true)) {
            Matcher m = HEREDOC.matcher(word);
            if (m.matches() && !m.group(3).isEmpty()) {
                heredocs.add(new Heredoc(String.join(" ", words(m.group(3), false)), !m.group(2).isEmpty()));
            }
        }
        return heredocs;
    }

    /**
     * Words split at white space outside quotes. {@code raw}: quotes and backslash escapes stay in the word as written
     * (how BuildKit looks for heredocs); else they are read as the shell reads them (a heredoc's name).
     */
    private static List<String> words(String line, boolean raw) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            boolean quoting = quote == 0 && (c == '"' || c == '\'') || c == quote;
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                word.append(raw ? line.substring(i, i + 2) : line.charAt(i + 1));
                i++;
            } else if (!quoting || raw) {
                word.append(c);
            }
            if (quoting) {
                quote = quote == 0 ? c : 0;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The line after the heredocs' bodies: each ends at a line that is its name (after tabs, with {@code <<-}). */
    private static int skipBodies(String[] lines, int next, List<Heredoc> heredocs) {
        for (Heredoc heredoc : heredocs) {
            while (next < lines.length) {
                String body = trimNewline(lines[next++]);
                if ((heredoc.chomp() ? body.replaceFirst("^\\t+", "") : body).equals(heredoc.name())) {
                    break;
                }
            }
        }
        return next;
    }

    private static boolean continues(String line, char escape) {
        String t = line.replaceFirst("[ \\t]+$", "");
        return t.endsWith(String.valueOf(escape)) && (t.length() == 1 || t.charAt(t.length() - 2) != escape);
    }

    private static String withoutContinuation(String line, char escape) {
        String t = line.replaceFirst("[ \\t]+$", "");
        return t.substring(0, t.length() - 1);
    }

    private static String trimNewline(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
