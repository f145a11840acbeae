import org.odabuild.testing.ItSupport
import org.odabuild.testing.RegistrySeeder

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
new RegistrySeeder(host).push("it/op", "0.9.0", [:])
def git = ItSupport.gitInit(basedir, "master")
ItSupport.replace(new File(basedir, "charts/values.yaml"), "version: 1.0.0", "version: 1.1.0")
new File(basedir, "src/op/app.txt").text = "release 1.1.0\n"
ItSupport.commitAll(git, "release 1.1.0")
git.close()
return true
