import groovy.json.JsonSlurper

def images = new JsonSlurper().parse(new File(basedir, "target/oda/images.json")).images
assert images*.key == ["hello-operator", "hello-webhook"]
def op = images[0]
assert op.version == "0.10.0"                 // exact source text, not 0.1
assert op.prereleaseSuffix == "issue123"
assert op.tag == "0.10.0-issue123"
assert op.reference == "localhost:5000/odabuild/hello-operator:0.10.0-issue123"
assert op.release == false
assert op.valuesFile == "charts/demo/values.yaml"
assert op.valuesLine == 4
assert op.dockerfile == "demo/op/Dockerfile"
assert op.platforms == ["linux/amd64", "linux/arm64"]
def hook = images[1]
assert hook.prereleaseSuffix == null
assert hook.tag == "1.2.3"
assert hook.release == true
assert hook.displayName == "hello-webhook"
assert hook.dockerfile == "demo/op/webhook-dockerfile"

// the project properties reached a later plugin of the same build
def props = new Properties()
new File(basedir, "target/filtered/tags.properties").withInputStream { props.load(it) }
assert props["operator.tag"] == "0.10.0-issue123"
assert props["operator.reference"] == "localhost:5000/odabuild/hello-operator:0.10.0-issue123"
assert props["operator.version"] == "0.10.0"
assert props["operator.release"] == "false"
assert props["webhook.reference"] == "localhost:5000/odabuild/hello-webhook:1.2.3"
assert props["webhook.release"] == "true"

def log = new File(basedir, "build.log").text
assert log.contains("localhost:5000/odabuild/hello-operator:0.10.0-issue123  prerelease  charts/demo/values.yaml:4:12")
return true
