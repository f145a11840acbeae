// Makes the IT project a git repository with history; the plugin reads it with JGit.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def me = new PersonIdent("oda-it", "oda-it@example.org")
new File(basedir, ".gitignore").text = "build.log\ntarget/\n"
Git git = Git.init().setDirectory(basedir).setInitialBranch("master").call()
def commit = { String message ->
    git.add().addFilepattern(".").call()
    git.add().addFilepattern(".").setUpdate(true).call()
    git.commit().setMessage(message).setAuthor(me).setCommitter(me).setSign(false).call()
}
def values = new File(basedir, "charts/demo/values.yaml")
commit("initial")

values.text = values.text.replace("version: 1.0.0", "version: 1.1.0")
            .replace("version: 2.0.0\n  prereleaseSuffix:", "version: 2.0.1\n  prereleaseSuffix: forgotten")
new File(basedir, "src/op/app.txt").text = "op v2\n"
commit("release op, forget hook's suffix")
git.close()
return true
