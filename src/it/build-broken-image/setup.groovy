import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/it-5").call()
ItSupport.replace(new File(basedir, "charts/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
        "version: 1.0.1\n  prereleaseSuffix: it-5")
new File(basedir, "src/op/app.txt").text = "v2\n"
new File(basedir, "src/hook/app.txt").text = "h2\n"
ItSupport.commitAll(git, "feature work on both images")
git.close()
return true
