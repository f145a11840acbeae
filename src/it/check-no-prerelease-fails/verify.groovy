import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains('check "no prerelease suffixes" failed')
assert log.contains("charts/demo/values.yaml:5 hello-operator=issue123")
assert log.contains("charts/demo/values.yaml:10 hello-webhook=odaa-42-fix")

def report = new JsonSlurper().parse(new File(basedir, "target/oda/check-no-prerelease.json"))
assert report.passed == false
assert report.violations*.key == ["hello-operator", "hello-webhook"]
assert report.violations*.line == [5, 10]
return true
