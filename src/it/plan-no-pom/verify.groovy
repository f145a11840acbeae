// oda-canvas has no pom at its root: the repository goals run with the plugin's full coordinates.
import groovy.json.JsonSlurper
import org.odabuild.testing.ItSupport

String version = (new File(basedir, "pom.xml").text =~ /<artifactId>oda-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
String plugin = "org.odabuild:oda-maven-plugin:" + version + ":"
File repo = new File(basedir, "oda-canvas")
File log = new File(basedir, "steps.log")
assert !new File(repo, "pom.xml").exists()

assert ItSupport.mvn(repo, log, plugin + "plan") == 0
def plan = new JsonSlurper().parse(new File(repo, "target/oda/plan.json"))    // at the repository root
// oda-canvas ignores no target/: the reports' folder ignores itself, so git status stays clean
def status = org.eclipse.jgit.api.Git.open(repo).withCloseable { it.status().call() }
assert status.clean : "the reports show in git status: " + status.untracked
assert plan.branch == "feature/issue3456"
assert plan.imagesToBuild == ["component-operator"]
assert plan.images.findAll { it.action == "skip-unchanged" }.size() == 15

assert ItSupport.mvn(repo, log, plugin + "resolve-version") == 0
assert new JsonSlurper().parse(new File(repo, "target/oda/images.json")).images.size() == 16

assert ItSupport.mvn(repo, log, plugin + "check-no-prerelease") != 0
assert ItSupport.text(log).contains("charts/canvas-oda/values.yaml:169 component-operator=issue3456")

assert ItSupport.mvn(repo, log, plugin + "release-prep") == 0
def edits = new JsonSlurper().parse(new File(repo, "target/oda/edits.json")).edits
assert edits*.file as Set == ["charts/canvas-oda/values.yaml", "charts/component-operator/Chart.yaml",
        "charts/canvas-oda/Chart.yaml"] as Set
assert ItSupport.mvn(repo, log, plugin + "check-no-prerelease") == 0
assert !new File(basedir, "target/oda").exists()     // nothing went to the holder project
return true
