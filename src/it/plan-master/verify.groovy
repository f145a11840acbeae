import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
assert plan.branch == "master"
assert plan.branchKind == "release"
assert plan.baseReason == "HEAD's first parent"
assert plan.imagesToBuild == ["op"]
def img = plan.images.collectEntries { [(it.key): it] }
assert img.op.action == "build-release"
assert img.op.tag == "1.1.0"
assert img.hook.action == "refuse"
assert img.hook.reason.contains("cannot be built on release branch master")
assert img.hook.reason.contains("charts/demo/values.yaml:8:21")
assert img.extra.action == "skip-unchanged"

def log = new File(basedir, "build.log").text
assert log.contains("oda plan (a build of this push would stop here; plan.json is written) failed:")
assert log =~ /hook: prerelease versions cannot be built on release branch master/
return true
