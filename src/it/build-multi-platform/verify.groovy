import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import org.odabuild.testing.ItSupport

// oda:build -Doda.push=true of an image with the default platforms (linux/amd64, linux/arm64), on a feature branch
// (invoker.goals) and then, after the merge, on master: each time one OCI image index under the tag, no helper tags
File log = new File(basedir, "target/steps.log")
def json = { String name -> new JsonSlurper().parse(new File(basedir, "target/oda/" + name)) }
def http = HttpClient.newHttpClient()
def accept = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, " +
        "application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json"
def get = { String url ->
    def r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
            HttpResponse.BodyHandlers.ofString())
    assert r.statusCode() == 200 : "GET " + url + ": " + r.statusCode() + " " + r.body()
    new JsonSlurper().parseText(r.body())
}

try {
    def op = json("build.json").images[0]
    assert op.status == "pushed"
    assert op.index == true
    assert op.platforms*.platform == ["linux/amd64", "linux/arm64"]
    String base = "http://" + op.image.split("/")[0] + "/v2/it/multi"
    def index = get(base + "/manifests/1.0.1-it-42")
    assert index.mediaType == "application/vnd.oci.image.index.v1+json"
    assert index.manifests*.digest as Set == op.platforms*.digest as Set
    index.manifests.each { entry ->
        def manifest = get(base + "/manifests/" + entry.digest)
        def config = get(base + "/blobs/" + manifest.config.digest)
        assert config.architecture == entry.platform.architecture   // each entry is the platform it says
        assert config.config.Labels["org.odabuild.branch"] == "feature/it-42"
    }
    assert get(base + "/tags/list").tags == ["1.0.1-it-42"]          // no -amd64 or temporary tags

    // the merge to master releases 1.0.1: the index goes up under 1.0.1 and latest, as one digest
    def git = org.eclipse.jgit.api.Git.open(basedir)
    git.checkout().setName("master").call()
    assert git.merge().include(git.repository.resolve("feature/it-42")).setMessage("merge").call().mergeStatus.successful
    ItSupport.replace(new File(basedir, "charts/values.yaml"), "prereleaseSuffix: it-42", "prereleaseSuffix:")
    ItSupport.commitAll(git, "release 1.0.1")
    git.close()
    assert ItSupport.mvn(basedir, log, "oda:build", "-Doda.push=true") == 0
    def release = json("build.json").images[0]
    assert release.status == "pushed" && release.tag == "1.0.1" && release.index == true
    assert release.tags == [release.reference, release.image + ":latest"]
    def released = get(base + "/manifests/1.0.1")
    assert released.manifests.collect { it.platform.os + "/" + it.platform.architecture } as Set ==
            ["linux/amd64", "linux/arm64"] as Set
    assert get(base + "/tags/list").tags as Set == ["1.0.1-it-42", "1.0.1", "latest"] as Set
    def latestDigest = http.send(HttpRequest.newBuilder(URI.create(base + "/manifests/latest")).header("Accept", accept)
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
            .headers().firstValue("Docker-Content-Digest").get()
    assert latestDigest == release.digest
    assert new File(basedir, "target/oda/values-digests.yaml").text.contains("1.0.1@" + release.digest)

    // the same job again: the release is there from this commit, nothing is built or pushed
    assert ItSupport.mvn(basedir, log, "oda:build", "-Doda.push=true") == 0
    def again = json("build.json").images[0]
    assert again.status == "already-published" && again.digest == release.digest
    return true
} finally {
    ItSupport.stopRegistry(basedir)
}
