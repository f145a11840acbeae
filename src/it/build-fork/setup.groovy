import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.mavenConfig(basedir, "-Doda.insecureRegistries=" + host + "\n-Doda.imageRepository=" + host + "/ocfork")
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/issue3456").call()
ItSupport.replace(new File(basedir, "charts/values.yaml"), "version: 1.0.0\n  prereleaseSuffix:",
        "version: 1.0.1\n  prereleaseSuffix: issue3456")
new File(basedir, "src/op/app.txt").text = "v2\n"
ItSupport.commitAll(git, "feature work in a fork")
git.close()
return true
