package org.odabuild.core.build;

import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.DmpDockerDaemon;
import org.odabuild.core.docker.DockerDaemon;

/** Connects to the daemon only when an image really has to be built or pushed. */
@FunctionalInterface
public interface DaemonFactory {

    DockerDaemon connect(String dockerHost, String certPath, BuildLog log);

    static DaemonFactory fabric8() {
        return DmpDockerDaemon::connect;
    }
}
