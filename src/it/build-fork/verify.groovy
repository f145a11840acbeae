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
    def op = build.images[0]
    String host = op.image.split("/")[0]
    assert op.image == host + "/ocfork/op"
    assert op.status == "pushed" && op.reference == host + "/ocfork/op:1.0.1-issue3456"
    def client = new RegistryClient(new RegistrySettings([host] as Set, Duration.ofSeconds(5), 2, Duration.ofMillis(50)),
            CredentialSource.none(), BuildLog.silent())
    assert client.manifest(new ImageName(host + "/ocfork/op"), "1.0.1-issue3456").get().digest() == op.digest
    assert client.tags(new ImageName(host + "/it/op")).isEmpty()            // upstream's repository untouched
    assert new File(basedir, "target/github-output").text.contains("digests={\"op\":\"" + op.digest + "\"}")
    // values.yaml still names upstream; the override for helm names the fork (written again by pin-digests)
    assert new File(basedir, "charts/values.yaml").text.contains("image: " + host + "/it/op")
    String pins = new File(basedir, "target/oda/values-digests.yaml").text
    assert pins.contains("\"image\": \"" + host + "/ocfork/op\"")
    assert pins.contains("\"version\": \"1.0.1-issue3456@" + op.digest + "\"")
    def pinned = new JsonSlurper().parse(new File(basedir, "target/oda/pin-digests.json"))
    assert pinned.pinned*.digest == [op.digest] && pinned.missing == []
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
