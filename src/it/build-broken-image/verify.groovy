import groovy.json.JsonSlurper
import java.time.Duration
import org.odabuild.core.BuildLog
import org.odabuild.core.registry.CredentialSource
import org.odabuild.core.registry.RegistryClient
import org.odabuild.core.registry.RegistrySettings
import org.odabuild.core.version.ImageName
import org.odabuild.testing.ItSupport

try {
    String log = new File(basedir, "build.log").text
    // the second run fails at the end, naming the broken entry with its file and line
    assert log =~ /charts\/values\.yaml.*has no value at '\.hook\.image'/
    def plan = new JsonSlurper().parse(new File(basedir, "target/oda/plan.json"))
    def hook = plan.images.find { it.key == "hook" }
    assert hook.action == "refuse" && hook.broken == true
    assert plan.images.find { it.key == "op" }.action == "build-prerelease"
    // ... after the good image was handled: pushed by the first run, up to date in the second
    def build = new JsonSlurper().parse(new File(basedir, "target/oda/build.json"))
    def op = build.images.find { it.key == "op" }
    assert op.status == "up-to-date"
    String host = op.image.split("/")[0]
    def client = new RegistryClient(new RegistrySettings([host] as Set, Duration.ofSeconds(5), 2, Duration.ofMillis(50)),
            CredentialSource.none(), BuildLog.silent())
    assert client.manifest(new ImageName(op.image), "1.0.1-it-5").get().digest() == op.digest
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
