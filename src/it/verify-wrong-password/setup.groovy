import org.odabuild.testing.ItSupport

// the registry accepts alice with the right password; the build logs in with a wrong one from DOCKER_CONFIG
String host = ItSupport.startRegistry(basedir, "alice", "Right-Pa55-7x9")
ItSupport.dockerLogin(new File(basedir, "docker-config"), host, "alice", "Wrong-Pa55-4k2")
ItSupport.replace(new File(basedir, "values.yaml"), "REGISTRY", host)
ItSupport.gitInit(basedir, "master").close()
return true
