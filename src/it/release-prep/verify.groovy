import groovy.json.JsonSlurper

String values = new File(basedir, "charts/demo/values.yaml").text
assert values.contains("  version: 1.4.10\n  prereleaseSuffix:\n")           // suffix gone, version kept
assert values.contains("image: tmforumodacanvas/op     # the operator")     // comments untouched
assert new File(basedir, "charts/demo/Chart.yaml").text == "apiVersion: v2\nname: demo\n# bump on every change\nversion: 0.3.2\n"
assert new File(basedir, "charts/umbrella/Chart.yaml").text.contains("version: \"0.3.2\"\n    repository: 'file://../demo'")
assert new File(basedir, "charts/umbrella/Chart.yaml").text.contains("version: 2.0.1\n")  // it ships the new demo chart
def check = new JsonSlurper().parse(new File(basedir, "target/oda/check-no-prerelease.json"))
assert check.passed == true
def edits = new JsonSlurper().parse(new File(basedir, "target/oda/edits.json"))
assert edits.edits*.file as Set == ["charts/demo/values.yaml", "charts/demo/Chart.yaml", "charts/umbrella/Chart.yaml"] as Set
// each edit names the rule that made it
assert edits.edits.find { it.file == "charts/demo/values.yaml" }.rule == "suffix-cleared"
assert edits.edits.find { it.file == "charts/demo/Chart.yaml" }.rule == "image-version-changed (op)"
assert edits.edits.findAll { it.file == "charts/umbrella/Chart.yaml" }*.rule as Set ==
        ["dependency-version (demo)", "dependency-bumped (demo)"] as Set
return true
