import groovy.json.JsonSlurper

String log = new File(basedir, "build.log").text
assert log =~ /Versions bumped: 1 changed image\(s\) and 0 changed chart\(s\) are above their versions at [0-9a-f]{7} \(merge-base with [^)]+\)\./
assert log =~ /op\s+1\.0\.1-issue77\s+yes \(2 files\)\s+bumped\s+build-prerelease/    // the plan's BUMP column
def report = new JsonSlurper().parse(new File(basedir, "target/oda/check-version-bump.json"))
assert report.passed == true
assert report.images[0].baseVersion == "1.0.0" && report.images[0].version == "1.0.1"
def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
assert plan.images.find { it.key == "op" }.versionBump == "bumped"
return true
