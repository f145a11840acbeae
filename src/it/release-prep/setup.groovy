import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "main")
git.checkout().setCreateBranch(true).setName("feature/issue77").call()
ItSupport.replace(new File(basedir, "charts/demo/values.yaml"), "version: 1.4.9\n  prereleaseSuffix:",
        "version: 1.4.10\n  prereleaseSuffix: issue77")
new File(basedir, "src/op/app.txt").text = "v2\n"
ItSupport.commitAll(git, "feature work")
git.close()
return true
