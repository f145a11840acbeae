import org.odabuild.testing.ItSupport

String host = ItSupport.startRegistry(basedir, null, null)
ItSupport.replace(new File(basedir, "charts/canvas-oda/values.yaml"), "REGISTRY", host)
ItSupport.gitInit(basedir, "main").close()
return true
