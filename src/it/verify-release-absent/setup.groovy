import org.odabuild.testing.ItSupport
import org.odabuild.testing.RegistrySeeder

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "values.yaml"), "REGISTRY", host)
new RegistrySeeder(host).push("it/op", "0.9.0", [:])
ItSupport.gitInit(basedir, "master").close()
return true
