String log = new File(basedir, "build.log").text
// one plan and one check per repository: the root project and module c (its own repository)
assert (log =~ /\[INFO\] Branch main \(release/).size() == 2
assert (log =~ /No prerelease suffixes: all 1 images/).size() == 2
assert log.contains("Skipping plan in module-a: it already ran in this build for the repository")
assert log.contains("Skipping plan in module-b: it already ran in this build for the repository")
assert log.contains("Skipping check-no-prerelease in module-b")
assert !log.contains("Skipping plan in module-c")
assert new File(basedir, "target/oda/plan.json").exists()
assert new File(basedir, "c/target/oda/plan.json").exists()
assert !new File(basedir, "a/target/oda/plan.json").exists()
return true
