import groovy.json.JsonSlurper
import org.odabuild.testing.ItSupport

try {
    String log = new File(basedir, "build.log").text
    // the goals ran in lifecycle order
    def order = ["oda:@project.version@:check-no-prerelease".replace("@project.version@", ""), "resolve-version",
                 "build-image", "verify-release-immutable", "push-image"].collect { g ->
        def m = (log =~ /--- oda:[^:]+:${g.replace("oda::", "")} /)
        assert m.find() : "goal ${g} did not run"
        m.start()
    }
    assert order == order.sort(false)
    assert log.contains("No prerelease suffixes")

    def build = new JsonSlurper().parse(new File(basedir, "target/oda/build.json"))
    assert build.branch == "master"
    assert build.pushed == true
    assert build.images[0].status == "pushed"
    assert build.images[0].tag == "1.1.0"
    assert build.images[0].tags.size() == 2               // the release and latest
    assert build.images[0].digest ==~ /sha256:[0-9a-f]{64}/
    def verify = new JsonSlurper().parse(new File(basedir, "target/oda/verify-release-immutable.json"))
    assert verify.passed == true
    assert verify.images[0].newestRelease == "0.9.0"
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
