import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("feature/issue77").call()
new File(basedir, "src/op/app.txt").text = "op v2, and no version bump\n"
ItSupport.commitAll(git, "change op")
git.close()
return true
