import groovy.json.JsonSlurper
import java.time.Duration
import org.odabuild.core.BuildLog
import org.odabuild.core.registry.CredentialSource
import org.odabuild.core.registry.RegistryClient
import org.odabuild.core.registry.RegistrySettings
import org.odabuild.core.version.ImageName
import org.odabuild.testing.ItSupport

try {
    String head = new File(basedir, "target/head.txt").text
    def op = new JsonSlurper().parse(new File(basedir, "target/oda/build.json")).images[0]   // the second run's
    assert op.status == "already-published"
    String host = op.image.split("/")[0]
    def client = new RegistryClient(new RegistrySettings([host] as Set, Duration.ofSeconds(5), 2, Duration.ofMillis(50)),
            CredentialSource.none(), BuildLog.silent())
    def image = new ImageName(op.image)
    assert client.digest(image, "1.0.0").get() == op.digest
    assert client.labels(image, "1.0.0")["org.opencontainers.image.revision"] == head
    assert new File(basedir, "target/oda/values-digests.yaml").text.contains("1.0.0@" + op.digest)
    assert new File(basedir, "build.log").text.contains(":1.0.0 is already published from this commit")
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
