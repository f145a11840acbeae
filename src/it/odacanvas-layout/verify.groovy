import groovy.json.JsonSlurper

def images = new JsonSlurper().parse(new File(basedir, "target/oda/images.json")).images
assert images.size() == 16
def refs = images.collectEntries { [(it.key): it.reference] }
assert refs["compcrdwebhook"] == "tmforumodacanvas/compcrdwebhook:1.0.2"
assert refs["component-operator"] == "tmforumodacanvas/component-operator:1.1.2"
assert refs["baseimage-kubectl-curl"] == "tmforumodacanvas/baseimage-kubectl-curl:1.30.5"
assert refs["oauth2envoyfilter-operator"] == "tmforumodacanvas/oauth2-envoy-op:0.1.0"
assert refs["credentialsmanagement-operator"] == "tmforumodacanvas/credentialsmanagement-operator:1.0.0"
assert refs["secretsmanagement-operator-vault"] == "tmforumodacanvas/secretsmanagement-operator-vault:1.0.0"
assert images.every { it.release }
assert images.find { it.key == "dependentapi-simple-operator" }.testDockerfile.endsWith("/DockerfileTest")
return true
