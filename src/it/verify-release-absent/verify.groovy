import groovy.json.JsonSlurper
import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
def report = new JsonSlurper().parse(new File(basedir, "target/oda/verify-release-immutable.json"))
assert report.passed == true
assert report.images.size() == 1
assert report.images[0].tagExists == false
assert report.images[0].newestRelease == "0.9.0"
assert new File(basedir, "build.log").text.contains("Registry check passed for 1 planned image(s)")
return true
