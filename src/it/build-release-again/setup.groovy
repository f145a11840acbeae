import org.odabuild.testing.ItSupport
import org.odabuild.testing.RegistrySeeder

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
new RegistrySeeder(host).push("it/op", "1.0.0", [:])
ItSupport.gitInit(basedir, "master").close()
return true
