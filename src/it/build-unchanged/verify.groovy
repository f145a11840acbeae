import groovy.json.JsonSlurper
import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
def build = new JsonSlurper().parse(new File(basedir, "target/oda/build.json"))
assert build.images == []
String log = new File(basedir, "build.log").text
assert log.contains("Nothing to build")
assert !log.contains("cannot reach the Docker daemon")   // the unreachable daemon was never asked
return true
