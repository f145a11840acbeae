import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
assert plan.branch == "docs/x"
assert plan.branchKind == "other"
assert plan.imagesToBuild == []
assert plan.images*.action == ["skip-branch", "skip-branch", "skip-branch"]
assert plan.images[0].changed == true
assert plan.images[0].reason.startsWith("branch docs/x builds no images")
return true
