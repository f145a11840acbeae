// The how-to (docs/oda-canvas-work-with-dockerimages.txt), walked as a developer does it, with a real Docker daemon
// and registry; the registry is checked after every step.
import groovy.json.JsonSlurper
import java.time.Duration
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.api.MergeCommand
import org.odabuild.core.BuildLog
import org.odabuild.core.registry.CredentialSource
import org.odabuild.core.registry.RegistryClient
import org.odabuild.core.registry.RegistrySettings
import org.odabuild.core.version.ImageName
import org.odabuild.testing.ItSupport

File log = new File(basedir, "target/steps.log")
def json = { String name -> new JsonSlurper().parse(new File(basedir, "target/oda/" + name)) }
def mvn = { String... args -> ItSupport.mvn(basedir, log, args) }
def source = new File(basedir, "source/operators/secretsmanagementOperator-hc/docker/secretsmanagementOperatorHC.py")
def values = new File(basedir, "charts/canvas-oda/values.yaml")

try {
    String host = values.text.find(/image: (\S+)\//) { m, h -> h }.split("/")[0]
    def image = new ImageName(host + "/tmforumodacanvas/secretsmanagement-operator")
    def registry = new RegistryClient(new RegistrySettings([host] as Set, Duration.ofSeconds(5), 2,
            Duration.ofMillis(50)), CredentialSource.none(), BuildLog.silent())
    def digest = { String tag -> registry.manifest(image, tag).map { it.digest() }.orElse(null) }

    // the starting point: release 0.1.0 built on main
    assert json("build.json").images[0].status == "pushed"
    String released = digest("0.1.0")
    assert released != null && digest("latest") == released

    Git git = Git.open(basedir)
    try {
        // Step 1: a feature branch
        git.checkout().setCreateBranch(true).setName("feature/issue3456").call()

        // Step 2: prerelease version in values.yaml (0.1.0 -> 0.1.1-issue3456)
        assert mvn("oda:prerelease", "-Doda.images=secretsmanagement-operator") == 0
        assert values.text.contains("  version: 0.1.1\n  prereleaseSuffix: issue3456\n")
        ItSupport.commitAll(git, "secretsmanagement-operator: prerelease 0.1.1-issue3456")

        // Steps 3-4: change the code and push: the prerelease image is built and pushed
        source.text += 'logger.info(f"GitHub ISSUE #3456 was added here")\n'
        ItSupport.commitAll(git, "issue 3456: log line")
        assert mvn("oda:build", "-Doda.push=true") == 0
        def first = json("build.json").images[0]
        assert first.status == "pushed" && first.reference.endsWith(":0.1.1-issue3456")
        assert digest("0.1.1-issue3456") == first.digest
        assert digest("0.1.1") == null                        // no release from a feature branch
        assert registry.labels(image, "0.1.1-issue3456")["org.odabuild.branch"] == "feature/issue3456"

        // Step 5: redeploy from the laptop: pin the digest CI pushed
        assert mvn("oda:pin-digests") == 0
        assert new File(basedir, "target/oda/values-digests.yaml").text.contains("0.1.1-issue3456@" + first.digest)

        // Step 6: modify the code again: the same tag is pushed again with a new digest, and the pin follows it
        source.text = source.text.replace("was added here", "WAS FIXED!!!")
        ItSupport.commitAll(git, "issue 3456: fixed")
        assert mvn("oda:build", "-Doda.push=true") == 0
        def second = json("build.json").images[0]
        assert second.status == "pushed" && second.digest != first.digest
        assert digest("0.1.1-issue3456") == second.digest
        assert mvn("oda:pin-digests") == 0
        assert new File(basedir, "target/oda/values-digests.yaml").text.contains("0.1.1-issue3456@" + second.digest)

        // Step 7: the pull request: the no-prerelease check fails until release-prep clears the suffix
        assert mvn("oda:check-no-prerelease") != 0
        assert mvn("oda:release-prep") == 0
        assert values.text.contains("  version: 0.1.1\n  prereleaseSuffix:\n")
        def edits = json("edits.json").edits
        assert edits.find { it.file == "charts/secretsmanagement-operator/Chart.yaml" }.newValue == "1.0.3"
        assert edits.find { it.file == "charts/canvas-oda/Chart.yaml" && it.path == ".version" }.newValue == "1.2.6"
        ItSupport.commitAll(git, "[skip tests] release prep: remove prerelease suffixes")
        assert mvn("oda:check-no-prerelease") == 0

        // ... and that push builds nothing and stays green
        assert mvn("oda:build", "-Doda.push=true") == 0
        assert json("build.json").images == []
        def planned = json("plan.json").images[0]
        assert planned.action == "skip-release-version"
        assert planned.reason.startsWith("release 0.1.1 is built on master/main after the merge")
        assert json("plan.json").skipTests == true
        assert digest("0.1.1") == null

        // a code change without a suffix after that is refused again, and nothing reaches the registry
        source.text += "# late change\n"
        ItSupport.commitAll(git, "late change")
        assert mvn("oda:build", "-Doda.push=true") != 0
        assert log.text.contains("release versions can only be built from master/main")
        assert !new File(basedir, "target/oda/build.json").exists()      // no stale report of the green run
        assert digest("0.1.1") == null
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD~1").call()

        // Step 8: merge into main: the release image is built and pushed, latest follows it
        git.checkout().setName("main").call()
        def merge = git.merge().include(git.repository.resolve("feature/issue3456"))
                .setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage("Merge feature/issue3456").call()
        assert merge.mergeStatus.successful
        assert mvn("oda:build", "-Doda.push=true") == 0
        def release = json("build.json").images[0]
        assert release.status == "pushed" && release.reference.endsWith(":0.1.1")
        assert digest("0.1.1") == release.digest && digest("latest") == release.digest
        assert digest("0.1.0") == released                   // the old release is untouched
        assert registry.tags(image) as Set == ["0.1.0", "0.1.1-issue3456", "0.1.1", "latest"] as Set
    } finally {
        git.close()
    }
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
