// The real oda-canvas config and values around a consumer pom; main holds the sources, feature/issue3456 changes
// one file of secretsmanagement-operator-vault and sets its prerelease version, as the seed's how-to does.
import java.nio.file.Files
import org.odabuild.testing.ItSupport

File fixtures = new File(basedir, "../../../src/test/resources/oda-canvas").canonicalFile
fixtures.eachFileRecurse { File f ->
    if (f.isFile() && f.name.endsWith(".yaml")) {
        File to = new File(basedir, fixtures.toPath().relativize(f.toPath()).toString())
        to.parentFile.mkdirs()
        Files.copy(f.toPath(), to.toPath())
    }
}
File app = new File(basedir, "source/operators/TMFOP007-Secrets-Management/vault/docker/secretsmanagementOperator.py")
app.parentFile.mkdirs()
app.text = "print('operator')\n"
File webhook = new File(basedir, "source/webhooks/implementation/webhook.py")
webhook.parentFile.mkdirs()
webhook.text = "print('webhook')\n"

def git = ItSupport.gitInit(basedir, "main")
git.checkout().setCreateBranch(true).setName("feature/issue3456").call()
File values = new File(basedir, "charts/canvas-oda/values.yaml")
String before = "secretsmanagement-operator:\n  image: tmforumodacanvas/secretsmanagement-operator-vault\n  version: 1.0.0\n  prereleaseSuffix: \n"
ItSupport.replace(values, before, before.replace("1.0.0", "1.0.1").replace("prereleaseSuffix: ", "prereleaseSuffix: issue3456"))
app.text = "print('operator')\nprint('GitHub ISSUE #3456 was added here')\n"
ItSupport.commitAll(git, "issue 3456")
git.close()
return true
