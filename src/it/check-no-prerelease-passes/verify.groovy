import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, "target/oda/check-no-prerelease.json"))
assert report.passed == true
assert report.imagesChecked == 2
assert report.violations == []
assert new File(basedir, "build.log").text.contains("all 2 images point to release versions")
return true
