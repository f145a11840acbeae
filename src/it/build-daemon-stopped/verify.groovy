import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String log = new File(basedir, "build.log").text
assert log.contains("cannot reach the Docker daemon at unix:///nonexistent/docker.sock")
assert log.contains("point DOCKER_HOST or -Doda.dockerHost=<url> at a running daemon")
return true
