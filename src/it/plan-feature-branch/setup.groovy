import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/issue3456").call()
ItSupport.replace(new File(basedir, "charts/demo/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
        "version: 1.0.1\n  prereleaseSuffix: issue3456")
new File(basedir, "src/op/app.txt").text = "op v2\n"
new File(basedir, "src/hook/app.txt").text = "hook v2\n"
ItSupport.commitAll(git, "change op and hook")
git.close()
return true
