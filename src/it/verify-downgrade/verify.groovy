import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String log = new File(basedir, "build.log").text
assert log.contains("version 1.0.0 is lower than 1.2.0, the newest release in the registry: set a version above 1.2.0")
return true
