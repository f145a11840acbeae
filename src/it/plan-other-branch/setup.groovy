import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "master")
git.checkout().setCreateBranch(true).setName("docs/x").call()
new File(basedir, "src/op/app.txt").text = "op v2\n"
ItSupport.commitAll(git, "docs")
git.close()
return true
