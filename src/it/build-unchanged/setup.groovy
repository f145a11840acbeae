import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
def git = ItSupport.gitInit(basedir, "master")
new File(basedir, "README.md").text = "docs only\n"
ItSupport.commitAll(git, "docs")
git.close()
return true
