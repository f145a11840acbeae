import org.odabuild.testing.ItSupport

String host = ItSupport.stoppedRegistry(basedir)
ItSupport.replace(new File(basedir, "values.yaml"), "REGISTRY", host)
ItSupport.gitInit(basedir, "master").close()
return true
