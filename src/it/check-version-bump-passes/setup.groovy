import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/issue77").call()
ItSupport.replace(new File(basedir, "charts/demo/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
        "version: 1.0.1\n  prereleaseSuffix: issue77")
new File(basedir, "src/op/app.txt").text = "op v2\n"
ItSupport.commitAll(git, "change op, bumped")
git.close()
return true
