import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
assert plan.branch == "feature/issue3456"
assert plan.branchKind == "prerelease"
assert plan.baseReason == "merge-base with master"
assert plan.imagesToBuild == ["op"]
def img = plan.images.collectEntries { [(it.key): it] }
assert img.op.action == "build-prerelease"
assert img.op.tag == "1.0.1-issue3456"
assert img.op.changedFiles == ["src/op/app.txt", "charts/demo/values.yaml"]
assert img.hook.action == "refuse"
assert img.hook.reason.startsWith("release versions can only be built from master/main (branch feature/issue3456, image hook, version 2.0.0)")
assert img.extra.action == "skip-unchanged"
assert img.extra.changed == false

def log = new File(basedir, "build.log").text
assert log.contains("refused: hook: release versions can only be built from master")
assert log =~ /op\s+1\.0\.1-issue3456\s+yes \(2 files\)\s+bumped\s+build-prerelease/
assert log.contains("oda plan (a build of this push would stop here; plan.json is written) failed:")
return true
