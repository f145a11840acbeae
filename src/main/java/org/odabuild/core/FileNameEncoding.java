package org.odabuild.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;

/**
 * File names as this JVM reads them: as text, decoded in the encoding the locale gave it at start
 * ({@code sun.jnu.encoding}: ASCII when LANG/LC_ALL is C, POSIX or unset). git and docker take names as bytes; a name
 * the JVM cannot decode would name another file, or none, so it is refused, saying which locale fix or rename it
 * needs.
 */
public final class FileNameEncoding {

    private static final char UNDECODABLE = '\uFFFD';
    private static final String UNMAPPABLE = "Malformed input or input contains unmappable characters";

    private FileNameEncoding() {
    }

    /** The encoding this JVM reads file names in. */
    public static Charset current() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Refuses a name the JVM could not decode (it holds the replacement character the decoder put in). */
    public static void requireDecoded(String name, String where) {
        if (name.indexOf(UNDECODABLE) >= 0) {
            throw new InvalidInputException(where + ": the file name '" + Excerpt.of(name) + "' " + why());
        }
    }

    /** What is wrong with a path java.nio refused: a character the encoding lacks, or java.nio's reason. */
    public static String refused(InvalidPathException e) {
        return e.getReason().startsWith(UNMAPPABLE) ? why() : "is not a valid path: " + e.getReason();
    }

    /** Why a name cannot be read, and what to do. */
    public static String why() {
        Charset charset = current();
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "is not valid UTF-8, the encoding the build reads file names in: rename it (e.g. with"
                    + " git mv) to a UTF-8 name";
        }
        return "holds characters that this JVM's file name encoding " + charset.name() + " cannot hold (its locale"
                + " is C, POSIX or unset): run Maven with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }
}
