import groovy.json.JsonSlurper

String log = new File(basedir, "build.log").text
assert log =~ /charts\/demo\/values.yaml:3:12: image op changed since [0-9a-f]{7} \(merge-base with [^)]+\) but/
assert log.contains("its version 1.0.0 is not above 1.0.0: bump it")
assert log =~ /(?m)^::error file=charts\/demo\/values\.yaml,line=3,col=12::charts\/demo\/values\.yaml:3:12: image op/
def report = new JsonSlurper().parse(new File(basedir, "target/oda/check-version-bump.json"))
assert report.passed == false
assert report.images*.name == ["op"]
return true
