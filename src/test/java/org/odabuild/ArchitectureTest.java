package org.odabuild;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes (so a fully qualified name cannot slip past an import
 * check): a core without Maven types, thin mojos on top, fabric8 only behind the adapters, no package cycles.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/odabuild");
    /** The classes that adapt fabric8 docker-maven-plugin: the daemon client, its log and the credential lookup. */
    private static final Set<String> FABRIC8_ADAPTERS = Set.of("org.odabuild.core.docker.DmpDockerDaemon",
            "org.odabuild.core.docker.EngineApi", "org.odabuild.core.docker.DmpLog",
            "org.odabuild.maven.MavenCredentialSource");

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.odabuild");
    }

    @Test
    void coreHasNoMavenTypes() {
        noClasses().that().resideInAPackage("org.odabuild.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                        "org.odabuild.maven..")
                .check(main);
    }

    @Test
    void fabric8OnlyBehindItsAdapters() {
        noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe("are not a fabric8 adapter",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !FABRIC8_ADAPTERS.contains(
                                c.getName().replaceAll("\\$.*", ""))))
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(main);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("org.odabuild.core.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void mojosAreTheOnlyMavenPlugins() {
        classes().that().areAssignableTo(org.apache.maven.plugin.Mojo.class)
                .should().resideInAPackage("org.odabuild.maven").check(main);
    }

    /** The core names settings through {@code Setting}; how a front end spells them ({@code -Doda.x}) is its own. */
    @Test
    void coreMessagesNameSettingsOnlyThroughSetting() throws IOException {
        java.util.regex.Pattern spelled = java.util.regex.Pattern.compile("\"[^\"]*(?<![\\w.])-?D?oda\\.[a-zA-Z]");
        try (Stream<Path> files = Files.walk(MAIN.resolve("core"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> !l.strip().startsWith("*"))
                            .filter(l -> spelled.matcher(l).find()).map(l -> p.getFileName() + ": " + l.strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).as("string literals that spell a setting's property").isEmpty();
        }
    }

    @Test
    void everyMainPackageIsCoreOrMaven() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("core", "maven");
        }
    }
}
