// Lays out the real oda-canvas files (config under automation/generators/..., values in charts/ and baseimages/)
// around a pom that has nothing but the plugin, then makes it a git repository.
import java.nio.file.Files
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

File fixtures = new File(basedir, "../../../src/test/resources/oda-canvas").canonicalFile
assert fixtures.isDirectory() : "oda-canvas fixtures not found at ${fixtures}"
fixtures.eachFileRecurse { File f ->
    if (f.isFile() && f.name.endsWith(".yaml")) {
        File to = new File(basedir, fixtures.toPath().relativize(f.toPath()).toString())
        to.parentFile.mkdirs()
        Files.copy(f.toPath(), to.toPath())
    }
}
def me = new PersonIdent("oda-it", "oda-it@example.org")
new File(basedir, ".gitignore").text = "build.log\ntarget/\n"
Git git = Git.init().setDirectory(basedir).setInitialBranch("main").call()
git.add().addFilepattern(".").call()
git.commit().setMessage("oda-canvas layout").setAuthor(me).setCommitter(me).setSign(false).call()
git.close()
return true
