import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/it-42").call()
ItSupport.replace(new File(basedir, "charts/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
        "version: 1.0.1\n  prereleaseSuffix: it-42")
new File(basedir, "src/op/app.txt").text = "v2\n"
ItSupport.commitAll(git, "feature work")
new File(basedir, "head.txt").text = git.repository.resolve("HEAD").name
git.close()
return true
