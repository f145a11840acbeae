package org.odabuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.odabuild.core.RuleViolationException;
import org.odabuild.core.Setting;

/**
 * Every exception type the core throws, found on the compiled classes, goes through the one translator: a broken
 * rule fails the build, everything else is an execution error, and the settings a message names come out as a
 * Maven user types them.
 */
class MojoErrorsTest {

    static final String MESSAGE = "pass " + Setting.SINCE.set("<ref>") + " or check " + Setting.IMAGES;

    @Test
    void aFileProblemSaysWhatIsWrongNotJustThePath() {
        Exception e = MojoErrors.translate(new java.io.UncheckedIOException("cannot write report /proc/nope/plan.json",
                new java.nio.file.NoSuchFileException("/proc/nope")));
        assertThat(e).isInstanceOf(MojoExecutionException.class).hasMessage(
                "cannot write report /proc/nope/plan.json: no such file or folder: /proc/nope");
        assertThat(MojoErrors.said(new java.nio.file.AccessDeniedException("/ro/target")))
                .startsWith("permission denied: /ro/target");
        assertThat(MojoErrors.said(new java.nio.file.FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("/x: Read-only file system");
        assertThat(MojoErrors.said(new java.io.IOException("Stream closed"))).isEqualTo("Stream closed");
    }

    /**
     * A file name with a line break (git allows one) in a refusal: the line it starts is shown, not taken by GitHub
     * Actions as a workflow command, in the log and in the failure Maven prints.
     */
    @Test
    void noLineOfAMessageCanBeTakenForAGithubWorkflowCommand() {
        String reason = "app: release versions can only be built from master/main; its sources changed"
                + " (src/app/x\n::error::forged.txt,\n  ::add-mask::x)";
        assertThat(MojoErrors.render(reason)).isEqualTo("app: release versions can only be built from master/main;"
                + " its sources changed (src/app/x\n\\::error::forged.txt,\n  \\::add-mask::x)");
        Exception e = MojoErrors.translate(new RuleViolationException("oda build", List.of(reason)));
        assertThat(e.getMessage().lines()).noneMatch(l -> l.strip().startsWith("::"));
        assertThat(e.getCause().getMessage().lines()).noneMatch(l -> l.strip().startsWith("::"));
        assertThat(MojoErrors.render("a: b::c")).as("only a line's start is a command").isEqualTo("a: b::c");
    }

    /** java.nio's refusal of a path is bad input, said with its fix, not "a bug". */
    @Test
    void aPathJavaRefusesIsSaidWithItsFix() {
        Exception unmappable = MojoErrors.translate(new java.nio.file.InvalidPathException("src/caf\uFFFD.txt",
                "Malformed input or input contains unmappable characters"));
        assertThat(unmappable).isInstanceOf(MojoExecutionException.class)
                .hasMessage("the path 'src/caf\uFFFD.txt' " + org.odabuild.core.FileNameEncoding.why());
        assertThat(MojoErrors.translate(new java.nio.file.InvalidPathException("a\0b", "Nul character not allowed")))
                .hasMessage("the path 'a\\x00b' is not a valid path: Nul character not allowed");
    }

    @Test
    void everyCoreExceptionTypeIsTranslatedWithItsSettingsRendered() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.odabuild.core")) {
            if (c.isAssignableTo(RuntimeException.class) && !c.getModifiers().contains(JavaModifier.ABSTRACT)) {
                types.add(c.reflect());
            }
        }
        assertThat(types).as("the walk finds the core's exception types").hasSizeGreaterThanOrEqualTo(7)
                .contains(RuleViolationException.class);
        for (Class<?> type : types) {
            RuntimeException e = instance(type);
            Exception translated = MojoErrors.translate(e);
            assertThat(translated).as(type.getName())
                    .isInstanceOf(e instanceof RuleViolationException ? MojoFailureException.class
                            : MojoExecutionException.class)
                    .hasMessage(translated.getCause().getMessage());
            assertThat(translated.getMessage()).as(type.getName())
                    .contains("-Doda.since=<ref>").contains("check oda.images")
                    .doesNotContain("{oda-setting").doesNotContain("unexpected error");
            // Maven prints each message of the cause chain that the first lacks: none may show a raw mark
            for (Throwable t = translated; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as(type.getName()).doesNotContain("{oda-setting");
            }
            assertThat(translated.getCause().toString()).startsWith(type.getName() + ": ");
            assertThat(translated.getCause().getStackTrace()).isEqualTo(e.getStackTrace());
        }
    }

    @Test
    void anythingElseIsSaidToBeABugOfThePlugin() {
        Exception translated = MojoErrors.translate(new IllegalStateException("boom"));
        assertThat(translated).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unexpected error in oda-maven-plugin").hasMessageContaining("please report it")
                .hasMessageContaining("boom");
    }

    /** Built through its public constructor taking a message (and a cause, reasons or a media type). */
    private static RuntimeException instance(Class<?> type) throws Exception {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            c.setAccessible(true);
            Class<?>[] p = c.getParameterTypes();
            if (p.length == 1 && p[0] == String.class) {
                return (RuntimeException) c.newInstance(MESSAGE);
            }
            if (p.length == 2 && p[0] == String.class && p[1] == Throwable.class) {
                return (RuntimeException) c.newInstance(MESSAGE, new java.io.IOException("cause"));
            }
            if (p.length == 2 && p[0] == String.class && p[1] == List.class) {
                return (RuntimeException) c.newInstance(MESSAGE, List.of(MESSAGE));
            }
            if (p.length == 3 && p[0] == String.class && p[1] == List.class) {
                return (RuntimeException) c.newInstance(MESSAGE, List.of(MESSAGE), null); // and what it carries
            }
            if (p.length == 2 && p[0] == String.class && p[1] == String.class) {
                return (RuntimeException) c.newInstance(MESSAGE, "application/x");
            }
        }
        throw new AssertionError(type + " has no constructor taking a message: add it here");
    }
}
