// Lays out the real oda-canvas files (config under automation/generators/..., values in charts/ and baseimages/)
// around a pom that has nothing but the plugin, then makes it a git repository.
import java.nio.file.Files
import org.odabuild.testing.ItSupport

File fixtures = new File(basedir, "../../../src/test/resources/oda-canvas").canonicalFile
assert fixtures.isDirectory() : "oda-canvas fixtures not found at ${fixtures}"
fixtures.eachFileRecurse { File f ->
    if (f.isFile() && f.name.endsWith(".yaml")) {
        File to = new File(basedir, fixtures.toPath().relativize(f.toPath()).toString())
        to.parentFile.mkdirs()
        Files.copy(f.toPath(), to.toPath())
    }
}
ItSupport.gitInit(basedir, "main").close()
return true
