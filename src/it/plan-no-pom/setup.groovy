import org.odabuild.testing.Fixtures
import org.odabuild.testing.ItSupport

File repo = new File(basedir, "oda-canvas")
Fixtures.copyOdaCanvas(repo.toPath())
String operator = "source/operators/TMFOP001-Component-Management/component-management/componentOperator.py"
Fixtures.write(repo.toPath(), operator, "print('v1')\n")
def git = ItSupport.gitInit(repo, "main")
new File(repo, ".gitignore").text = "__pycache__/\n"   // as oda-canvas, no rule for target/
git.checkout().setCreateBranch(true).setName("feature/issue3456").call()
ItSupport.replace(new File(repo, "charts/canvas-oda/values.yaml"), "compopVersion: 1.1.2\n    compopPrereleaseSuffix: ",
        "compopVersion: 1.1.3\n    compopPrereleaseSuffix: issue3456")
Fixtures.write(repo.toPath(), operator, "print('v2')\n")
ItSupport.commitAll(git, "component-operator: issue 3456")
git.close()
return true
