import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String log = new File(basedir, "build.log").text
// fabric8 alone stopped on it with "Invalid credentials" (or a Gson cast) and no file
assert log =~ /docker-config\/config\.json:4: 'auth' of the login for '127\.0\.0\.1:\d+' in 'auths' is not base64 of user:password: run 'docker login 127\.0\.0\.1:\d+' again/
assert !log.contains("YWxpY2UgUmlnaHQtUGE1NS03eDk")
assert !log.contains("Right-Pa55-7x9")
return true
