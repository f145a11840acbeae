import groovy.json.JsonSlurper

def before = new File(basedir, "values-before.yaml").readLines()
def after = new File(basedir, "charts/demo/values.yaml").readLines()
assert before.size() == after.size()
def changed = (0..<before.size()).findAll { before[it] != after[it] }.collect { "${before[it]} => ${after[it]}" }
assert changed == ["  version: 1.4.9 =>   version: 1.4.10", "  prereleaseSuffix: =>   prereleaseSuffix: issue3456"]
def edits = new JsonSlurper().parse(new File(basedir, "target/oda/edits.json"))
assert edits.goal == "prerelease"
assert edits.edits*.path == [".op.version", ".op.prereleaseSuffix"]
assert edits.edits*.line == [4, 5]
return true
