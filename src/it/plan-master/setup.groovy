import org.odabuild.testing.ItSupport

def git = ItSupport.gitInit(basedir, "master")
def values = new File(basedir, "charts/demo/values.yaml")
ItSupport.replace(values, "version: 1.0.0", "version: 1.1.0")
ItSupport.replace(values, "version: 2.0.0\n  prereleaseSuffix:", "version: 2.0.1\n  prereleaseSuffix: forgotten")
new File(basedir, "src/op/app.txt").text = "op v2\n"
ItSupport.commitAll(git, "release op, forget hook's suffix")
git.close()
return true
