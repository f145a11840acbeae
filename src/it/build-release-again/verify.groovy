import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String log = new File(basedir, "build.log").text
assert log.contains("oda build (registry check, before any build) failed")
assert log =~ /it\/op:1\.0\.0 already exists \(sha256:[0-9a-f]{64}\): release tags are immutable/
assert !log.contains("] Building 127.0.0.1") : "an image build started"  // failed before building
assert !log.contains("cannot reach the Docker daemon")
return true
