import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
def git = ItSupport.gitInit(basedir, "master")
new File(basedir, "src/op/app.txt").text = "v2\n"
ItSupport.commitAll(git, "the release change")
new File(basedir, "target").mkdirs()          // ignored: a release is never built from a dirty tree
new File(basedir, "target/head.txt").text = git.repository.resolve("HEAD").name
git.close()
return true
