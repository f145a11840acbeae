package org.odabuild.core.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odabuild.core.InvalidInputException;

/**
 * A JVM reads file names as text in the encoding its locale gives it at start: ASCII under LC_ALL=C, a locale CI
 * containers often have. A name it cannot decode would be sent under another name (docker sends the bytes), so the
 * context refuses it and says the fix. Each case runs in a JVM of its own, started with the locale under test.
 */
class FileNameLocaleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C.UTF-8 | caf\\303\\251.txt | ok [Dockerfile, café.txt]",
        "C       | caf\\303\\251.txt | holds characters that this JVM's file name encoding US-ASCII cannot hold",
        "C       | plain.txt         | ok [Dockerfile, plain.txt]",
        "C.UTF-8 | caf\\351.txt      | is not valid UTF-8, the encoding the build reads file names in: rename it"})
    void aNameTheJvmCannotDecodeIsRefusedWithItsFix(String locale, String printfName, String expected)
            throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");
        // the name's bytes come from printf, not from this JVM's own encoding
        run(new ProcessBuilder("sh", "-c", "printf x > \"$(printf '" + printfName + "')\"").directory(ctx.toFile()),
                "C.UTF-8");

        String out = run(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Listing.class.getName(), ctx.toString()), locale);

        assertThat(out).contains(expected);
    }

    private static String run(ProcessBuilder command, String locale) throws Exception {
        command.environment().remove("LANG");
        command.environment().put("LC_ALL", locale);
        Process p = command.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** Lists a context as a build does; prints its files, or why it refused them. */
    public static final class Listing {
        public static void main(String[] args) {
            try {
                BuildContext context = BuildContext.of(Path.of(args[0]), Path.of(args[0], "Dockerfile"));
                // UTF-8 out whatever the locale, for the test to compare
                new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8).println("ok " + context.files());
            } catch (InvalidInputException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
