import org.odabuild.testing.ItSupport

ItSupport.featureBranchWithAChange(basedir)
return true
