package org.odabuild.maven;

import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;

/**
 * Lets a repository-wide goal run once per repository root in a multi-module build: the first module claims it in
 * the build's session data (atomically, so parallel builds agree), later modules skip. Modules whose
 * {@code oda.repositoryRoot} names another repository get a run of their own.
 */
final class OncePerRepository {

    private OncePerRepository() {
    }

    static boolean claim(MavenSession session, MojoExecution execution, Path repositoryRoot) {
        String key = OncePerRepository.class.getName() + ":" + execution.getGoal() + ":" + execution.getExecutionId()
                + ":" + repositoryRoot;
        return session.getRepositorySession().getData().set(key, null, Boolean.TRUE);
    }
}
