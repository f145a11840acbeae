import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "main")
new File(basedir, "values-before.yaml").text = new File(basedir, "charts/demo/values.yaml").text
git.checkout().setCreateBranch(true).setName("feature/issue3456").call()
new File(basedir, "src/op/app.txt").text = "v2\n"
ItSupport.commitAll(git, "change op")
git.close()
return true
