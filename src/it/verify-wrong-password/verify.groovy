import org.odabuild.testing.ItSupport

ItSupport.stopRegistry(basedir)
String log = new File(basedir, "build.log").text
assert log =~ /registry 127\.0\.0\.1:\d+ rejected credentials of alice .* \(401 Unauthorized\): check the login/
assert !log.contains("Wrong-Pa55-4k2")
assert !log.contains("Right-Pa55-7x9")
return true
