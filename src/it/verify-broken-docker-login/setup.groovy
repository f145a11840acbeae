import org.odabuild.testing.ItSupport

// the registry asks for a login; DOCKER_CONFIG's entry for it is not base64 of user:password (a hand edit gone wrong)
String host = ItSupport.startRegistry(basedir, "alice", "Right-Pa55-7x9")
File config = new File(basedir, "docker-config/config.json")
config.parentFile.mkdirs()
// base64 of "alice Right-Pa55-7x9": a space where the colon belongs
config.text = '{\n  "auths": {\n    "' + host + '": {\n      "auth": "YWxpY2UgUmlnaHQtUGE1NS03eDk="\n    }\n  }\n}\n'
ItSupport.replace(new File(basedir, "values.yaml"), "REGISTRY", host)
ItSupport.gitInit(basedir, "master").close()
return true
