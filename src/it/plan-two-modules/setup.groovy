import org.odabuild.testing.ItSupport

ItSupport.gitInit(basedir, "main").close()
// module c points oda.repositoryRoot at a second repository with its own image
File other = new File(basedir, "c/other")
new File(other, "src/op").mkdirs()
new File(other, "charts").mkdirs()
["dockerbuild-config.yaml", "charts/values.yaml", "src/op/Dockerfile", "src/op/app.txt"].each {
    new File(other, it).text = new File(basedir, it).text
}
ItSupport.gitInit(other, "main").close()
// recorded in this repository as a gitlink, as a submodule would be: the plan must read past it
def git = org.eclipse.jgit.api.Git.open(basedir)
ItSupport.commitAll(git, "the other repository, as a gitlink")
git.close()
return true
