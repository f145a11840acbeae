import groovy.json.JsonSlurper

def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
assert plan.branch == "feature/issue3456"
assert plan.images.size() == 16
assert plan.imagesToBuild == ["secretsmanagement-operator-vault"]
def vault = plan.images.find { it.key == "secretsmanagement-operator-vault" }
assert vault.action == "build-prerelease"
assert vault.reference == "tmforumodacanvas/secretsmanagement-operator-vault:1.0.1-issue3456"
assert vault.changedFiles == ["source/operators/TMFOP007-Secrets-Management/vault/docker/secretsmanagementOperator.py",
                              "charts/canvas-oda/values.yaml"]
def others = plan.images.findAll { it.key != "secretsmanagement-operator-vault" }
assert others.size() == 15
assert others.every { it.action == "skip-unchanged" && !it.changed }
return true
