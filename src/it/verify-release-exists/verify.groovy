import groovy.json.JsonSlurper
import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String digest = new File(basedir, "seeded-digest").text
String log = new File(basedir, "build.log").text
assert log.contains("verify-release-immutable failed")
assert log =~ /127\.0\.0\.1:\d+\/it\/op:1\.0\.0 already exists \(${digest}\): release tags are immutable/
def report = new JsonSlurper().parse(new File(basedir, "target/oda/verify-release-immutable.json"))
assert report.passed == false
assert report.images[0].tagExists == true
assert report.images[0].digest == digest
return true
