// Makes the copied IT project a real git repository (branch main, one commit), so the plugin finds its root here.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def me = new PersonIdent("oda-it", "oda-it@example.org")
new File(basedir, ".gitignore").text = "build.log\ntarget/\n"
Git git = Git.init().setDirectory(basedir).setInitialBranch("main").call()
git.add().addFilepattern(".").call()
git.commit().setMessage("initial").setAuthor(me).setCommitter(me).setSign(false).call()
git.close()
return true
