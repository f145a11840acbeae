// Makes the copied IT project a real git repository (branch main, one commit), so the plugin finds its root here.
import org.odabuild.testing.ItSupport

ItSupport.gitInit(basedir, "main").close()
return true
