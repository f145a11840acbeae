import groovy.json.JsonSlurper
import java.time.Duration
import org.odabuild.core.BuildLog
import org.odabuild.core.registry.CredentialSource
import org.odabuild.core.registry.RegistryClient
import org.odabuild.core.registry.RegistrySettings
import org.odabuild.core.version.ImageName
import org.odabuild.testing.ItSupport

try {
    def build = new JsonSlurper().parse(new File(basedir, "target/oda/build.json"))
    assert build.branch == "feature/it-42"
    assert build.pushed == true
    def op = build.images[0]
    assert op.status == "pushed"
    assert op.tag == "1.0.1-it-42"
    assert op.tags == [op.reference]                      // no latest for a prerelease

    String host = op.image.split("/")[0]
    def client = new RegistryClient(new RegistrySettings([host] as Set, Duration.ofSeconds(5), 2, Duration.ofMillis(50)),
            CredentialSource.none(), BuildLog.silent())
    def image = new ImageName(op.image)
    assert client.manifest(image, "1.0.1-it-42").get().digest() == op.digest   // the registry serves what was pushed
    def labels = client.labels(image, "1.0.1-it-42")
    String head = new File(basedir, "head.txt").text
    assert labels["org.opencontainers.image.revision"] == head
    assert labels["it.commit"] == head.substring(0, 7)           // the GIT_COMMIT_SHA build arg
    assert labels["org.odabuild.branch"] == "feature/it-42"
    assert labels["org.opencontainers.image.version"] == "1.0.1-it-42"

    def pins = new File(basedir, "target/oda/values-digests.yaml").text
    assert pins.contains("\"version\": \"1.0.1-it-42@${op.digest}\"")
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
