import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/values.yaml"), "REGISTRY", host)
ItSupport.gitInit(basedir, "master").close()
return true
